using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FineTunePolicy.CodeFixes.Tests.Verifiers;

/// <summary>A thin wrapper over the official code-fix test library, compiling against the real SDKs.</summary>
public static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    // SDK APIs marked [Experimental] are compile errors unless suppressed; tests use them freely.
    private static readonly string[] ExperimentalIds = ["OPENAI001", "OPENAI002", "MEAI001"];

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    /// <summary>The fix turns <paramref name="source"/> into <paramref name="fixedSource"/>, one by one and all at once.</summary>
    public static Task VerifyAsync(string source, DiagnosticResult[] expected, string fixedSource, string? equivalenceKey = null, string? globalConfig = null)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey };
        test.ExpectedDiagnostics.AddRange(expected);
        test.WithGlobalConfig(globalConfig);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>The diagnostics are reported and no fix is offered for them.</summary>
    public static Task VerifyNoFixAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source, FixedCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            // The inventory (FTP0100) is off by default, but the testing library turns on every supported diagnostic.
            DisabledDiagnostics.Add(FineTunePolicy.Analyzers.DiagnosticIds.LlmInventory);
            ReferenceAssemblies = new ReferenceAssemblies("custom");
            TestState.AdditionalReferences.AddRange(TestReferences.All);
            SolutionTransforms.Add((solution, projectId) =>
            {
                var project = solution.GetProject(projectId)!;
                var options = (CSharpCompilationOptions)project.CompilationOptions!;
                options = options
                    .WithNullableContextOptions(NullableContextOptions.Enable)
                    .WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions.SetItems(
                        ExperimentalIds.Select(id => KeyValuePair.Create(id, ReportDiagnostic.Suppress))));
                var parseOptions = ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.Latest);
                return solution.WithProjectCompilationOptions(projectId, options).WithProjectParseOptions(projectId, parseOptions);
            });
        }

        /// <summary>Hands the analyzer a policy as the build task writes it (docs/policy-files.md).</summary>
        public Test WithGlobalConfig(string? globalConfig)
        {
            if (globalConfig is not null)
            {
                // The fixed state inherits it.
                TestState.AnalyzerConfigFiles.Add(("/FineTunePolicy.Analyzers.globalconfig", globalConfig));
            }

            return this;
        }

        protected override CompilationOptions CreateCompilationOptions() =>
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true);
    }
}
