using System.Diagnostics;
using FineTunePolicy.Analyzers;

namespace FineTunePolicy.Benchmarks;

/// <summary>
/// The names pass alone, as a build pays it: every tree of the N-file workload parsed afresh each pass (not timed), then its
/// declarations and every member's mentioned names read (<see cref="TreeNames.Of"/>, what <c>SinkReach</c> asks), then the
/// words of the whole tree (<see cref="TreeNames.WordsOf"/>, what the state searches ask). One thread, after a collection, so that
/// the figure is this pass's work, not scheduling or the parse's garbage: <c>--names N passes</c> prints each pass's times and the
/// bytes it allocated (the steadier figure), and the median times of the passes after the first two.
/// </summary>
internal static class TreeNamesHost
{
    public static int Run(string[] args)
    {
        var files = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 2000;
        var passes = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 12;
        var texts = Workload.Files(files).Select(f => (Path: f, Text: File.ReadAllText(f))).ToList();
        var members = new List<double>();
        var words = new List<double>();
        for (var pass = 1; pass <= passes; pass++)
        {
            var trees = texts.Select(t => Workload.Parse(t.Text, t.Path)).ToList();
            foreach (var tree in trees)
            {
                _ = tree.GetRoot(); // parsed before analyzers run in a build
            }

            GC.Collect();
            GC.WaitForPendingFinalizers();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            var names = 0;
            foreach (var tree in trees)
            {
                foreach (var member in TreeNames.Of(tree).Members.Values)
                {
                    names += member.MentionedNames.Length;
                }
            }

            var membersTime = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            var distinct = 0;
            foreach (var tree in trees)
            {
                distinct += TreeNames.Of(tree).WordsOf(tree)?.Count ?? 0;
            }

            var wordsTime = clock.Elapsed.TotalMilliseconds;
            var megabytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1048576.0;
            Console.WriteLine($"pass {pass}: members' names {membersTime:F1} ms ({names} names), "
                + $"trees' words {wordsTime:F1} ms ({distinct} words), {megabytes:F1} MB allocated");
            if (pass > 2)
            {
                members.Add(membersTime);
                words.Add(wordsTime);
            }
        }

        if (members.Count > 0)
        {
            Console.WriteLine($"median of passes 3-{passes}: members' names {Median(members):F1} ms, trees' words {Median(words):F1} ms, "
                + $"total {Median(members.Zip(words, (a, b) => a + b).ToList()):F1} ms");
        }

        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
