using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FineTunePolicy.Benchmarks;

/// <summary>
/// This build's analyzers against other builds', in one run: the one-document workload of <see cref="OneDocumentBenchmarks"/>
/// analysed through the driver by each build, with the compiler's own diagnostics of the document as the baseline of each.
/// The other builds are the FineTunePolicy.Analyzers.dll files named by FTP_BASELINE_ANALYZER (<c>label=path</c>, separated
/// by <c>;</c>; for example main before a restructuring), each loaded into its own load context beside this build's; all
/// run on the benchmark's Roslyn. The setup prints whether a build reports the same diagnostics on the document as this
/// build, so that a ratio never compares different work unknowingly.
/// </summary>
[MemoryDiagnoser]
public class BaselineComparisonBenchmarks
{
    public const string BaselineVariable = "FTP_BASELINE_ANALYZER";
    public const string ThisBuild = "this build";

    private CSharpCompilation _compilation = null!;
    private SyntaxTree _document = null!;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;

    [ParamsSource(nameof(Builds))]
    public string Build { get; set; } = ThisBuild;

    public static IEnumerable<string> Builds() => new[] { ThisBuild }.Concat(Baselines().Keys);

    [GlobalSetup]
    public void Setup()
    {
        _analyzers = Build == ThisBuild ? Workload.Ours : LoadAnalyzers(Baselines()[Build]);
        var (document, others) = Workload.DocumentAndRest(Workload.Files(500));
        _document = document;
        _compilation = Workload.Compile("BaselineComparison", others.Append(document));

        var ours = Analyze(Workload.Ours);
        var theirs = Analyze(_analyzers);
        Workload.AssertClean(_compilation, ours.Concat(theirs));
        var same = Describe(ours).SequenceEqual(Describe(theirs));
        Console.WriteLine($"// {Build}: {theirs.Length} diagnostics on the document; the same as this build's {ours.Length}: {(same ? "yes" : "no")}");
    }

    [Benchmark(Baseline = true, Description = "Compiler: semantic diagnostics of the document")]
    public int CompilerDiagnostics() => _compilation.GetSemanticModel(_document).GetDiagnostics().Length;

    [Benchmark(Description = "FineTunePolicy analyzers")]
    public int FineTunePolicy() => Analyze(_analyzers).Length;

    private ImmutableArray<Diagnostic> Analyze(ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        _compilation.WithAnalyzers(analyzers, Workload.Options)
            .GetAnalyzerSemanticDiagnosticsAsync(_compilation.GetSemanticModel(_document), filterSpan: null, CancellationToken.None)
            .GetAwaiter().GetResult();

    private static IEnumerable<string> Describe(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.Select(d => d.Id + " " + d.Location.GetLineSpan() + " " + d.GetMessage()).Order(StringComparer.Ordinal);

    /// <summary>The builds named by FTP_BASELINE_ANALYZER, by label ("baseline" for a path without one).</summary>
    private static Dictionary<string, string> Baselines()
    {
        var builds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in (Environment.GetEnvironmentVariable(BaselineVariable) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = entry.IndexOf('=');
            var (label, path) = equals > 0 ? (entry[..equals].Trim(), entry[(equals + 1)..].Trim()) : ("baseline", entry.Trim());
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"{BaselineVariable}: no analyzer at '{path}' (for '{label}').");
            }

            builds[label] = Path.GetFullPath(path);
        }

        return builds;
    }

    /// <summary>Every analyzer of the assembly at <paramref name="path"/>, loaded apart from this build's; Roslyn is shared.</summary>
    internal static ImmutableArray<DiagnosticAnalyzer> LoadAnalyzers(string path)
    {
        var assembly = new BaselineLoadContext(path).LoadFromAssemblyPath(path);
        return assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
    }

    private sealed class BaselineLoadContext(string path) : AssemblyLoadContext("FineTunePolicy baseline " + path)
    {
        private readonly string _folder = Path.GetDirectoryName(path)!;

        // Roslyn and the framework come from the default context; only FineTunePolicy's own assemblies beside the
        // baseline DLL are read from its folder.
        protected override Assembly? Load(AssemblyName name)
        {
            var candidate = Path.Combine(_folder, name.Name + ".dll");
            return name.Name!.StartsWith("FineTunePolicy", StringComparison.Ordinal) && File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }
    }
}
