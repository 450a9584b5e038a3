using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FineTunePolicy.Benchmarks;

public static class Program
{
    /// <summary>
    /// dotnet run -c Release --project tests/FineTunePolicy.Benchmarks -- --filter '*' [--short]
    /// In-process (no generated project), MemoryDiagnoser on every benchmark; add --profiler EP or
    /// run under dotnet-trace for CPU profiles (docs/performance.md). --whole N [rounds] is not a benchmark: a long-running
    /// host for dotnet-trace that analyses the whole N-file workload, as a build does (WholeCompilation); --whole N rounds
    /// --inventory alternates the inventory of LLM use (FTP0100) off and on and prints each round's CPU time; --baseline DLL alternates
    /// this build with another build's analyzers; --bound adds an operation-block analyzer that makes the driver bind every body
    /// (as SecurityCodeScan does in the build's `all` mode); --fresh parses the trees afresh each round, as each build does;
    /// --application compiles the workload as an application (no FTP0008/FTP0009). --document [rounds]
    /// is the engine alone on the one-document workload, for comparing two commits' builds (DocumentHost). --names N [passes] is the
    /// names pass alone (TreeNamesHost): each tree's declarations, members' names and words, on trees parsed afresh each pass.
    /// </summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--whole")
        {
            return WholeCompilation.Run(args.Skip(1).ToArray());
        }

        if (args.Length > 0 && args[0] == "--names")
        {
            return TreeNamesHost.Run(args.Skip(1).ToArray());
        }

        if (args.Length > 0 && args[0] == "--document")
        {
            return DocumentHost.Run(args.Skip(1).ToArray());
        }

        // --short: 3 warm-ups and 3 iterations (a quick look on a busy machine); otherwise BenchmarkDotNet's defaults.
        var quick = args.Contains("--short");
        args = args.Where(a => a != "--short").ToArray();
        var job = (quick ? Job.ShortRun : Job.Default).WithToolchain(InProcessEmitToolchain.Instance).WithId(quick ? "InProcessShort" : "InProcess");
        var config = DefaultConfig.Instance
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
    }
}
