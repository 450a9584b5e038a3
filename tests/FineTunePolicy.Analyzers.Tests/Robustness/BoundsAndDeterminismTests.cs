using System.Text;
using Microsoft.CodeAnalysis;

namespace FineTunePolicy.Analyzers.Tests.Robustness;

/// <summary>Large shapes finish within their bounds and report FTP0007 where a bound cuts; results are deterministic.</summary>
[Collection(nameof(WorkTests))]
public class BoundsAndDeterminismTests
{
    [Fact]
    public async Task ThousandLevelCallChain_FinishesAndReportsBothFindingAndBound()
    {
        var chain = new StringBuilder();
        for (var i = 0; i < 1000; i++)
        {
            chain.AppendLine($"public static string H{i}(string s) => H{i + 1}(s) + \".\";");
        }

        chain.AppendLine("public static string H1000(string s) => s;");
        var compilation = DirectRun.Compile("Chain1000", Scenario.Code("using OpenAI.Chat;", $$"""
            public static class Chain
            {
            {{chain}}
            }

            public class C { public void M(ChatClient chat, Customer c) => chat.CompleteChat(Chain.H0(c.Ssn)); }
            """));

        var diagnostics = await DirectRun.AnalyzeAsync(compilation);

        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.RestrictedDataReachesLlm);
        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.FlowAnalysisIncomplete);
    }

    [Fact]
    public async Task MutualRecursionAcrossFiftyMethods_TerminatesAndReportsTheBound()
    {
        var methods = new StringBuilder();
        for (var i = 0; i < 50; i++)
        {
            methods.AppendLine($"public static string R{i}(Customer c, int n) => n <= 0 ? c.Email : R{(i + 1) % 50}(c, n - 1) + R{(i + 7) % 50}(c, n - 2);");
        }

        var compilation = DirectRun.Compile("Mutual50", Scenario.Code("using OpenAI.Chat;", $$"""
            public static class Ring
            {
            {{methods}}
            }

            public class C { public void M(ChatClient chat, Customer c) => chat.CompleteChat(Ring.R0(c, 10)); }
            """));

        var diagnostics = await DirectRun.AnalyzeAsync(compilation);

        // The ring is 50 calls deep, beyond the call-depth bound: the analysis says so (FTP0007) and
        // keeps a conservative finding (what is past the bound counts as the whole arguments).
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.FlowAnalysisIncomplete);
        Assert.Contains(diagnostics, d => d.Id is DiagnosticIds.DataAboveInferenceCeiling or DiagnosticIds.RestrictedDataReachesLlm);
    }

    [Fact]
    public async Task DeepAndRecursiveTypeGraph_Terminates()
    {
        var types = new StringBuilder();
        for (var i = 0; i < 300; i++)
        {
            types.AppendLine($"public class T{i} {{ public T{i + 1}? Next {{ get; set; }} public List<T{i / 2}> Back {{ get; set; }} = new(); }}");
        }

        types.AppendLine("public class T300 { [Restricted] public string Secret { get; set; } = \"\"; public T0? Loop { get; set; } }");
        var compilation = DirectRun.Compile("Types300", Scenario.Code("using OpenAI.Chat;", $$"""
            {{types}}
            public class C { public void M(ChatClient chat, T0 root) => chat.CompleteChat(System.Text.Json.JsonSerializer.Serialize(root)); }
            """));

        var diagnostics = await DirectRun.AnalyzeAsync(compilation);

        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.RestrictedDataReachesLlm);
    }

    [Fact]
    public async Task FiveThousandTermConcatenation_FinishesWithoutBound()
    {
        var terms = string.Join(" + ", Enumerable.Range(0, 5000).Select(i => i == 4321 ? "c.Ssn" : "c.Name"));
        var compilation = DirectRun.Compile("Concat5000", Scenario.Code("using OpenAI.Chat;", $$"""
            public class C { public void M(ChatClient chat, Customer c) => chat.CompleteChat({{terms}}); }
            """));

        var diagnostics = await DirectRun.AnalyzeAsync(compilation);

        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.RestrictedDataReachesLlm);
        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticIds.FlowAnalysisIncomplete);
    }

    [Fact]
    public async Task CancelledMidAnalysis_Throws()
    {
        var methods = string.Join("\n", Enumerable.Range(0, 600).Select(i =>
            $"public string M{i}(Customer c) => M{i + 1}(c) + c.Name;"));
        var compilation = DirectRun.Compile("CancelMid", Scenario.Code("using OpenAI.Chat;", $$"""
            public class Chain
            {
            {{methods}}
                public string M600(Customer c) => c.Ssn;
                public void Send(ChatClient chat, Customer c) => chat.CompleteChat(M0(c));
            }
            """));
        using var cancellation = new CancellationTokenSource();
        void CancelOnStart(FineTunePolicy.Analyzers.Flow.FlowEngine engine)
        {
            if (engine.Compilation.AssemblyName == "CancelMid")
            {
                cancellation.Cancel();
            }
        }

        ClassifiedDataFlowAnalyzer.EngineCreated += CancelOnStart;
        try
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DirectRun.AnalyzeAsync(compilation, cancellation.Token));
        }
        finally
        {
            ClassifiedDataFlowAnalyzer.EngineCreated -= CancelOnStart;
        }
    }

    [Fact]
    public async Task SameInput_SameDiagnostics_ConcurrentOrNot_AcrossTwentyRuns()
    {
        var sources = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "samples"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToArray();
        var compilation = DirectRun.Compile("Determinism", sources);

        string? first = null;
        for (var run = 0; run < 20; run++)
        {
            var diagnostics = await DirectRun.AnalyzeAsync(compilation.Clone(), concurrent: run % 2 == 0);
            var text = string.Join("\n", diagnostics
                .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage()} "
                    + $"[{string.Join(", ", d.AdditionalLocations.Select(l => l.GetLineSpan().ToString()))}]"));
            first ??= text;
            Assert.Equal(first, text);
        }

        Assert.Contains("FTP0001", first);
    }
}
