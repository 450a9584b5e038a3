using Telemetry = FineTunePolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<FineTunePolicy.Analyzers.SensitiveTelemetryAnalyzer>;
using Justification = FineTunePolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<FineTunePolicy.Analyzers.DeclassifiesJustificationAnalyzer>;
using Verify = FineTunePolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<FineTunePolicy.Analyzers.FineTunePolicyAnalyzer>;

namespace FineTunePolicy.Analyzers.Tests.Rules;

/// <summary>FTP0005, FTP0006 and FTP0007.</summary>
public class OtherRuleTests
{
    [Fact]
    public Task FTP0005_MissingJustification_ReportedOnAttribute() => Justification.VerifyAsync("""
        using FineTunePolicy;
        public static class Mask
        {
            [{|#0:Declassifies(DataClass.Public)|}]
            public static string Hide(string value) => "***";
        }
        """, Justification.Diagnostic(Descriptors.FTP0005_DeclassifiesNeedsJustification).WithLocation(0).WithArguments("DataClass.Public", "Mask.Hide"));

    [Fact]
    public Task FTP0005_WhiteSpaceJustification_Reported() => Justification.VerifyAsync("""
        using FineTunePolicy;
        public static class Mask
        {
            [{|#0:Declassifies(DataClass.Internal, Justification = "  ")|}]
            public static string Hide(string value) => "***";
        }
        """, Justification.Diagnostic(Descriptors.FTP0005_DeclassifiesNeedsJustification).WithLocation(0).WithArguments("DataClass.Internal", "Mask.Hide"));

    [Fact]
    public Task FTP0005_WithJustification_NoDiagnostic() => Justification.VerifyAsync("""
        using FineTunePolicy;
        public static class Mask
        {
            [Declassifies(DataClass.Public, Justification = "Replaces the value by asterisks")]
            public static string Hide(string value) => "***";
        }
        """);

    [Fact]
    public Task FTP0006_EnableSensitiveData_Reported() => Telemetry.VerifyAsync("""
        using Microsoft.Extensions.AI;
        public class Patient { [FineTunePolicy.Restricted] public string Diagnosis { get; set; } = ""; }
        public class Setup
        {
            public IChatClient Build(IChatClient inner) =>
                new ChatClientBuilder(inner).UseOpenTelemetry(configure: c => {|#0:c.EnableSensitiveData = true|}).Build();
        }
        """, Telemetry.Diagnostic(Descriptors.FTP0006_SensitiveTelemetryEnabled).WithLocation(0).WithArguments("'OpenTelemetryChatClient.EnableSensitiveData = true'"));

    [Fact]
    public Task FTP0006_SemanticKernelSwitch_Reported() => Telemetry.VerifyAsync("""
        public record Patient([FineTunePolicy.Confidential] string Name);
        public class Setup
        {
            public void Configure() => {|#0:System.AppContext.SetSwitch("Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnosticsSensitive", true)|};
        }
        """, Telemetry.Diagnostic(Descriptors.FTP0006_SensitiveTelemetryEnabled).WithLocation(0)
            .WithArguments("'AppContext.SetSwitch(\"Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnosticsSensitive\", true)'"));

    [Fact]
    public Task FTP0006_EnableSensitiveDataFalse_NoDiagnostic() => Telemetry.VerifyAsync("""
        using Microsoft.Extensions.AI;
        public class Patient { [FineTunePolicy.Restricted] public string Diagnosis { get; set; } = ""; }
        public class Setup
        {
            public IChatClient Build(IChatClient inner) =>
                new ChatClientBuilder(inner).UseOpenTelemetry(configure: c => c.EnableSensitiveData = false).Build();
        }
        """);

    [Fact]
    public Task FTP0006_CompilationThatClassifiesNothing_NoDiagnostic() => Telemetry.VerifyAsync("""
        using Microsoft.Extensions.AI;
        public class Setup
        {
            public IChatClient Build(IChatClient inner) =>
                new ChatClientBuilder(inner).UseOpenTelemetry(configure: c => c.EnableSensitiveData = true).Build();
        }
        """);

    [Fact]
    public async Task FTP0007_DeepExpression_ReportsIncompleteAnalysis()
    {
        // 250 nested calls exceed the expression-depth bound.
        var nested = "c.Name";
        for (var i = 0; i < 250; i++)
        {
            nested = $"string.Concat({nested}, \"x\")";
        }

        var source = Scenario.Code("using OpenAI.Chat;", $$"""
            public class C { public void M(ChatClient chat, Customer c) => chat.CompleteChat({|#0:{{nested}}|}); }
            """);
        await Verify.VerifyAsync(source, Verify.Diagnostic(Descriptors.FTP0007_FlowAnalysisIncomplete).WithLocation(0).WithArguments("'ChatClient.CompleteChat'", "expression-depth"));
    }

    [Fact]
    public async Task FTP0007_DeepCallChain_ReportsIncompleteAnalysisAndKeepsFinding()
    {
        // A chain of 60 helpers exceeds the call-depth bound: the finding is still reported, with FTP0007 beside it.
        var helpers = new System.Text.StringBuilder();
        for (var i = 0; i < 60; i++)
        {
            helpers.AppendLine($"    public static string H{i}(string s) => H{i + 1}(s) + \".\";");
        }

        helpers.AppendLine("    public static string H60(string s) => s;");
        var source = Scenario.Code("using OpenAI.Chat;", $$"""
            public static class Chain
            {
            {{helpers}}
            }

            public class C { public void M(ChatClient chat, Customer c) => chat.CompleteChat({|#0:Chain.H0(c.Ssn)|}); }
            """);
        await Verify.VerifyAsync(source,
            Verify.Diagnostic(Descriptors.FTP0001_RestrictedDataReachesLlm).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithMessage(null),
            Verify.Diagnostic(Descriptors.FTP0007_FlowAnalysisIncomplete).WithLocation(0).WithArguments("'ChatClient.CompleteChat'", "call-depth (48 nested calls)"));
    }

    [Fact]
    public Task LongConcatenation_NoBoundNoCrash() => Verify.VerifyAsync(Scenario.Code("using OpenAI.Chat;", $$"""
        public class C { public void M(ChatClient chat, Customer c) => chat.CompleteChat({{string.Join(" + ", Enumerable.Repeat("c.Name", 5000))}}); }
        """));
}
