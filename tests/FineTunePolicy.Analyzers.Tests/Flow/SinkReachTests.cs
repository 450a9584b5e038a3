using FineTunePolicy.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using static FineTunePolicy.Analyzers.Tests.Verifiers.Scenario;
using Verify = FineTunePolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<FineTunePolicy.Analyzers.ClassifiedDataFlowAnalyzer>;

namespace FineTunePolicy.Analyzers.Tests.Flow;

/// <summary>
/// Only bodies whose names can reach a sink are bound (Flow/SinkReach.cs). These are the calls a name does not show
/// at the call site: each test fails if the filter skips the body that holds the finding.
/// </summary>
public class SinkReachTests
{
    private const string Chat = "using OpenAI.Chat;";

    [Fact]
    public Task CollectionInitializer_CallsAddThatSends() => HitAsync(Code(Chat + "\nusing System.Collections;", """
        public class PromptBatch : IEnumerable<string>
        {
            private readonly ChatClient _chat;
            public PromptBatch(ChatClient chat) => _chat = chat;
            public void Add(string text) => _chat.CompleteChat(text);
            public IEnumerator<string> GetEnumerator() => Enumerable.Empty<string>().GetEnumerator();
            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        }

        public class Bot
        {
            public void Run(ChatClient chat, Customer c)
            {
                var batch = new PromptBatch(chat) { {|#0:c.Ssn|} };
            }
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task TargetTypedNew_CallsConstructorThatSends() => HitAsync(Code(Chat, """
        public class Audit
        {
            public Audit(ChatClient chat, string note) => chat.CompleteChat(note);
        }

        public class Bot
        {
            public void Run(ChatClient chat, Customer c)
            {
                Audit audit = new(chat, {|#0:c.Ssn|});
            }
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task BaseInitializer_CallsConstructorThatSends() => HitAsync(Code(Chat, """
        public class Audit
        {
            public Audit(ChatClient chat, string note) => chat.CompleteChat(note);
        }

        public class CustomerAudit : Audit
        {
            public CustomerAudit(ChatClient chat, Customer c) : base(chat, {|#0:c.Ssn|})
            {
            }
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task SinkAttributeUnderAlias_MakesItsCallersReach() => HitAsync(Code("using Sink = FineTunePolicy.LlmSinkAttribute;", """
        public class Gateway
        {
            [Sink(LlmPurpose.Inference)]
            public void Post(string prompt) { }
        }

        public class Bot
        {
            public void Run(Gateway gateway, Customer c) => gateway.Post({|#0:c.Ssn|});
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public async Task TopLevelStatements_AreAnalysed()
    {
        var test = Verify.CreateTest("""
            using FineTunePolicy;
            using OpenAI.Chat;

            var chat = new ChatClient("gpt-4o", "key");
            var customer = new Customer();
            chat.CompleteChat({|#0:customer.Ssn|});

            public class Customer
            {
                [Restricted] public string Ssn { get; set; } = "";
            }
            """);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.FTP0001_RestrictedDataReachesLlm.Id,
            Descriptors.FTP0001_RestrictedDataReachesLlm.DefaultSeverity).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task SinkDeclaredInReferencedAssembly_MakesItsCallersReach()
    {
        var library = DirectRun.Compile("GatewayLibrary", """
            using FineTunePolicy;
            namespace Contoso.Llm
            {
                public class Gateway
                {
                    [LlmSink(LlmPurpose.Inference)]
                    public void Post(string prompt) { }
                }
            }
            """);
        using var image = new MemoryStream();
        Assert.True(library.Emit(image).Success);

        var application = DirectRun.Compile("GatewayApplication", """
            using FineTunePolicy;
            public class Customer { [Restricted] public string Ssn { get; set; } = ""; }
            public class Bot { public void Run(Contoso.Llm.Gateway gateway, Customer c) => gateway.Post(c.Ssn); }
            """).AddReferences(MetadataReference.CreateFromImage(image.ToArray()));
        Assert.Empty(application.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var diagnostics = await DirectRun.AnalyzeAsync(application);

        var finding = Assert.Single(diagnostics, d => d.Id == DiagnosticIds.RestrictedDataReachesLlm);
        Assert.Equal("c.Ssn", finding.Location.SourceTree!.GetText().ToString(finding.Location.SourceSpan));
    }

    [Fact]
    public Task WrapperOfWrapperOfWrapper_IsReachedThroughNames() => HitAsync(Code(Chat, """
        public class Layers
        {
            private readonly ChatClient _chat;
            public Layers(ChatClient chat) => _chat = chat;
            public void Outer(string text) => Middle(text.Trim());
            private void Middle(string text) => Inner("> " + text);
            private void Inner(string text) => _chat.CompleteChat(text);
        }

        public class Bot
        {
            public void Run(Layers layers, Customer c) => layers.Outer({|#0:c.Email|});
        }
        """), Descriptors.FTP0003_DataAboveInferenceCeiling);

    [Fact]
    public Task WrapperCalledThroughUnicodeEscape_IsStillReached() => HitAsync(Code(Chat, """
        public class Layers
        {
            private readonly ChatClient _chat;
            public Layers(ChatClient chat) => _chat = chat;
            public void Outer(string text) => _chat.CompleteChat(text);
        }

        public class Bot
        {
            public void Run(Layers layers, Customer c) => layers.\u004Futer({|#0:c.Ssn|});
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);
}
