using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using FineTunePolicy.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FineTunePolicy.Benchmarks;

/// <summary>The generated workload of build/perf (run-build-benchmark.sh writes it; generated here if missing).</summary>
internal static class Workload
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The source files of the N-file workload with seed 42, generating it under artifacts/perf if needed.</summary>
    public static string[] Files(int n)
    {
        var directory = Path.Combine(RepositoryRoot, "artifacts", "perf", "w" + n, "src");
        if (!Directory.Exists(directory) || Directory.GetFiles(directory, "*.cs").Length != n)
        {
            var bin = Path.Combine(RepositoryRoot, "artifacts", "perf", "bin");
            Run("dotnet", $"run \"{Path.Combine(RepositoryRoot, "build", "perf", "GenerateWorkload.cs")}\" -- --files {n} --seed 42 --out "
                + $"\"{Path.GetDirectoryName(directory)}\" --analyzer \"{Path.Combine(bin, "FineTunePolicy.Analyzers.dll")}\" --annotations "
                + $"\"{Path.Combine(bin, "FineTunePolicy.Annotations.dll")}\"");
        }

        return Directory.GetFiles(directory, "*.cs").OrderBy(f => f, StringComparer.Ordinal).ToArray();
    }

    public static CSharpCompilation Compile(string name, IEnumerable<SyntaxTree> trees, ImmutableArray<MetadataReference>? references = null) =>
        CSharpCompilation.Create(
            name,
            trees,
            references ?? References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["OPENAI001"] = ReportDiagnostic.Suppress }));

    public static SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), path: path);

    /// <summary>
    /// One typical ~300-line document: the prompt helpers, a service, the [LlmSink] gateway and the SDK call site of
    /// one decade of the workload (files 3, 5, 8 and 9) in one file, as a developer would have them open.
    /// </summary>
    public static (SyntaxTree Document, List<SyntaxTree> Others) DocumentAndRest(string[] files, int decade = 0)
    {
        var merged = new HashSet<int> { decade * 10 + 3, decade * 10 + 5, decade * 10 + 8, decade * 10 + 9 };
        var usings = new SortedSet<string>(StringComparer.Ordinal);
        var bodies = new StringBuilder();
        var others = new List<SyntaxTree>();
        for (var i = 0; i < files.Length; i++)
        {
            var text = File.ReadAllText(files[i]);
            if (!merged.Contains(i))
            {
                others.Add(Parse(text, files[i]));
                continue;
            }

            foreach (var line in text.Split('\n'))
            {
                if (line.StartsWith("using ", StringComparison.Ordinal))
                {
                    usings.Add(line);
                }
                else if (!line.StartsWith("//", StringComparison.Ordinal))
                {
                    bodies.Append(line).Append('\n');
                }
            }
        }

        var document = string.Join("\n", usings) + "\n" + bodies;
        return (Parse(document, "Document.cs"), others);
    }

    public static ImmutableArray<DiagnosticAnalyzer> Ours { get; } =
        ImmutableArray.Create<DiagnosticAnalyzer>(new ClassifiedDataFlowAnalyzer(), new DeclassifiesJustificationAnalyzer(), new SensitiveTelemetryAnalyzer());

    public static ImmutableArray<DiagnosticAnalyzer> Empty { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyOperationBlockAnalyzer());

    public static ImmutableArray<DiagnosticAnalyzer> EmptyCodeBlock { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyCodeBlockAnalyzer());

    public static CompilationWithAnalyzersOptions Options { get; } = new(
        new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);

    /// <summary>Fails the setup when the code does not compile or an analyzer threw (AD0001): a benchmark of broken work is worthless.</summary>
    public static void AssertClean(Compilation compilation, IEnumerable<Diagnostic> analyzerDiagnostics)
    {
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The benchmark code does not compile:\n" + string.Join("\n", errors));
        }

        var crashes = analyzerDiagnostics.Where(d => d.Id == "AD0001").Take(3).ToList();
        if (crashes.Count > 0)
        {
            throw new InvalidOperationException("An analyzer threw:\n" + string.Join("\n", crashes));
        }
    }

    private static void Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { UseShellExecute = false, WorkingDirectory = RepositoryRoot })!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}");
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FineTunePolicy.Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }
}

/// <summary>The floor for the engine: an analyzer with the same registrations that does nothing.</summary>
#pragma warning disable RS1036, RS1001, RS1041, RS2008 // A benchmark baseline, not a shipped analyzer.
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class EmptyOperationBlockAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("PERF0001", "Empty", "Empty", "Performance", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start => start.RegisterOperationBlockAction(block => GC.KeepAlive(block.OperationBlocks)));
    }
}

/// <summary>The driver's floor for an analyzer that binds nothing itself: a code-block action that does nothing.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class EmptyCodeBlockAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("PERF0002", "Empty", "Empty", "Performance", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start => start.RegisterCodeBlockAction(block => GC.KeepAlive(block.CodeBlock)));
    }
}
#pragma warning restore RS1036, RS1001, RS1041, RS2008

/// <summary>
/// A control for --metered: a code-block action that works the CPU for a fixed time and never waits, so that its wall time over its CPU
/// time is what the driver's other threads and the machine add to any callback (preemption), and what an analyzer's ratio has beyond
/// it is its own waiting.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class BusyCodeBlockAnalyzer : DiagnosticAnalyzer
{
    private const long BusyNanoseconds = 100_000;

    private static readonly DiagnosticDescriptor Rule = new("PERF0003", "Busy", "Busy", "Performance", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCodeBlockAction(_ =>
        {
            var until = MeteredAnalyzer.ThreadCpuNanoseconds() + BusyNanoseconds;
            while (MeteredAnalyzer.ThreadCpuNanoseconds() < until)
            {
                Thread.SpinWait(20);
            }
        });
    }
}
