using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using FineTunePolicy.Analyzers.Classification;
using FineTunePolicy.Analyzers.Flow;
using FineTunePolicy.Analyzers.Policy;
using FineTunePolicy.Analyzers.Sinks;

namespace FineTunePolicy.Benchmarks;

/// <summary>
/// What the IDE pays per edit: the analyzers of one ~300-line document (helpers, a service, an [LlmSink] gateway and
/// an SDK call site) in a warm 500-file compilation. Each call is a fresh analyzer driver (so a fresh engine, as after
/// an edit) and a fresh semantic model of the document; callee summaries in other files are recomputed too.
/// Baselines: the compiler's own semantic diagnostics of the document; an operation-block analyzer that does nothing
/// (the driver's cost of building the operation trees, which any IOperation analyzer pays); and a code-block analyzer
/// that does nothing (the driver's floor, with FineTunePolicy's registration).
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
        AnalyzeWithEngine(out var engine);
        var bodies = document.GetRoot().DescendantNodes().Count(n =>
            n is BaseMethodDeclarationSyntax { Body: not null } or BaseMethodDeclarationSyntax { ExpressionBody: not null }
                or AccessorDeclarationSyntax { Body: not null } or AccessorDeclarationSyntax { ExpressionBody: not null }
                or ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax });
        Console.WriteLine($"// document: {document.GetText().Lines.Count} lines, {bodies} bodies; FineTunePolicy reports {ours.Length} diagnostics: "
            + $"{string.Join(", ", ours.Select(d => d.Id).Distinct())}; the engine alone summarises {engine.SummariesComputed} bodies (callees included) with "
            + $"{engine.Reach(CancellationToken.None).ReachingNameCount} names reaching a sink");
    }

    [Benchmark(Baseline = true, Description = "Compiler: semantic diagnostics of the document")]
    public int CompilerDiagnostics() => _compilation.GetSemanticModel(_document).GetDiagnostics().Length;

    [Benchmark(Description = "Empty operation-block analyzer")]
    public int EmptyAnalyzer() => Analyze(Workload.Empty).Length;

    [Benchmark(Description = "Empty code-block analyzer")]
    public int EmptyCodeBlockAnalyzer() => Analyze(Workload.EmptyCodeBlock).Length;

    [Benchmark(Description = "FineTunePolicy analyzers")]
    public int FineTunePolicy() => Analyze(Workload.Ours).Length;

    /// <summary>
    /// The engine without the driver: a fresh engine and fresh semantic models (as after an edit), the document's
    /// code blocks offered to it as the driver would, names of every tree checked, callees in other files bound.
    /// </summary>
    [Benchmark(Description = "FineTunePolicy engine alone, no driver")]
    public int EngineAlone() => AnalyzeWithEngine(out _);

    internal int AnalyzeWithEngine(out FlowEngine engine)
    {
        var policy = PolicyHandoff.Default;
        engine = new FlowEngine(_compilation, new ClassificationIndex(_compilation, policy.AttributeMappings), new Declassifiers(policy.Sanitizers),
            new SinkMatcher(policy.Sinks));
        var model = _compilation.GetSemanticModel(_document);
        var findings = 0;
        foreach (var node in _document.GetRoot().DescendantNodes(n =>
            n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax or BasePropertyDeclarationSyntax or AccessorListSyntax))
        {
            if (node is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax
                    or PropertyDeclarationSyntax { ExpressionBody: not null } or IndexerDeclarationSyntax { ExpressionBody: not null }
                && model.GetDeclaredSymbol(node) is { } owner
                && engine.AnalyzeCodeBlock(owner, node, model, CancellationToken.None) is { } summary)
            {
                findings += summary.Findings.Length;
            }
        }

        return findings;
    }

    private ImmutableArray<Diagnostic> Analyze(ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        _compilation.WithAnalyzers(analyzers, Workload.Options)
            .GetAnalyzerSemanticDiagnosticsAsync(_compilation.GetSemanticModel(_document), filterSpan: null, CancellationToken.None)
            .GetAwaiter().GetResult();
}
