using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Verify = FineTunePolicy.CodeFixes.Tests.Verifiers.CodeFixVerifier<
    FineTunePolicy.Analyzers.DeclassifiesJustificationAnalyzer,
    FineTunePolicy.CodeFixes.AddJustificationCodeFixProvider>;

namespace FineTunePolicy.CodeFixes.Tests.Rules;

/// <summary>FTP0005's fix: an empty Justification to fill in, which still fires until it is filled in.</summary>
public class FTP0005FixTests
{
    private static DiagnosticResult Ftp0005(int marker) =>
        new DiagnosticResult(FineTunePolicy.Analyzers.DiagnosticIds.DeclassifiesNeedsJustification, DiagnosticSeverity.Warning).WithLocation(marker);

    private static DiagnosticResult Ftp0005(int marker, string dataClass, string method) =>
        Verify.Diagnostic(FineTunePolicy.Analyzers.Descriptors.FTP0005_DeclassifiesNeedsJustification).WithLocation(marker).WithArguments(dataClass, method);

    [Fact]
    public async Task MissingJustification_GetsAnEmptyOne_WhichStillFires()
    {
        const string source = """
            using FineTunePolicy;

            public static class Redaction
            {
                [{|#0:Declassifies(DataClass.Public)|}]
                public static string Initials(string name) => name.Substring(0, 1);
            }
            """;
        const string fixedSource = """
            using FineTunePolicy;

            public static class Redaction
            {
                [{|#0:Declassifies(DataClass.Public, Justification = "")|}]
                public static string Initials(string name) => name.Substring(0, 1);
            }
            """;

        var test = new Verify.Test { TestCode = source, FixedCode = fixedSource };
        test.ExpectedDiagnostics.Add(Ftp0005(0, "DataClass.Public", "Redaction.Initials"));
        test.FixedState.ExpectedDiagnostics.Add(Ftp0005(0, "DataClass.Public", "Redaction.Initials"));
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        await test.RunAsync();
    }

    [Fact]
    public async Task QualifiedAttributeName_BesideAnotherAttribute_GetsTheJustification()
    {
        const string source = """
            public static class Redaction
            {
                [{|#0:FineTunePolicy.DeclassifiesAttribute(FineTunePolicy.DataClass.Internal)|}, System.Obsolete]
                public static string Mask(string email) => "***";
            }
            """;
        const string fixedSource = """
            public static class Redaction
            {
                [{|#0:FineTunePolicy.DeclassifiesAttribute(FineTunePolicy.DataClass.Internal, Justification = "")|}, System.Obsolete]
                public static string Mask(string email) => "***";
            }
            """;

        var test = new Verify.Test { TestCode = source, FixedCode = fixedSource };
        test.ExpectedDiagnostics.Add(Ftp0005(0));
        test.FixedState.ExpectedDiagnostics.Add(Ftp0005(0));
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        await test.RunAsync();
    }

    [Fact]
    public async Task TheEmptyJustification_CarriesTheCaret()
    {
        const string source = """
            using FineTunePolicy;

            public static class Redaction
            {
                [Declassifies(DataClass.Public)]
                public static string Initials(string name) => name.Substring(0, 1);
            }
            """;

        var document = CreateDocument(source);
        var diagnostic = (await Analyze(document)).Single();
        var actions = new List<Microsoft.CodeAnalysis.CodeActions.CodeAction>();
        var context = new Microsoft.CodeAnalysis.CodeFixes.CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new AddJustificationCodeFixProvider().RegisterCodeFixesAsync(context);

        var operation = (await Assert.Single(actions).GetOperationsAsync(CancellationToken.None))
            .OfType<Microsoft.CodeAnalysis.CodeActions.ApplyChangesOperation>().Single();
        var changed = operation.ChangedSolution.GetDocument(document.Id)!;
        var root = await changed.GetSyntaxRootAsync();
        var caret = Assert.Single(root!.GetAnnotatedTokens("CodeAction_Navigation"));
        Assert.True(caret.IsKind(SyntaxKind.StringLiteralToken));
        Assert.Equal("\"\"", caret.Text);
        Assert.Contains("Justification = \"\"", caret.Parent!.Parent!.ToString());
    }

    [Fact]
    public async Task FixAll_InDocumentProjectAndSolution_AddsEveryMissingJustification()
    {
        const string first = """
            using FineTunePolicy;

            public static class Redaction
            {
                [{|#0:Declassifies(DataClass.Public)|}]
                public static string Initials(string name) => name.Substring(0, 1);

                [{|#1:Declassifies(DataClass.Internal)|}]
                public static string Domain(string email) => email.Substring(email.IndexOf('@'));
            }
            """;
        const string second = """
            using FineTunePolicy;

            public static class Masking
            {
                [{|#2:Declassifies(DataClass.Public)|}]
                public static string Last4(string card) => card.Substring(card.Length - 4);
            }
            """;

        // The library applies Fix All in document (one iteration per document), project and solution scope.
        {
            var test = new Verify.Test
            {
                CodeActionEquivalenceKey = AddJustificationCodeFixProvider.EquivalenceKey,
                NumberOfFixAllIterations = 1,
                NumberOfFixAllInDocumentIterations = 2,
                NumberOfFixAllInProjectIterations = 1,
            };
            test.TestState.Sources.Add(("/0/Redaction.cs", first));
            test.TestState.Sources.Add(("/0/Masking.cs", second));
            test.FixedState.Sources.Add(("/0/Redaction.cs", first.Replace(")|}]", ", Justification = \"\")|}]")));
            test.FixedState.Sources.Add(("/0/Masking.cs", second.Replace(")|}]", ", Justification = \"\")|}]")));
            test.FixedState.MarkupHandling = MarkupMode.Allow;
            test.ExpectedDiagnostics.AddRange([Ftp0005(2), Ftp0005(0), Ftp0005(1)]);
            test.FixedState.ExpectedDiagnostics.AddRange([Ftp0005(2), Ftp0005(0), Ftp0005(1)]);
            await test.RunAsync();
        }
    }

    [Theory]
    [InlineData("Justification = \"\"")]
    [InlineData("Justification = \"   \"")]
    [InlineData("Justification = null")]
    [InlineData("Justification = Reasons.None")]
    public async Task JustificationAlreadyWritten_NoFix(string justification)
    {
        var source = $$"""
            using FineTunePolicy;

            public static class Reasons { public const string None = ""; }

            public static class Redaction
            {
                [{|#0:Declassifies(DataClass.Public, {{justification}})|}]
                public static string Initials(string name) => name.Substring(0, 1);
            }
            """;

        await Verify.VerifyNoFixAsync(source, Ftp0005(0));
    }

    private static Document CreateDocument(string source)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Test", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithMetadataReferences(TestReferences.All);
        return project.AddDocument("Test.cs", source);
    }

    private static async Task<IReadOnlyList<Diagnostic>> Analyze(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var analyzers = System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(
            new FineTunePolicy.Analyzers.DeclassifiesJustificationAnalyzer());
        return await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
    }
}
