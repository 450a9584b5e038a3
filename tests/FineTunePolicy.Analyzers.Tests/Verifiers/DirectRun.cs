using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FineTunePolicy.Analyzers.Tests.Verifiers;

/// <summary>Runs the analyzers on a compilation directly, for tests the verifier cannot express.</summary>
internal static class DirectRun
{
    public static CSharpCompilation Compile(string assemblyName, params string[] sources) =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), path: $"File{i}.cs")),
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["OPENAI001"] = ReportDiagnostic.Suppress }));

    /// <summary>The compilation without the references whose file names start with one of <paramref name="prefixes"/>.</summary>
    public static Compilation Without(Compilation compilation, params string[] prefixes) =>
        compilation.RemoveReferences(compilation.References.Where(r => r.Display is { } path
            && prefixes.Any(p => Path.GetFileName(path).StartsWith(p, StringComparison.Ordinal))));

    /// <summary>An assembly image compiled from <paramref name="source"/> against the test references.</summary>
    public static MetadataReference Library(string assemblyName, string source)
    {
        using var image = new MemoryStream();
        var result = Compile(assemblyName, source).Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    public static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, CancellationToken cancellationToken = default, bool concurrent = true,
        string? globalConfig = null)
    {
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ClassifiedDataFlowAnalyzer(), new DeclassifiesJustificationAnalyzer(),
            new SensitiveTelemetryAnalyzer(), new TunedModelAnalyzer());
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new GlobalConfig(globalConfig)),
            onAnalyzerException: null,
            concurrentAnalysis: concurrent,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        return compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken);
    }

    /// <summary>The keys of a global config (<c>key = value</c> lines), as the compiler hands them to analyzers.</summary>
    private sealed class GlobalConfig(string? globalConfig) : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options = new((globalConfig ?? "").Split('\n')
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim()));

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new([]);

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
