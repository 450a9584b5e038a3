using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FineTunePolicy.Benchmarks;

/// <summary>
/// This build's analyzers against another build's, in one run: the one-document workload of <see cref="OneDocumentBenchmarks"/>
/// analysed through the driver by both, with the compiler's own diagnostics of the document as the baseline. The other
/// build is the FineTunePolicy.Analyzers.dll named by FTP_BASELINE_ANALYZER (for example main before a restructuring),
/// loaded into its own load context beside this build's; both run on the benchmark's Roslyn. The setup prints whether
/// both report the same diagnostics on the document, so that a ratio never compares different work unknowingly.
/// </summary>
[MemoryDiagnoser]
public class BaselineComparisonBenchmarks
{
    public const string BaselineVariable = "FTP_BASELINE_ANALYZER";

    private CSharpCompilation _compilation = null!;
    private SyntaxTree _document = null!;
    private ImmutableArray<DiagnosticAnalyzer> _baseline;

    [GlobalSetup]
    public void Setup()
    {
        var path = Environment.GetEnvironmentVariable(BaselineVariable);
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new InvalidOperationException($"Set {BaselineVariable} to the FineTunePolicy.Analyzers.dll to compare with (found '{path}').");
        }

        _baseline = LoadAnalyzers(Path.GetFullPath(path));
        var (document, others) = Workload.DocumentAndRest(Workload.Files(500));
        _document = document;
        _compilation = Workload.Compile("BaselineComparison", others.Append(document));

        var ours = Analyze(Workload.Ours);
        var theirs = Analyze(_baseline);
        Workload.AssertClean(_compilation, ours.Concat(theirs));
        var same = Describe(ours).SequenceEqual(Describe(theirs));
        Console.WriteLine($"// this build reports {ours.Length} diagnostics, the baseline {theirs.Length}; the same diagnostics: {(same ? "yes" : "no")}");
    }

    [Benchmark(Baseline = true, Description = "Compiler: semantic diagnostics of the document")]
    public int CompilerDiagnostics() => _compilation.GetSemanticModel(_document).GetDiagnostics().Length;

    [Benchmark(Description = "FineTunePolicy analyzers, baseline build")]
    public int Baseline() => Analyze(_baseline).Length;

    [Benchmark(Description = "FineTunePolicy analyzers, this build")]
    public int ThisBuild() => Analyze(Workload.Ours).Length;

    private ImmutableArray<Diagnostic> Analyze(ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        _compilation.WithAnalyzers(analyzers, Workload.Options)
            .GetAnalyzerSemanticDiagnosticsAsync(_compilation.GetSemanticModel(_document), filterSpan: null, CancellationToken.None)
            .GetAwaiter().GetResult();

    private static IEnumerable<string> Describe(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.Select(d => d.Id + " " + d.Location.GetLineSpan() + " " + d.GetMessage()).Order(StringComparer.Ordinal);

    /// <summary>Every analyzer of the assembly at <paramref name="path"/>, loaded apart from this build's; Roslyn is shared.</summary>
    private static ImmutableArray<DiagnosticAnalyzer> LoadAnalyzers(string path)
    {
        var assembly = new BaselineLoadContext(path).LoadFromAssemblyPath(path);
        return assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
    }

    private sealed class BaselineLoadContext(string path) : AssemblyLoadContext("FineTunePolicy baseline")
    {
        private readonly string _folder = Path.GetDirectoryName(path)!;

        // Roslyn and the framework come from the default context; only what sits beside the baseline DLL and is not
        // loaded there already (nothing, for the analyzer) is read from its folder.
        protected override Assembly? Load(AssemblyName name)
        {
            var candidate = Path.Combine(_folder, name.Name + ".dll");
            return name.Name!.StartsWith("FineTunePolicy", StringComparison.Ordinal) && File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }
    }
}
