using Microsoft.CodeAnalysis;

namespace FineTunePolicy.Analyzers.Tests.Robustness;

/// <summary>Incomplete and broken code must never make the analyzer throw (no AD0001).</summary>
public class BrokenCodeTests
{
    public static TheoryData<string> BrokenSources => new()
    {
        // Unbalanced braces and a half-typed call.
        """
        using OpenAI.Chat; using FineTunePolicy;
        class Customer { [Restricted] public string Ssn { get; set; }
        class Bot { void M(ChatClient chat, Customer c) { chat.CompleteChat(c.Ssn
        """,
        // Unresolved types, methods and members.
        """
        using OpenAI.Chat;
        class Bot { void M(ChatClient chat, Missing m) { chat.CompleteChat(m.Secret, Unknown(m), m.Call().Other); var x = new Nope { A = m }; chat.NoSuchSink(x); } }
        """,
        // Attributes in odd places and with wrong arguments.
        """
        using FineTunePolicy; using OpenAI.Chat;
        [Restricted(42)] class A { [Classified("x")] public string S = ""; [Declassifies] string F() => S; [LlmSink] void G([LlmSink(7)] string s) { } }
        class Bot { [return: Confidential] string H(ChatClient chat, A a) { chat.CompleteChat(a.S); return a.S; } }
        """,
        // Generic and recursive shapes, records with odd primary constructors, patterns.
        """
        using FineTunePolicy; using OpenAI.Chat; using System.Collections.Generic;
        record R<T>([Restricted] T Value, R<T>? Next) where T : R<T>;
        class Bot { void M<T>(ChatClient chat, R<T> r) where T : R<T> { if (r is { Next: { Value: var v } }) chat.CompleteChat(v?.ToString() ?? ""); } }
        """,
        // C# 12 collection expressions, primary constructors, spreads, lambdas with defaults.
        """
        using FineTunePolicy; using OpenAI.Chat; using System.Collections.Generic;
        class Customer([Restricted] string ssn) { public string Ssn => ssn; }
        class Bot(ChatClient chat) { void M(Customer c) { List<ChatMessage> all = [new UserChatMessage(c.Ssn), ..Extra()]; var f = (string s = "x") => s + c.Ssn; chat.CompleteChat(all); chat.CompleteChat(f()); } IEnumerable<ChatMessage> Extra() => []; }
        """,
        // Recursion without a base case, out parameters, goto, unsafe code.
        """
        using OpenAI.Chat;
        unsafe class Bot { string Loop(string s) => Loop(s + Loop(s)); void M(ChatClient chat, out string o) { o = Loop("a"); again: chat.CompleteChat(o); goto again; } int* P(int* p) => p; }
        """,
        // Members missing bodies, partial declarations, local functions calling each other.
        """
        using OpenAI.Chat;
        partial class Bot { partial string Text(); void M(ChatClient chat) { string A(int n) => n == 0 ? Text() : B(n - 1); string B(int n) => A(n); chat.CompleteChat(A(3)); } abstract string X(); }
        """,
        "",
        "class",
        "using OpenAI.Chat; class C { void M(ChatClient c) => c.CompleteChat(",
    };

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public async Task BrokenCode_NeverThrows(string source)
    {
        var compilation = DirectRun.Compile("Broken", source);
        var diagnostics = await DirectRun.AnalyzeAsync(compilation);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public async Task BrokenCode_StillReportsWhatItCanSee()
    {
        var compilation = DirectRun.Compile("Partial", """
            using FineTunePolicy; using OpenAI.Chat;
            class Customer { [Restricted] public string Ssn { get; set; } = ""; }
            class Bot { void M(ChatClient chat, Customer c, Missing m) { var other = m.Value + Unknown(); chat.CompleteChat("SSN " + c.Ssn); } void N(Missing m) { m.Go( } }
            """);
        var diagnostics = await DirectRun.AnalyzeAsync(compilation);
        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.RestrictedDataReachesLlm);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public async Task Cancellation_IsHonoured()
    {
        var methods = string.Join("\n", Enumerable.Range(0, 400).Select(i =>
            $"public string M{i}(Customer c) => M{i + 1}(c) + c.Name + string.Join(\",\", new[] {{ c.Ssn, c.Name }}.Select(x => x.Trim()));"));
        var compilation = DirectRun.Compile("Large", Scenario.Code("using OpenAI.Chat;", $$"""
            public class Chain
            {
            {{methods}}
                public string M400(Customer c) => c.Ssn;
                public void Send(ChatClient chat, Customer c) => chat.CompleteChat(M0(c));
            }
            """));
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DirectRun.AnalyzeAsync(compilation, cancellation.Token));

        // And the same compilation analyses completely when not cancelled.
        var diagnostics = await DirectRun.AnalyzeAsync(compilation);
        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.RestrictedDataReachesLlm);
    }
}
