using System.Collections.Concurrent;
using System.Text;
using FineTunePolicy.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FineTunePolicy.Analyzers.Tests.Robustness;

/// <summary>
/// Performance regression checks that compare work, never time (docs/performance.md): on a generated 200-file
/// code base shaped like the build benchmark's workload, every method body is summarised at most once; without an
/// LLM SDK or a declared sink the engine never starts; and a deep type graph is classified with its sends summarised once.
/// </summary>
[Collection(nameof(WorkTests))]
public class PerformanceRegressionTests
{
    private const int Files = 200;

    private static readonly ConcurrentDictionary<string, FlowEngine> Engines = new();

    static PerformanceRegressionTests()
    {
        ClassifiedDataFlowAnalyzer.EngineCreated += engine => Engines[engine.Compilation.AssemblyName!] = engine;
    }

    [Fact]
    public async Task GeneratedCodeBase_EachMethodBodyIsSummarisedAtMostOnce()
    {
        var compilation = DirectRun.Compile("Perf200", CodeBase(withSinks: true));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var bodies = MethodsWithBodies(compilation);

        var diagnostics = await DirectRun.AnalyzeAsync(compilation, concurrent: false);

        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        var computed = Engines["Perf200"].SummariesComputed;
        Assert.InRange(computed, 1, bodies);

        // The deliberate findings of the generated code are found: the work is not saved by skipping it.
        Assert.Equal(Files / 10, diagnostics.Count(d => d.Id == DiagnosticIds.RestrictedDataReachesLlm));
    }

    [Fact]
    public async Task GeneratedCodeBase_ConcurrentAnalysis_DoesNoMoreWorkThanMethodBodies()
    {
        var compilation = DirectRun.Compile("Perf200Concurrent", CodeBase(withSinks: true));
        var bodies = MethodsWithBodies(compilation);

        await DirectRun.AnalyzeAsync(compilation, concurrent: true);

        // A thread waits for a method another thread is analysing; only a callee that two analyses reach at the
        // same moment can be analysed twice (647 summaries for 600 bodies were measured before the wait, 600 after
        // on a warm machine). The bound catches a loss of sharing (a summary per call) without depending on timing.
        Assert.InRange(Engines["Perf200Concurrent"].SummariesComputed, 1, bodies + bodies / 4);
    }

    [Fact]
    public async Task GeneratedCodeBase_WithoutSdkOrDeclaredSink_EngineNeverStarts()
    {
        var compilation = DirectRun.Compile("Perf200NoSdk", CodeBase(withSinks: false));
        var withoutSdk = compilation.RemoveReferences(compilation.References.Where(r => r.Display is { } path
            && SdkNames.Any(n => Path.GetFileName(path).StartsWith(n, StringComparison.Ordinal))));
        Assert.Empty(withoutSdk.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var diagnostics = await DirectRun.AnalyzeAsync(withoutSdk);

        Assert.False(Engines.ContainsKey("Perf200NoSdk"));
        Assert.DoesNotContain(diagnostics, d => d.Id is DiagnosticIds.RestrictedDataReachesLlm or "AD0001");
    }

    [Fact]
    public async Task DeepTypeGraph_IsClassifiedOnceAndEverySendSummarisedOnce()
    {
        const int types = 500;
        var compilation = DirectRun.Compile("PerfDeepGraph", DeepGraph(types));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var diagnostics = await DirectRun.AnalyzeAsync(compilation, concurrent: false);

        // The Restricted member at the bottom reaches the sink from every level of the graph.
        Assert.Equal(types, diagnostics.Count(d => d.Id == DiagnosticIds.RestrictedDataReachesLlm));

        // One summary per Send method and one for the gateway: no type's auto-properties are analysed as bodies.
        Assert.Equal(types + 1, Engines["PerfDeepGraph"].SummariesComputed);
    }

    /// <summary>Types T0..T(n-1), each holding the next, a list of the one after and a dictionary of the third after.</summary>
    internal static string DeepGraph(int types)
    {
        var text = new StringBuilder("using System.Collections.Generic;\nusing FineTunePolicy;\nnamespace Deep\n{\n");
        for (var i = 0; i < types; i++)
        {
            text.Append($"    public class T{i}\n    {{\n        public string Name{i} {{ get; set; }} = \"\";\n");
            if (i + 1 < types)
            {
                text.Append($"        public T{i + 1}? Next {{ get; set; }}\n");
            }

            if (i + 2 < types)
            {
                text.Append($"        public List<T{i + 2}> Children {{ get; }} = new();\n");
            }

            if (i + 3 < types)
            {
                text.Append($"        public Dictionary<string, T{i + 3}> Index {{ get; }} = new();\n");
            }

            if (i == types - 1)
            {
                text.Append("        [Restricted] public string Secret { get; set; } = \"\";\n");
            }

            text.Append("    }\n");
        }

        text.Append("    public class Gateway\n    {\n        [LlmSink(LlmPurpose.Inference)]\n        public void Send(object payload) { }\n    }\n");
        text.Append("    public class Sender\n    {\n");
        for (var i = 0; i < types; i++)
        {
            text.Append($"        public void Send{i}(Gateway g, T{i} value) => g.Send(value);\n");
        }

        return text.Append("    }\n}\n").ToString();
    }

    /// <summary>
    /// A small version of build/perf's workload, in tens of files: models (classified and not), redactors and prompt
    /// helpers three calls deep, services, [LlmSink] gateways and an OpenAI call site; one deliberate FTP0001 per ten
    /// files. Without sinks, the gateway is a plain class and the call site is left out.
    /// </summary>
    internal static string[] CodeBase(bool withSinks)
    {
        var files = new List<string>();
        for (var d = 0; d < Files / 10; d++)
        {
            var ns = $"namespace Perf.D{d}\n{{\n";
            const string usings = "using System;\nusing System.Collections.Generic;\nusing System.Linq;\nusing System.Text;\nusing "
                + "System.Threading.Tasks;\nusing FineTunePolicy;\n";
            for (var m = 0; m < 3; m++)
            {
                files.Add(usings + ns + $$"""
                    public class Customer{{d}}_{{m}}
                    {
                        [Public] public int Id { get; set; }
                        public string Name { get; set; } = "";
                        [Restricted(Categories = DataCategory.Personal)] public string TaxId { get; set; } = "";
                        [Confidential] public string Email { get; set; } = "";
                        [Internal] public string Segment { get; set; } = "";
                        public string Display => Name + " (" + Segment + ")";
                        public bool IsValid() => Name.Length > 0 && Email.Contains('@');
                    }

                    [Confidential]
                    public record Ticket{{d}}_{{m}}(string Subject, string Body);
                    }
                    """);
            }

            for (var h = 0; h < 2; h++)
            {
                files.Add(usings + ns + $$"""
                    public static class Prompt{{d}}_{{h}}
                    {
                        [Declassifies(DataClass.Public, Justification = "keeps the first character only")]
                        public static string Mask(string value) => value.Length == 0 ? "" : value[0] + "***";
                        public static string Line(string label, string value) => label + ": " + value.Trim();
                        public static string Describe(Customer{{d}}_{{h}} c) => Line("Customer", c.Display) + "\n" + Line("Contact", Mask(c.Email));
                        public static string Build(Customer{{d}}_{{h}} c, string question)
                        {
                            var sb = new StringBuilder();
                            sb.AppendLine(Describe(c));
                            sb.AppendLine(Line("Question", question));
                            return sb.ToString();
                        }
                    }
                    }
                    """);
            }

            var sinkAttribute = withSinks ? "[LlmSink(LlmPurpose.Inference)] " : "";
            files.Add(usings + ns + $$"""
                public class Gateway{{d}}
                {
                    {{sinkAttribute}}public Task<string> AskAsync(string prompt) => Task.FromResult(prompt.Length.ToString());
                }
                }
                """);
            for (var s = 0; s < 3; s++)
            {
                var finding = s == 0 ? $"    public Task<string> Verify(Customer{d}_0 c) => _gateway.AskAsync(\"Verify \" + c.TaxId);\n" : "";
                files.Add(usings + ns + $$"""
                    public class Service{{d}}_{{s}}
                    {
                        private readonly Gateway{{d}} _gateway;
                        public Service{{d}}_{{s}}(Gateway{{d}} gateway) { _gateway = gateway; }
                        public async Task<string> AnswerAsync(Customer{{d}}_{{s % 2}} c, string question)
                        {
                            if (!c.IsValid()) { return "invalid"; }
                            return await _gateway.AskAsync(Compose(c, question));
                        }
                        private string Compose(Customer{{d}}_{{s % 2}} c, string question) => Prompt{{d}}_{{s % 2}}.Build(c, question) + "\n" + DateTime.UtcNow.ToString("O");
                    {{finding}}    public int Score(IEnumerable<int> values) { var total = 0; foreach (var v in values) { total += v * {{s + 1}}; } return total; }
                    }
                    }
                    """);
            }

            files.Add(withSinks
                ? usings + "using OpenAI.Chat;\n" + ns + $$"""
                    public class Llm{{d}}
                    {
                        private readonly ChatClient _chat;
                        public Llm{{d}}(ChatClient chat) { _chat = chat; }
                        public async Task<string> SummariseAsync(Customer{{d}}_1 c)
                        {
                            ChatCompletion completion = await _chat.CompleteChatAsync(new ChatMessage[] { new UserChatMessage(Prompt{{d}}_1.Describe(c)) });
                            return completion.Content.Count > 0 ? completion.Content[0].Text : "";
                        }
                    }
                    }
                    """
                : usings + ns + $$"""
                    public class Llm{{d}}
                    {
                        public string Summarise(Customer{{d}}_1 c) => Prompt{{d}}_1.Describe(c);
                    }
                    }
                    """);
        }

        return files.ToArray();
    }

    /// <summary>Methods, constructors, accessors and expression-bodied properties that have a body of their own.</summary>
    private static int MethodsWithBodies(Compilation compilation) =>
        compilation.SyntaxTrees.Sum(tree => tree.GetRoot().DescendantNodes().Count(node => node switch
        {
            BaseMethodDeclarationSyntax method => method.Body is not null || method.ExpressionBody is not null,
            AccessorDeclarationSyntax accessor => accessor.Body is not null || accessor.ExpressionBody is not null,
            PropertyDeclarationSyntax property => property.ExpressionBody is not null,
            _ => false,
        }));

    private static readonly string[] SdkNames =
        ["OpenAI", "Azure.AI", "Anthropic", "Microsoft.Extensions.AI", "Microsoft.SemanticKernel", "OllamaSharp", "Betalgo", "LLamaSharp"];
}
