using System.Collections.Immutable;
using FineTunePolicy.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Verify = FineTunePolicy.CodeFixes.Tests.Verifiers.CodeFixVerifier<
    FineTunePolicy.Analyzers.ClassifiedDataFlowAnalyzer,
    FineTunePolicy.CodeFixes.PassThroughDeclassifierCodeFixProvider>;

namespace FineTunePolicy.CodeFixes.Tests.Rules;

/// <summary>FTP0001-FTP0003's fix: pass the source read through a [Declassifies] method that brings it within the ceiling.</summary>
public class PassThroughFixTests
{
    private const string Domain = """
        public class Customer
        {
            public string Name { get; set; } = "";
            [Restricted(Categories = DataCategory.Personal)] public string Ssn { get; set; } = "";
            [Confidential(Categories = DataCategory.Personal)] public string Email { get; set; } = "";
            [Restricted] public int Pin { get; set; }
        }
        """;

    private const string Redaction = """
        public static class Redaction
        {
            [Declassifies(DataClass.Public, Justification = "Keeps the last four digits")]
            public static string MaskSsn(string ssn) => "***-**-" + ssn.Substring(ssn.Length - 4);

            [Declassifies(DataClass.Internal, Justification = "Keeps the domain")]
            public static string EmailDomain(string email, bool keepTld = true) => email.Substring(email.IndexOf('@'));
        }
        """;

    private static DiagnosticResult Finding(string id, int marker) =>
        new DiagnosticResult(id, id == DiagnosticIds.DataAboveInferenceCeiling ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error)
            .WithLocation(marker)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private static string Code(string body, string redaction = Redaction) => $$"""
        using FineTunePolicy;
        using OpenAI.Chat;

        {{Domain}}

        {{redaction}}

        public class Bot
        {
        {{body}}
        }
        """;

    private static string Key(string method) => PassThroughDeclassifierCodeFixProvider.EquivalenceKeyPrefix + "Redaction." + method;

    [Fact]
    public async Task RestrictedReadInTheArgument_IsWrapped_AndTheFindingGoes()
    {
        var source = Code("""
                public void Ask(ChatClient client, Customer customer) =>
                    client.CompleteChat({|#0:new UserChatMessage("SSN: " + customer.Ssn)|});
            """);
        var fixedSource = Code("""
                public void Ask(ChatClient client, Customer customer) =>
                    client.CompleteChat(new UserChatMessage("SSN: " + Redaction.MaskSsn(customer.Ssn)));
            """);

        await Verify.VerifyAsync(source, [Finding(DiagnosticIds.RestrictedDataReachesLlm, 0)], fixedSource, Key("MaskSsn(string)"));
    }

    [Fact]
    public async Task RestrictedReadThroughLocalsAndABuilder_IsWrappedWhereItIsRead()
    {
        var source = Code("""
                public void Ask(ChatClient client, Customer customer)
                {
                    var ssn = customer.Ssn.Trim();
                    var builder = new System.Text.StringBuilder();
                    builder.Append(customer.Name);
                    builder.Append(", SSN " + ssn);
                    string prompt;
                    prompt = builder.ToString();
                    client.CompleteChat({|#0:prompt|});
                }
            """);
        var fixedSource = Code("""
                public void Ask(ChatClient client, Customer customer)
                {
                    var ssn = Redaction.MaskSsn(customer.Ssn).Trim();
                    var builder = new System.Text.StringBuilder();
                    builder.Append(customer.Name);
                    builder.Append(", SSN " + ssn);
                    string prompt;
                    prompt = builder.ToString();
                    client.CompleteChat(prompt);
                }
            """);

        await Verify.VerifyAsync(source, [Finding(DiagnosticIds.RestrictedDataReachesLlm, 0)], fixedSource, Key("MaskSsn(string)"));
    }

    [Fact]
    public async Task ConfidentialAboveTheInferenceCeiling_OffersEveryFittingDeclassifier_FTP0003()
    {
        var source = Code("""
                public void Ask(ChatClient client, Customer customer) =>
                    client.CompleteChat({|#0:"Reply to " + customer.Email|});
            """);

        // Both fit (results Public and Internal, the default inference ceiling is Internal); the optional second
        // parameter of EmailDomain does not stand in the way.
        foreach (var (method, call) in new[] { ("MaskSsn(string)", "MaskSsn"), ("EmailDomain(string, bool)", "EmailDomain") })
        {
            var fixedSource = Code($$"""
                    public void Ask(ChatClient client, Customer customer) =>
                        client.CompleteChat("Reply to " + Redaction.{{call}}(customer.Email));
                """);
            await Verify.VerifyAsync(source, [Finding(DiagnosticIds.DataAboveInferenceCeiling, 0)], fixedSource, Key(method));
        }
    }

    [Fact]
    public async Task FineTuningSinkBelowTheDeclassifiersResult_OffersOnlyThePublicOne_FTP0002()
    {
        var source = Code("""
                [LlmSink(LlmPurpose.FineTuning, Provider = "openai")]
                public void Train(string row) { }

                public void Export(Customer customer) => Train({|#0:customer.Email|});
            """);
        var fixedSource = Code("""
                [LlmSink(LlmPurpose.FineTuning, Provider = "openai")]
                public void Train(string row) { }

                public void Export(Customer customer) => Train(Redaction.MaskSsn(customer.Email));
            """);

        var test = new Verify.Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = Key("MaskSsn(string)") };
        test.ExpectedDiagnostics.Add(Finding(DiagnosticIds.DataAboveFineTuningCeiling, 0));
        await test.RunAsync();

        // EmailDomain's result (Internal) is above the fine-tuning ceiling (Public): not offered.
        var notOffered = new Verify.Test { TestCode = source, FixedCode = source, CodeActionEquivalenceKey = Key("EmailDomain(string, bool)") };
        notOffered.ExpectedDiagnostics.Add(Finding(DiagnosticIds.DataAboveFineTuningCeiling, 0));
        await notOffered.RunAsync();
    }

    [Fact]
    public async Task DeclassifierInAReferencedAssembly_IsOffered_WithItsUsing()
    {
        var library = CSharpCompilation.Create(
            "Contoso.Redaction",
            [CSharpSyntaxTree.ParseText("""
                using FineTunePolicy;
                namespace Contoso.Redaction
                {
                    public static class Masks
                    {
                        [Declassifies(DataClass.Public, Justification = "Keeps the last four digits")]
                        public static string Last4(string value) => value.Substring(value.Length - 4);
                    }
                }
                """)],
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Assert.True(library.Emit(image).Success);

        const string source = """
            using FineTunePolicy;
            using OpenAI.Chat;

            public class Customer { [Restricted] public string Ssn { get; set; } = ""; }

            public class Bot
            {
                public void Ask(ChatClient client, Customer customer) => client.CompleteChat({|#0:customer.Ssn|});
            }
            """;
        const string fixedSource = """
            using Contoso.Redaction;
            using FineTunePolicy;
            using OpenAI.Chat;

            public class Customer { [Restricted] public string Ssn { get; set; } = ""; }

            public class Bot
            {
                public void Ask(ChatClient client, Customer customer) => client.CompleteChat(Masks.Last4(customer.Ssn));
            }
            """;

        var test = new Verify.Test { TestCode = source, FixedCode = fixedSource };
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromImage(image.ToArray()));
        test.ExpectedDiagnostics.Add(Finding(DiagnosticIds.RestrictedDataReachesLlm, 0));
        await test.RunAsync();
    }

    [Fact]
    public async Task FixAll_WrapsEveryFindingsRead_WithTheChosenDeclassifier()
    {
        var source = Code("""
                public void Ask(ChatClient client, Customer customer, Customer other)
                {
                    client.CompleteChat({|#0:"SSN: " + customer.Ssn|});
                    client.CompleteChat({|#1:"Other: " + other.Ssn|});
                    client.CompleteChat({|#2:"Reply to " + customer.Email|});
                }
            """);
        var fixedSource = Code("""
                public void Ask(ChatClient client, Customer customer, Customer other)
                {
                    client.CompleteChat("SSN: " + Redaction.MaskSsn(customer.Ssn));
                    client.CompleteChat("Other: " + Redaction.MaskSsn(other.Ssn));
                    client.CompleteChat("Reply to " + Redaction.MaskSsn(customer.Email));
                }
            """);

        var test = new Verify.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = Key("MaskSsn(string)"),
            NumberOfIncrementalIterations = 3,
            NumberOfFixAllIterations = 1,
        };
        test.ExpectedDiagnostics.AddRange([
            Finding(DiagnosticIds.RestrictedDataReachesLlm, 0),
            Finding(DiagnosticIds.RestrictedDataReachesLlm, 1),
            Finding(DiagnosticIds.DataAboveInferenceCeiling, 2)]);
        await test.RunAsync();
    }

    [Fact]
    public async Task NoDeclassifierInScope_NoFix()
    {
        var source = Code("""
                public void Ask(ChatClient client, Customer customer) => client.CompleteChat({|#0:"SSN: " + customer.Ssn|});
            """, redaction: "");

        await Verify.VerifyNoFixAsync(source, Finding(DiagnosticIds.RestrictedDataReachesLlm, 0));
    }

    [Fact]
    public async Task DeclassifierResultAboveTheCeiling_NoFix()
    {
        var source = Code("""
                public void Ask(ChatClient client, Customer customer) => client.CompleteChat({|#0:"SSN: " + customer.Ssn|});
            """, redaction: """
            public static class Redaction
            {
                [Declassifies(DataClass.Confidential, Justification = "Drops the area number")]
                public static string DropArea(string ssn) => ssn.Substring(4);
            }
            """);

        await Verify.VerifyNoFixAsync(source, Finding(DiagnosticIds.RestrictedDataReachesLlm, 0));
    }

    [Fact]
    public async Task ParameterTypeDoesNotAcceptTheRead_NoFix()
    {
        // MaskSsn takes a string; the Pin is an int.
        var source = Code("""
                public void Ask(ChatClient client, Customer customer) => client.CompleteChat({|#0:"PIN: " + customer.Pin|});
            """);

        await Verify.VerifyNoFixAsync(source, Finding(DiagnosticIds.RestrictedDataReachesLlm, 0));
    }

    [Fact]
    public async Task SourceReadInAnotherMethod_NoFix()
    {
        var source = Code("""
                private static string Prompt(Customer customer) => "SSN: " + customer.Ssn;

                public void Ask(ChatClient client, Customer customer) => client.CompleteChat({|#0:Prompt(customer)|});
            """);

        await Verify.VerifyNoFixAsync(source, Finding(DiagnosticIds.RestrictedDataReachesLlm, 0));
    }

    [Fact]
    public async Task OneOfTwoSourcesCannotBeWrapped_NoFix()
    {
        // Wrapping the SSN alone would leave the PIN (an int MaskSsn cannot take) and the finding in place.
        var source = Code("""
                public void Ask(ChatClient client, Customer customer) => client.CompleteChat({|#0:customer.Ssn + customer.Pin|});
            """);

        await Verify.VerifyNoFixAsync(source, Finding(DiagnosticIds.RestrictedDataReachesLlm, 0));
    }

    [Fact]
    public async Task RuleProperties_NameTheAcceptedClassAndTheSourcesAboveIt()
    {
        var compilation = CSharpCompilation.Create(
            "Props",
            [CSharpSyntaxTree.ParseText(Code("""
                public void Ask(ChatClient client, Customer customer) => client.CompleteChat("x" + customer.Ssn + customer.Email + customer.Name);
            """), new CSharpParseOptions(LanguageVersion.Latest))],
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary).WithSpecificDiagnosticOptions([new("OPENAI001", ReportDiagnostic.Suppress)]));
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new ClassifiedDataFlowAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();

        var finding = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticIds.RestrictedDataReachesLlm, finding.Id);
        Assert.Equal("Internal", finding.Properties[DiagnosticProperties.AcceptedClass]);
        Assert.Equal("Customer.Ssn\nCustomer.Email", finding.Properties[DiagnosticProperties.SourcesAbove]);
    }
}
