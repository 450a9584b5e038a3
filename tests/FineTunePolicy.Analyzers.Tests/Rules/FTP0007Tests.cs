using Verify = FineTunePolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<FineTunePolicy.Analyzers.ClassifiedDataFlowAnalyzer>;
using static FineTunePolicy.Analyzers.Tests.Verifiers.RuleScenario;
using static FineTunePolicy.Analyzers.Tests.Verifiers.Scenario;

namespace FineTunePolicy.Analyzers.Tests.Rules;

/// <summary>FTP0007: the flow analysis of a sink argument cut short by a bound.</summary>
public class FTP0007Tests
{
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
        await Verify.VerifyAsync(source, Verify.Diagnostic(Descriptors.FTP0007_FlowAnalysisIncomplete).WithLocation(0)
            .WithArguments("'ChatClient.CompleteChat'", "expression-depth"));
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
            Verify.Diagnostic(Descriptors.FTP0001_RestrictedDataReachesLlm).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithMessage(null),
            Verify.Diagnostic(Descriptors.FTP0007_FlowAnalysisIncomplete).WithLocation(0)
                .WithArguments("'ChatClient.CompleteChat'", "call-depth (48 nested calls)"));
    }

    [Fact]
    public Task LongConcatenation_NoBoundNoCrash() => Verify.VerifyAsync(Scenario.Code("using OpenAI.Chat;", $$"""
        public class C { public void M(ChatClient chat, Customer c) => chat.CompleteChat({{string.Join(" + ", Enumerable.Repeat("c.Name", 5000))}}); }
        """));
}
