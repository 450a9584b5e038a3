using System.Collections.Concurrent;
using FineTunePolicy.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using static FineTunePolicy.Analyzers.Tests.Verifiers.RuleScenario;
using static FineTunePolicy.Analyzers.Tests.Verifiers.Scenario;
using Verify = FineTunePolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<FineTunePolicy.Analyzers.ClassifiedDataFlowAnalyzer>;

namespace FineTunePolicy.Analyzers.Tests.Rules;

/// <summary>
/// FTP0100, the inventory of LLM use: off unless a build asks for it; then one entry per sink call (with the highest class
/// reaching it), per declassifier and per classified declaration, with the properties the report reads.
/// </summary>
[Collection(nameof(Robustness.WorkTests))]
public class FTP0100Tests
{
    private static readonly ConcurrentDictionary<string, FlowEngine> Engines = new();

    static FTP0100Tests()
    {
        ClassifiedDataFlowAnalyzer.EngineCreated += engine => Engines[engine.Compilation.AssemblyName!] = engine;
    }

    [Fact]
    public async Task SinkCallReachedByRestrictedData_ListsClassSourcesCeilingAndNotAllowed()
    {
        var entries = await InventoryAsync("RestrictedCall", Method("await chat.CompleteChatAsync(new OpenAI.Chat.UserChatMessage(\"SSN \" + c.Ssn));"),
            Policies.Manifest);

        var call = Assert.Single(entries, e => e.Properties[DiagnosticProperties.Entry] == DiagnosticProperties.InventorySinkCall);
        Assert.Equal("chat.CompleteChatAsync(new OpenAI.Chat.UserChatMessage(\"SSN \" + c.Ssn))", Text(call));
        AssertProperties(call, new()
        {
            ["Entry"] = "sinkCall",
            ["Sink"] = "ChatClient.CompleteChatAsync",
            ["Purpose"] = "Inference",
            ["Provider"] = "openai",
            ["Class"] = "Restricted",
            ["Categories"] = "Personal",
            ["Sources"] = "Customer.Ssn",
            ["Ceiling"] = "Confidential",
            ["Allowed"] = "false",
        });
        Assert.Equal(
            "'ChatClient.CompleteChatAsync' sends Restricted, Personal data from 'Customer.Ssn' to provider 'openai' for inference; ceiling Confidential "
                + "(project policy): outside the policy",
            call.GetMessage());
    }

    [Fact]
    public async Task SinkCallReachedByNothingClassified_IsPublicAndAllowed()
    {
        var entries = await InventoryAsync("PublicCall", Method("await embeddings.GenerateEmbeddingAsync(\"hello\" + c.Id);"));

        var call = Assert.Single(entries, e => e.Properties[DiagnosticProperties.Entry] == DiagnosticProperties.InventorySinkCall);
        AssertProperties(call, new()
        {
            ["Entry"] = "sinkCall",
            ["Sink"] = "EmbeddingClient.GenerateEmbeddingAsync",
            ["Purpose"] = "Embedding",
            ["Provider"] = "openai",
            ["Class"] = "Public",
            ["Ceiling"] = "Internal",
            ["Allowed"] = "true",
        });
        Assert.Equal("'EmbeddingClient.GenerateEmbeddingAsync' sends no classified data to provider 'openai' for embedding; ceiling Internal (default policy, "
            + "no manifest): allowed", call.GetMessage());
    }

    [Fact]
    public async Task SinkCallInsideAWrapper_TakesTheHighestClassOfItsCallers()
    {
        var source = Code("using OpenAI.Chat;", """
            public class Bot
            {
                private readonly ChatClient _chat = new("gpt-4o", "key");
                public ChatCompletion Ask(string prompt) => _chat.CompleteChat(prompt);
                public void Greet() => Ask("Hello");
                public void Verify(Customer c) => Ask("Check " + c.Email);
                public void Bill(Order o) => Ask("Card " + o.CardNumber);
            }
            """);

        var entries = await InventoryAsync("WrappedCall", source);

        var call = Assert.Single(entries, e => e.Properties[DiagnosticProperties.Entry] == DiagnosticProperties.InventorySinkCall);
        Assert.Equal("_chat.CompleteChat(prompt)", Text(call));
        Assert.Equal("Restricted", call.Properties["Class"]);
        Assert.Equal("Personal\nPayment", call.Properties["Categories"]);
        Assert.Equal("Customer.Email\nOrder.CardNumber", call.Properties["Sources"]);
        Assert.Equal("false", call.Properties["Allowed"]);
    }

    [Fact]
    public async Task NothingClassifiedInTheCompilation_SinkCallsListedAsPublicWithoutTheEngine()
    {
        const string source = """
            using OpenAI.Chat;
            using OllamaSharp;
            internal class Bot
            {
                public ChatCompletion Ask(ChatClient chat, string prompt) => chat.CompleteChat(prompt);
                public async System.Threading.Tasks.Task Draft(OllamaApiClient ollama, string text) { await foreach (var _ in ollama.GenerateAsync(text)) { } }
            }
            """;
        var compilation = DirectRun.Without(DirectRun.Compile("UnclassifiedCalls", source), "Microsoft.Extensions.Compliance");

        var entries = await InventoryAsync(compilation, Policies.Manifest);

        Assert.False(Engines.ContainsKey("UnclassifiedCalls"));
        Assert.Equal(
            [
                "chat.CompleteChat(prompt) ChatClient.CompleteChat openai Public Confidential true",
                "ollama.GenerateAsync(text) OllamaApiClientExtensions.GenerateAsync ollama Public - false",
            ],
            entries.Select(e => string.Join(" ", Text(e), e.Properties["Sink"], e.Properties["Provider"], e.Properties["Class"],
                e.Properties.GetValueOrDefault("Ceiling") ?? "-", e.Properties["Allowed"])));
    }

    [Fact]
    public async Task Declassifiers_ListedWithTheirClassAndJustification()
    {
        var source = Code("", """
            public static class Redaction
            {
                [Declassifies(DataClass.Public, Justification = "Keeps the initials only")]
                public static string Initials(string name) => name.Substring(0, 1);

                [Declassifies(DataClass.Internal)]
                public static string Mask(string email) => "***";
            }
            """);

        var entries = (await InventoryAsync("Declassifiers", source))
            .Where(e => e.Properties[DiagnosticProperties.Entry] == DiagnosticProperties.InventoryDeclassifier).ToList();

        Assert.Equal(["Initials", "Mask"], entries.Select(Text));
        AssertProperties(entries[0], new() { ["Entry"] = "declassifier", ["Symbol"] = "Redaction.Initials", ["Class"] = "Public",
            ["Justification"] = "Keeps the initials only" });
        AssertProperties(entries[1], new() { ["Entry"] = "declassifier", ["Symbol"] = "Redaction.Mask", ["Class"] = "Internal" });
        Assert.Equal("'Redaction.Mask' declassifies its result to Internal (no justification)", entries[1].GetMessage());
    }

    [Fact]
    public async Task ClassifiedDeclarations_ListedWithClassAndCategories()
    {
        var source = Code("", """
            public static class Lookup
            {
                [return: Restricted(Categories = DataCategory.Personal)]
                public static string SsnOf(Customer c) => c.Ssn;
            }
            """);

        var entries = (await InventoryAsync("Classified", source))
            .Where(e => e.Properties[DiagnosticProperties.Entry] == DiagnosticProperties.InventoryClassified).ToList();

        Assert.Equal(
            [
                "Customer.Id member Public -",
                "Customer.Ssn member Restricted Personal",
                "Customer.Email member Confidential Personal",
                "Customer.Segment member Internal -",
                "Order.CardNumber member Restricted Payment",
                "Ticket type Confidential -",
                "Lookup.SsnOf return Restricted Personal",
            ],
            entries.Select(e => string.Join(" ", e.Properties["Symbol"], e.Properties["SymbolKind"], e.Properties["Class"],
                e.Properties.GetValueOrDefault("Categories") ?? "-")));
        Assert.Equal("'Customer.Ssn' is Restricted, Personal data", entries[1].GetMessage());
    }

    [Fact]
    public async Task NotRequested_NoEntry()
    {
        var compilation = DirectRun.Compile("NotRequested", Method("await chat.CompleteChatAsync(new OpenAI.Chat.UserChatMessage(c.Ssn));"));

        var diagnostics = await DirectRun.AnalyzeAsync(compilation, globalConfig: Policies.Manifest);

        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.RestrictedDataReachesLlm);
        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticIds.LlmInventory);
        Assert.False(LlmInventoryRequested(compilation));
    }

    [Fact]
    public async Task NotRequestedNothingClassifiedNoManifest_NoEngineAndNothingReported()
    {
        var compilation = DirectRun.Without(DirectRun.Compile("NotRequestedUnclassified", """
            internal class Bot { public OpenAI.Chat.ChatCompletion Ask(OpenAI.Chat.ChatClient chat, string prompt) => chat.CompleteChat(prompt); }
            """), "Microsoft.Extensions.Compliance");

        Assert.Empty(await DirectRun.AnalyzeAsync(compilation));
        Assert.False(Engines.ContainsKey("NotRequestedUnclassified"));
    }

    [Fact]
    public async Task Requested_OnlyWhereASeverityTurnsItOn()
    {
        // Here through the compilation's options; the package's global config is the end-to-end test's (InventoryTests).
        var compilation = DirectRun.Compile("RequestedByConfig", "public class C { }");
        Assert.False(LlmInventoryRequested(compilation));
        Assert.True(LlmInventoryRequested(Inventoried(compilation)));
        Assert.False(LlmInventoryRequested(compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
            compilation.Options.SpecificDiagnosticOptions.SetItem(DiagnosticIds.LlmInventory, ReportDiagnostic.Suppress)))));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task SameEntriesInTheSameOrder_OnEveryRun()
    {
        var source = Code("using OpenAI.Chat;", """
            public class Bot
            {
                private readonly ChatClient _chat = new("gpt-4o", "key");
                public ChatCompletion Ask(string prompt) => _chat.CompleteChat(prompt);
                public void A(Customer c) => Ask(c.Email);
                public void B(Customer c) => Ask(c.Ssn);
                public void C(Order o) => _chat.CompleteChat(o.CardNumber);
                public void D(Customer c) => _chat.CompleteChat(c.Name);
            }
            """);

        static string Describe(IEnumerable<Diagnostic> entries) =>
            string.Join("\n", entries.Select(e => e.Location.GetLineSpan() + " " + e.GetMessage() + " "
                + string.Join(";", e.Properties.OrderBy(p => p.Key).Select(p => p.Key + "=" + p.Value))));

        var first = Describe(await InventoryAsync("Deterministic", source));
        for (var run = 0; run < 3; run++)
        {
            Assert.Equal(first, Describe(await InventoryAsync("Deterministic", source)));
        }
    }

    [Fact]
    public async Task WithTheVerifier_ReportedOnTheCallAtInfo()
    {
        var source = Method("{|#0:embeddings.GenerateEmbedding(c.Name)|};");
        var test = Verify.CreateTest(source);
        test.DisabledDiagnostics.Remove(DiagnosticIds.LlmInventory);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.FTP0100_LlmInventory).WithLocation(0)
            .WithArguments("'EmbeddingClient.GenerateEmbedding' sends no classified data to provider 'openai' for embedding; ceiling Internal (default policy, "
                + "no manifest): allowed"));

        // Every classified member of the scenario's domain is listed too; this test is about the call.
        test.ExpectedDiagnostics.AddRange(ClassifiedDomainEntries());
        await test.RunAsync();
    }

    private static IEnumerable<DiagnosticResult> ClassifiedDomainEntries()
    {
        (string Name, int Line, int Column, string Text)[] members =
        [
            ("Id", 11, 25, "'Customer.Id' is Public data"),
            ("Ssn", 13, 68, "'Customer.Ssn' is Restricted, Personal data"),
            ("Email", 14, 70, "'Customer.Email' is Confidential, Personal data"),
            ("Segment", 15, 30, "'Customer.Segment' is Internal data"),
            ("CardNumber", 21, 67, "'Order.CardNumber' is Restricted, Payment data"),
            ("Ticket", 25, 15, "'Ticket' is Confidential data"),
        ];
        return members.Select(m => Verify.Diagnostic(Descriptors.FTP0100_LlmInventory).WithSpan(m.Line, m.Column, m.Line, m.Column + m.Name.Length)
            .WithArguments(m.Text));
    }

    private static Compilation Inventoried(Compilation compilation) => compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
        compilation.Options.SpecificDiagnosticOptions.SetItem(DiagnosticIds.LlmInventory, ReportDiagnostic.Info)));

    private static bool LlmInventoryRequested(Compilation compilation) => Analyzers.Rules.LlmInventory.IsRequested(compilation, CancellationToken.None);

    private static Task<List<Diagnostic>> InventoryAsync(string assemblyName, string source, string? policy = null) =>
        InventoryAsync(DirectRun.Compile(assemblyName, source), policy);

    private static async Task<List<Diagnostic>> InventoryAsync(Compilation compilation, string? policy = null)
    {
        var diagnostics = await DirectRun.AnalyzeAsync(Inventoried(compilation), globalConfig: policy);
        Assert.All(diagnostics.Where(d => d.Id == DiagnosticIds.LlmInventory), d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        return diagnostics.Where(d => d.Id == DiagnosticIds.LlmInventory)
            .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ToList();
    }

    private static string Text(Diagnostic diagnostic) => diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

    private static void AssertProperties(Diagnostic diagnostic, Dictionary<string, string> expected) =>
        Assert.Equal(expected.OrderBy(p => p.Key), diagnostic.Properties.OrderBy(p => p.Key).Select(p => KeyValuePair.Create(p.Key, p.Value!)));
}
