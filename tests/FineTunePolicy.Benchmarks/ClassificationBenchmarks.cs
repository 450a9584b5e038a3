using System.Collections.Immutable;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FineTunePolicy.Benchmarks;

/// <summary>
/// Classification of a deep type graph: 500 types, each holding the next one, a list of the one after and a
/// dictionary of the third after; only the last has a [Restricted] member. Sending the root as a whole makes the
/// engine walk all 500 types; sending every type once checks that the per-compilation cache keeps that linear.
/// Baseline: the same compilation with an analyzer that does nothing.
/// </summary>
[MemoryDiagnoser]
public class ClassificationBenchmarks
{
    public const int Types = 500;

    private CSharpCompilation _oneSend = null!;
    private CSharpCompilation _everyType = null!;

    [GlobalSetup]
    public void Setup()
    {
        _oneSend = Workload.Compile("DeepGraphOne", [Workload.Parse(Graph() + Sender(everyType: false), "Graph.cs")]);
        _everyType = Workload.Compile("DeepGraphEvery", [Workload.Parse(Graph() + Sender(everyType: true), "Graph.cs")]);
        foreach (var compilation in new[] { _oneSend, _everyType })
        {
            var diagnostics = Analyze(compilation, Workload.Ours);
            Workload.AssertClean(compilation, diagnostics);
            if (!diagnostics.Any(d => d.Id == "FTP0001"))
            {
                throw new InvalidOperationException("The Restricted member at the bottom of the graph must reach the sink (FTP0001).");
            }
        }
    }

    public static string Graph()
    {
        var text = new StringBuilder("using System.Collections.Generic;\nusing FineTunePolicy;\nnamespace Deep\n{\n");
        for (var i = 0; i < Types; i++)
        {
            text.Append("    public class T").Append(i).Append("\n    {\n        public string Name").Append(i).Append(" { get; set; } = \"\";\n");
            if (i + 1 < Types)
            {
                text.Append("        public T").Append(i + 1).Append("? Next { get; set; }\n");
            }

            if (i + 2 < Types)
            {
                text.Append("        public List<T").Append(i + 2).Append("> Children { get; } = new();\n");
            }

            if (i + 3 < Types)
            {
                text.Append("        public Dictionary<string, T").Append(i + 3).Append("> Index { get; } = new();\n");
            }

            if (i == Types - 1)
            {
                text.Append("        [Restricted] public string Secret { get; set; } = \"\";\n");
            }

            text.Append("    }\n");
        }

        text.Append("    public class Gateway\n    {\n        [LlmSink(LlmPurpose.Inference)]\n        public void Send(object payload) { }\n    }\n");
        return text.ToString();
    }

    private static string Sender(bool everyType)
    {
        var text = new StringBuilder("    public class Sender\n    {\n");
        if (everyType)
        {
            for (var i = 0; i < Types; i++)
            {
                text.Append("        public void Send").Append(i).Append("(Gateway g, T").Append(i).Append(" value) => g.Send(value);\n");
            }
        }
        else
        {
            text.Append("        public void Run(Gateway g, T0 root) => g.Send(root);\n");
        }

        return text.Append("    }\n}\n").ToString();
    }

    [Benchmark(Baseline = true, Description = "Empty analyzer, root sent once")]
    public int EmptyOneSend() => Analyze(_oneSend, Workload.Empty).Length;

    [Benchmark(Description = "FineTunePolicy, root sent once (walks 500 types)")]
    public int OursOneSend() => Analyze(_oneSend, Workload.Ours).Length;

    [Benchmark(Description = "Empty analyzer, every type sent")]
    public int EmptyEveryType() => Analyze(_everyType, Workload.Empty).Length;

    [Benchmark(Description = "FineTunePolicy, every type sent (500 sends)")]
    public int OursEveryType() => Analyze(_everyType, Workload.Ours).Length;

    private static ImmutableArray<Diagnostic> Analyze(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        compilation.WithAnalyzers(analyzers, Workload.Options).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
}
