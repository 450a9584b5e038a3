using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace FineTunePolicy.Analyzers.Tests.Verifiers;

/// <summary>A thin wrapper over the official analyzer test library, compiling against the real SDKs.</summary>
public static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    // SDK APIs marked [Experimental] are compile errors unless suppressed; tests use them freely.
    private static readonly string[] ExperimentalIds =
    [
        "OPENAI001", "OPENAI002", "OPENAI003", "AOAI001", "MEAI001", "SKEXP0001", "SKEXP0010", "SKEXP0050", "SCME0001", "SCME0002", "EXTEXP0002", "EXTEXP0003",
    ];

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAsync(source, globalConfig: null, expected);

    public static async Task VerifyAsync(string source, string? globalConfig, params DiagnosticResult[] expected)
    {
        var test = CreateTest(source, globalConfig);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    public static Test CreateTest(string source, string? globalConfig = null)
    {
        var test = new Test { TestCode = source };
        if (globalConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/FineTunePolicy.Analyzers.globalconfig", globalConfig));
        }

        return test;
    }

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            // The cross-assembly suggestions (Info) concern most public methods of these short scenarios, which
            // compile as libraries; their own tests (Rules/FTP0008Tests, FTP0009Tests) turn them back on.
            DisabledDiagnostics.AddRange([DiagnosticIds.VisibleMethodSendsParameterToLlm, DiagnosticIds.VisibleMethodReturnsClassifiedData]);

            // The inventory (FTP0100) is off by default, but the testing library turns on every supported diagnostic;
            // its own tests (Rules/FTP0100Tests) turn it on again.
            DisabledDiagnostics.Add(DiagnosticIds.LlmInventory);
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

        protected override CompilationOptions CreateCompilationOptions() =>
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true);
    }
}
