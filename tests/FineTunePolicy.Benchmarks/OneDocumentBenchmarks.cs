using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FineTunePolicy.Benchmarks;

/// <summary>
/// What the IDE pays per edit: the analyzers of one ~300-line document (helpers, a service, an [LlmSink] gateway and
/// an SDK call site) in a warm 500-file compilation. Each call is a fresh analyzer driver (so a fresh engine, as after
/// an edit) and a fresh semantic model of the document; callee summaries in other files are recomputed too.
/// Baselines: the compiler's own semantic diagnostics of the document, and an analyzer with the same registration
/// that does nothing (the driver's cost of building the operation trees).
/// </summary>
[MemoryDiagnoser]
public class OneDocumentBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private SyntaxTree _document = null!;

    [GlobalSetup]
    public void Setup()
    {
        var (document, others) = Workload.DocumentAndRest(Workload.Files(500));
        _document = document;
        _compilation = Workload.Compile("OneDocument", others.Append(document));

        // Warm: declarations, references and the compiler's diagnostics of every tree are computed once.
        var ours = Analyze(Workload.Ours);
        Workload.AssertClean(_compilation, ours);
        Console.WriteLine($"// document: {document.GetText().Lines.Count} lines; FineTunePolicy reports {ours.Length} diagnostics: {string.Join(", ", ours.Select(d => d.Id).Distinct())}");
    }

    [Benchmark(Baseline = true, Description = "Compiler: semantic diagnostics of the document")]
    public int CompilerDiagnostics() => _compilation.GetSemanticModel(_document).GetDiagnostics().Length;

    [Benchmark(Description = "Empty operation-block analyzer")]
    public int EmptyAnalyzer() => Analyze(Workload.Empty).Length;

    [Benchmark(Description = "FineTunePolicy analyzers")]
    public int FineTunePolicy() => Analyze(Workload.Ours).Length;

    private ImmutableArray<Diagnostic> Analyze(ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        _compilation.WithAnalyzers(analyzers, Workload.Options)
            .GetAnalyzerSemanticDiagnosticsAsync(_compilation.GetSemanticModel(_document), filterSpan: null, CancellationToken.None)
            .GetAwaiter().GetResult();
}
