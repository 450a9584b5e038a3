using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FineTunePolicy.Benchmarks;

/// <summary>
/// A host for CPU profiles, not a benchmark: analyses the whole generated workload as a build does (all files,
/// concurrent unless --sequential), a fresh compilation per round, and prints the driver's own per-analyzer times. Profile it with
/// <c>dotnet-trace collect -- dotnet tests/FineTunePolicy.Benchmarks/bin/Release/net10.0/FineTunePolicy.Benchmarks.dll --whole 2000 5</c>.
/// With --inventory, rounds alternate between the inventory of LLM use (FTP0100) off and on, and each prints the process's
/// CPU time for the analysis, which a shared machine disturbs less than wall time.
/// </summary>
internal static class WholeCompilation
{
    public static int Run(string[] args)
    {
        var files = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 500;
        var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
        var concurrent = !args.Contains("--sequential");
        var trees = Workload.Files(files).Select(f => Workload.Parse(File.ReadAllText(f), f)).ToList();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: concurrent,
                logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false);

        FineTunePolicy.Analyzers.Flow.FlowEngine? engine = null;
        FineTunePolicy.Analyzers.ClassifiedDataFlowAnalyzer.EngineCreated += created => engine ??= created;
        // The names pass of SinkReach: once with cold code, then on freshly parsed trees (the build's case), then cached (the IDE's).
        for (var pass = 0; pass < 2; pass++)
        {
            var fresh = Workload.Files(files).Select(f => Workload.Parse(File.ReadAllText(f), f)).ToList();
            var probe = Workload.Compile("Probe", fresh);
            _ = probe.SourceModule.ReferencedAssemblySymbols; // bound before analyzers run in a build
            var clock = Stopwatch.StartNew();
            var reach = FineTunePolicy.Analyzers.Flow.SinkReach.Compute(probe,
                FineTunePolicy.Analyzers.Sinks.SinkNames.Of(probe,
                System.Collections.Immutable.ImmutableArray<FineTunePolicy.Analyzers.Policy.CustomSink>.Empty), CancellationToken.None);
            var uncached = clock.Elapsed;
            clock.Restart();
            FineTunePolicy.Analyzers.Flow.SinkReach.Compute(probe,
                FineTunePolicy.Analyzers.Sinks.SinkNames.Of(probe,
                System.Collections.Immutable.ImmutableArray<FineTunePolicy.Analyzers.Policy.CustomSink>.Empty), CancellationToken.None);
            Console.WriteLine($"sink reach over {files} files, pass {pass + 1}: {uncached.TotalMilliseconds:F0} ms new trees, "
                + $"{clock.Elapsed.TotalMilliseconds:F0} ms trees' names cached; {reach.ReachingNameCount} names");
        }

        var inventoryRounds = args.Contains("--inventory");
        for (var round = 1; round <= rounds; round++)
        {
            var compilation = Workload.Compile("Whole" + round, trees);
            var inventory = inventoryRounds && round % 2 == 0;
            if (inventory)
            {
                compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
                    compilation.Options.SpecificDiagnosticOptions.SetItem(FineTunePolicy.Analyzers.DiagnosticIds.LlmInventory, ReportDiagnostic.Info)));
            }

            engine = null;
            var clock = Stopwatch.StartNew();
            var compilerDiagnostics = compilation.GetDiagnostics().Length;
            var compile = clock.Elapsed;
            clock.Restart();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var withAnalyzers = compilation.WithAnalyzers(Workload.Ours, options);
            var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            var analysis = clock.Elapsed;
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var times = Workload.Ours.Select(a => withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).GetAwaiter().GetResult()
                .ExecutionTime.TotalSeconds);
            Console.WriteLine($"round {round}{(inventoryRounds ? inventory ? " (inventory on)" : " (inventory off)" : "")}: {files} files; compiler "
                + $"diagnostics {compile.TotalSeconds:F2} s ({compilerDiagnostics}); analyzers {analysis.TotalSeconds:F2} s wall, {cpu.TotalSeconds:F2} s CPU, "
                + $"driver-reported {string.Join(" + ", times.Select(t => t.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))} s; "
                    + $"{diagnostics.Length} diagnostics; "
                + $"{engine?.SummariesComputed} method bodies summarised, {engine?.Reach(CancellationToken.None).ReachingNameCount} names reach a sink; "
                + $"state: {engine?.State.TreesSearched} trees searched for a name, {engine?.State.NamesBound} names bound");
        }

        return 0;
    }
}
