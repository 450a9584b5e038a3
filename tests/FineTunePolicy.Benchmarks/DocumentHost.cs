using System.Diagnostics;
using FineTunePolicy.Analyzers.Flow;

namespace FineTunePolicy.Benchmarks;

/// <summary>
/// A host, not a benchmark: the engine alone on the one-document workload of <see cref="OneDocumentBenchmarks"/>, 10 analyses per
/// round, printing each round's mean time, allocation and work counters (bodies summarised, files searched for a state member's
/// name, names bound). Built at two commits and run alternately (<c>--document 6</c>), it compares builds whose engines differ,
/// which <see cref="BaselineComparisonBenchmarks"/> cannot: that one goes through the driver.
/// </summary>
internal static class DocumentHost
{
    private const int AnalysesPerRound = 10;

    public static int Run(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 6;
        var benchmark = new OneDocumentBenchmarks();
        benchmark.Setup();
        for (var round = 1; round <= rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var findings = 0;
            FlowEngine? engine = null;
            for (var i = 0; i < AnalysesPerRound; i++)
            {
                findings += benchmark.AnalyzeWithEngine(out engine);
            }

            var milliseconds = clock.Elapsed.TotalMilliseconds / AnalysesPerRound;
            var kilobytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / AnalysesPerRound / 1024;
            Console.WriteLine($"round {round}: {milliseconds:F1} ms, {kilobytes} KB per analysis; {findings / AnalysesPerRound} findings, "
                + $"{engine!.SummariesComputed} bodies summarised, {engine.State.TreesSearched} files searched for a name, "
                + $"{engine.State.NamesBound} names bound");
        }

        return 0;
    }
}
