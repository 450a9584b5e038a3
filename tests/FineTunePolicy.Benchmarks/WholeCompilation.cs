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
/// CPU time for the analysis, which a shared machine disturbs less than wall time. With --metered (Linux), each analyzer is wrapped in
/// <see cref="MeteredAnalyzer"/> and each round also prints the CPU time of its callbacks' threads, their wall time and the bytes they
/// allocated; --control adds <see cref="BusyCodeBlockAnalyzer"/>, whose wall time over CPU time is what preemption alone adds; and
/// --ftp0009-none turns FTP0009 off in even rounds, to show what that rule costs; --suppress FTP0008,FTP0009,FTP0010 turns rules off in
/// every round (with --baseline, the rules of a build that did not have them: a comparison like for like). With --fresh, each round
/// parses the trees afresh, as each build does, so that what is kept per tree (its names and words,
/// <see cref="FineTunePolicy.Analyzers.TreeNames"/>) is read again.
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
        var metered = args.Contains("--metered") && MeteredAnalyzer.IsSupported;
        var baselineAt = Array.IndexOf(args, "--baseline");
        var baseline = baselineAt >= 0
            ? BaselineComparisonBenchmarks.LoadAnalyzers(Path.GetFullPath(args[baselineAt + 1]))
            : (ImmutableArray<DiagnosticAnalyzer>?)null;
        for (var round = 1; round <= rounds; round++)
        {
            if (args.Contains("--fresh") && round > 1)
            {
                // Trees parsed afresh, as each build parses them: what is cached per tree (its names and words) is read again.
                trees = Workload.Files(files).Select(f => Workload.Parse(File.ReadAllText(f), f)).ToList();
            }

            var compilation = Workload.Compile("Whole" + round, trees);
            if (args.Contains("--application"))
            {
                // The same code as an application: FTP0008/FTP0009 concern libraries only, so this isolates their cost.
                compilation = compilation.WithOptions(compilation.Options.WithOutputKind(OutputKind.ConsoleApplication).WithMainTypeName(null));
            }

            var suppressAt = Array.IndexOf(args, "--suppress");
            if (suppressAt >= 0)
            {
                // Rules turned off in every round, for example those added after a baseline: --suppress FTP0008,FTP0009,FTP0010.
                foreach (var id in args[suppressAt + 1].Split(','))
                {
                    compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
                        compilation.Options.SpecificDiagnosticOptions.SetItem(id, ReportDiagnostic.Suppress)));
                }
            }

            if (args.Contains("--ftp0009-none") && round % 2 == 0)
            {
                // Even rounds as a library that turns FTP0009 off (dotnet_diagnostic.FTP0009.severity = none): what the rule costs.
                compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
                    compilation.Options.SpecificDiagnosticOptions.SetItem(FineTunePolicy.Analyzers.DiagnosticIds.VisibleMethodReturnsClassifiedData,
                        ReportDiagnostic.Suppress)));
            }

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
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var collections = GC.CollectionCount(0);
            var contentions = Monitor.LockContentionCount;
            // With --baseline, even rounds run the other build's analyzers (loaded apart, on the same Roslyn).
            var ofBaseline = baseline is not null && round % 2 == 0;
            var analyzers = ofBaseline ? baseline!.Value : Workload.Ours;
            if (args.Contains("--control"))
            {
                analyzers = analyzers.Add(new BusyCodeBlockAnalyzer());
            }

            if (metered)
            {
                analyzers = analyzers.Select(a => (DiagnosticAnalyzer)new MeteredAnalyzer(a)).ToImmutableArray();
            }

            if (args.Contains("--bound"))
            {
                // An operation-block analyzer beside ours makes the driver bind every body, as SecurityCodeScan does in the build
                // benchmark's `all` mode: what is charged to ours is then its analysis, not the binding it shares.
                analyzers = analyzers.AddRange(Workload.Empty);
            }

            var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
            var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            var analysis = clock.Elapsed;
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            collections = GC.CollectionCount(0) - collections;
            contentions = Monitor.LockContentionCount - contentions;
            var times = analyzers.Select(a => withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).GetAwaiter().GetResult()
                .ExecutionTime.TotalSeconds);
            var label = (baseline is null ? "" : ofBaseline ? " (baseline)" : " (this build)")
                + (inventoryRounds ? inventory ? " (inventory on)" : " (inventory off)" : "");
            var byRule = string.Join(", ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => g.Key + " " + g.Count()));
            Console.WriteLine($"round {round}{label}: {files} files; compiler "
                + $"diagnostics {compile.TotalSeconds:F2} s ({compilerDiagnostics}); analyzers {analysis.TotalSeconds:F2} s wall, {cpu.TotalSeconds:F2} s CPU, "
                + $"{allocated / 1048576} MB allocated, {collections} collections, {contentions} lock contentions, "
                + $"driver-reported {string.Join(" + ", times.Select(t => t.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))} s; "
                + (metered ? $"metered {string.Join(" + ", analyzers.OfType<MeteredAnalyzer>().Select(Metered))}; " : "")
                + $"{diagnostics.Length} diagnostics ({byRule}); "
                + $"{engine?.SummariesComputed} method bodies summarised, {engine?.WritesEvaluated} writes evaluated, "
                + $"{engine?.Reach(CancellationToken.None).ReachingNameCount} names reach a sink; "
                + $"state: {engine?.State.TreesLookedAt} trees looked at, {engine?.State.TreesSearched} trees searched for a name, "
                + $"{engine?.State.OccurrencesLocated} occurrences located, "
                + $"{engine?.State.NamesBound} names bound, "
                + $"{engine?.State.Lookups.Words} words looked up, {engine?.State.Lookups.Reaching} types' reaching trees read");
        }

        return 0;
    }

    private static string Metered(MeteredAnalyzer analyzer) =>
        $"{analyzer.Cpu.TotalSeconds:F3} s CPU {analyzer.Wall.TotalSeconds:F3} s wall {analyzer.AllocatedBytes / 1048576.0:F1} MB";
}
