using System.Collections.Concurrent;
using FineTunePolicy.Analyzers.Flow;
using Microsoft.CodeAnalysis;

namespace FineTunePolicy.Analyzers.Tests.Robustness;

/// <summary>
/// Where a compilation references the LLM SDKs but nothing in it can be classified, the analyzers cost nothing: no flow
/// engine, no summary (docs/performance.md, "Where nothing is classified"). Under a manifest, FTP0004 is still found by
/// provider attribution alone. FTP0005 and FTP0006 start only where their subject exists, decided from assembly
/// identities, so a type defined by two referenced assemblies does not silence them.
/// </summary>
[Collection(nameof(WorkTests))]
public class NothingClassifiedTests
{
    /// <summary>Microsoft.Extensions.Compliance classifies too (every test compilation references it otherwise).</summary>
    private const string Compliance = "Microsoft.Extensions.Compliance";

    private static readonly ConcurrentDictionary<string, FlowEngine> Engines = new();

    static NothingClassifiedTests()
    {
        ClassifiedDataFlowAnalyzer.EngineCreated += engine => Engines[engine.Compilation.AssemblyName!] = engine;
    }

    private const string Wrapper = """
        using System;
        using System.ClientModel;
        using System.Threading.Tasks;
        using Azure.AI.OpenAI;
        using OllamaSharp;
        using OpenAI.Chat;
        using OpenAI.Embeddings;

        internal class Connector
        {
            private readonly ChatClient _chat = new("gpt-4o", "key");

            public string Describe(string ticket) => "Summarise: " + ticket.Trim();

            public ChatCompletion Ask(string ticket) => _chat.CompleteChat(Describe(ticket));

            public void Embed(string text)
            {
                var azure = new AzureOpenAIClient(new Uri("https://contoso.openai.azure.com/"), new ApiKeyCredential("k"));
                var embeddings = azure.GetEmbeddingClient("embed");
                embeddings.GenerateEmbedding(text);
            }

            public async Task Draft(OllamaApiClient ollama, string text)
            {
                await foreach (var _ in ollama.GenerateAsync(text)) { }
            }
        }
        """;

    private const string Manifest = """
        finetune_policy.mode = manifest
        finetune_policy.providers = openai, azure-openai
        finetune_policy.provider.openai.inference = Confidential
        finetune_policy.provider.azure-openai.embedding = Internal
        """;

    [Fact]
    public async Task SdkReferencedNothingClassified_NoEngineAndNoSummary()
    {
        var compilation = DirectRun.Without(DirectRun.Compile("NothingClassified", Wrapper), Compliance);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var diagnostics = await DirectRun.AnalyzeAsync(compilation);

        Assert.Empty(diagnostics);
        Assert.False(Engines.ContainsKey("NothingClassified"));
    }

    [Fact]
    public async Task SdkReferencedNothingClassified_PublicWrappersOfALibrary_FTP0008Only()
    {
        // Public, the wrappers are called from other assemblies: the engine starts for them alone (FTP0008).
        var compilation = DirectRun.Without(DirectRun.Compile("NothingClassifiedPublic", Wrapper.Replace("internal class Connector", "public class Connector")),
            Compliance);

        var diagnostics = await DirectRun.AnalyzeAsync(compilation);

        Assert.Equal(["Ask", "Draft", "Embed"], diagnostics.Where(d => d.Id == DiagnosticIds.VisibleMethodSendsParameterToLlm)
            .Select(d => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)).Order());
        Assert.Equal(3, diagnostics.Length);
        Assert.True(Engines.ContainsKey("NothingClassifiedPublic"));
    }

    [Fact]
    public async Task SdkReferencedOneClassifiedMember_EngineStarts()
    {
        var compilation = DirectRun.Without(DirectRun.Compile("OneClassified", Wrapper, """
            public class Ticket { [FineTunePolicy.Confidential] public string Body { get; set; } = ""; }
            """), Compliance);

        await DirectRun.AnalyzeAsync(compilation);

        Assert.True(Engines.ContainsKey("OneClassified"));
    }

    [Fact]
    public async Task SdkReferencedClassifiedThroughAlias_EngineStarts()
    {
        var compilation = DirectRun.Without(DirectRun.Compile("AliasClassified", Wrapper, """
            using Secret = FineTunePolicy.RestrictedAttribute;
            public class Ticket { [Secret] public string Body { get; set; } = ""; }
            """), Compliance);

        await DirectRun.AnalyzeAsync(compilation);

        Assert.True(Engines.ContainsKey("AliasClassified"));
    }

    [Fact]
    public async Task SdkReferencedClassifiedByReferencedAssembly_EngineStarts()
    {
        var model = DirectRun.Library("TicketModel", """
            namespace Contoso.Model { public class Ticket { [FineTunePolicy.Confidential] public string Body { get; set; } = ""; } }
            """);
        var compilation = DirectRun.Without(DirectRun.Compile("ModelReferenced", Wrapper), Compliance).AddReferences(model);

        await DirectRun.AnalyzeAsync(compilation);

        Assert.True(Engines.ContainsKey("ModelReferenced"));
    }

    [Fact]
    public async Task SdkReferencedPolicyMapsAttributes_EngineStarts()
    {
        var compilation = DirectRun.Without(DirectRun.Compile("PolicyMapped", Wrapper), Compliance);

        await DirectRun.AnalyzeAsync(compilation, globalConfig: "finetune_policy.attributes = Contoso.SecretAttribute:Restricted");

        Assert.True(Engines.ContainsKey("PolicyMapped"));
    }

    [Fact]
    public async Task NothingClassifiedUnderManifest_ProviderAttributionAloneReportsFTP0004()
    {
        var compilation = DirectRun.Without(DirectRun.Compile("ManifestOnly", Wrapper), Compliance);

        var diagnostics = await DirectRun.AnalyzeAsync(compilation, globalConfig: Manifest);

        Assert.False(Engines.ContainsKey("ManifestOnly"));
        var finding = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticIds.ProviderNotAllowedForPurpose, finding.Id);
        Assert.Equal(
            "'OllamaApiClientExtensions.GenerateAsync' sends data to provider 'ollama' for inference, which the policy does not allow (allowed for inference: "
                + "openai); "
            + "use an allowed provider, or declare 'ollama' for inference in the project's manifest and have the allow-list approve it",
            finding.GetMessage());
        Assert.Equal("ollama.GenerateAsync(text)", finding.Location.SourceTree!.GetText().ToString(finding.Location.SourceSpan));
    }

    [Fact]
    public async Task NothingClassified_UndeclaredTunedModel_FTP0010WithoutEngine()
    {
        // FTP0010 needs no classification: it is found where nothing is classified, and starts no engine.
        var compilation = DirectRun.Without(DirectRun.Compile("NothingClassifiedTunedModel", Wrapper.Replace(
            "new(\"gpt-4o\", \"key\")", "new(\"" + Policies.SupportModel + "\", \"key\")")), Compliance);

        var diagnostics = await DirectRun.AnalyzeAsync(compilation);

        Assert.False(Engines.ContainsKey("NothingClassifiedTunedModel"));
        var finding = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticIds.UndeclaredTunedModel, finding.Id);
        Assert.Equal("\"" + Policies.SupportModel + "\"", finding.Location.SourceTree!.GetText().ToString(finding.Location.SourceSpan));
    }

    [Fact]
    public async Task NothingClassifiedUnderManifest_RegisteredTunedModelNamed_EngineStartsForItsAnswers()
    {
        // A registered tuned model's answers carry its training class: naming its id is classification enough.
        var compilation = DirectRun.Without(DirectRun.Compile("TunedModelNamed", Wrapper.Replace(
            "new(\"gpt-4o\", \"key\")", "new(\"" + Policies.SupportModel + "\", \"key\")")), Compliance);

        await DirectRun.AnalyzeAsync(compilation, globalConfig: Policies.WithTunedModels(declared: true));

        Assert.True(Engines.ContainsKey("TunedModelNamed"));
    }

    [Fact]
    public async Task NothingClassifiedUnderManifest_RegisteredTunedModelNotNamed_NoEngine()
    {
        var compilation = DirectRun.Without(DirectRun.Compile("TunedModelNotNamed", Wrapper), Compliance);

        await DirectRun.AnalyzeAsync(compilation, globalConfig: Policies.WithTunedModels(declared: true));

        Assert.False(Engines.ContainsKey("TunedModelNotNamed"));
    }

    [Fact]
    public async Task NothingClassifiedUnderManifest_ClientMadeByAzureIsAzure_OtherwiseOpenAI()
    {
        // The same calls with the embedding client made directly: attributed to openai, which may not embed.
        var compilation = DirectRun.Without(DirectRun.Compile("ManifestDirectClient", Wrapper.Replace(
            "azure.GetEmbeddingClient(\"embed\")", "new EmbeddingClient(\"embed\", \"key\")")), Compliance);

        var diagnostics = await DirectRun.AnalyzeAsync(compilation, globalConfig: Manifest);

        Assert.Equal(
            ["'EmbeddingClient.GenerateEmbedding' sends data to provider 'openai' for embedding", "'OllamaApiClientExtensions.GenerateAsync' sends data to "
                + "provider 'ollama' for inference"],
            diagnostics.Select(d => d.GetMessage().Split(',')[0]).Order(StringComparer.Ordinal));
    }

    private const string Declassifier = """
        using FineTunePolicy;
        public static class Mask
        {
            [Declassifies(DataClass.Public)]
            public static string Hide(string value) => "***";
        }
        """;

    /// <summary>An assembly with its own internal copy of one of our attribute types.</summary>
    private static MetadataReference SecondDefinitionOf(string typeName) => DirectRun.Library("Copy" + typeName, $$"""
        namespace FineTunePolicy { internal sealed class {{typeName}} : System.Attribute { } }
        """);

    [Fact]
    public async Task FTP0005_TypeDefinedByTwoReferencedAssemblies_StillReported()
    {
        var compilation = DirectRun.Compile("DeclassifiesTwice", Declassifier).AddReferences(SecondDefinitionOf("DeclassifiesAttribute"));
        Assert.Null(compilation.GetTypeByMetadataName("FineTunePolicy.DeclassifiesAttribute")); // what the old gate asked
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var diagnostics = await DirectRun.AnalyzeAsync(compilation);

        Assert.Equal([DiagnosticIds.DeclassifiesNeedsJustification], diagnostics.Select(d => d.Id));
    }

    [Fact]
    public async Task FTP0005_AnnotationsNotReferenced_NotRegistered()
    {
        // The attribute defined by the source itself is not ours: without the annotations, FTP0005 has no subject.
        var compilation = DirectRun.Without(DirectRun.Compile("OwnDeclassifies", Declassifier + """
            namespace FineTunePolicy
            {
                public enum DataClass { Public }
                public sealed class DeclassifiesAttribute(DataClass result) : System.Attribute { public string? Justification { get; set; } }
            }
            """), "FineTunePolicy.Annotations");
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var diagnostics = await DirectRun.AnalyzeAsync(compilation);

        Assert.Empty(diagnostics);
    }

    private const string SensitiveTelemetry = """
        using Microsoft.Extensions.AI;
        public class Patient { [FineTunePolicy.Restricted] public string Diagnosis { get; set; } = ""; }
        public class Setup
        {
            public IChatClient Build(IChatClient inner) =>
                new ChatClientBuilder(inner).UseOpenTelemetry(configure: c => c.EnableSensitiveData = true).Build();
        }
        """;

    [Fact]
    public async Task FTP0006_ClassifiedAttributeDefinedByTwoReferencedAssemblies_StillReported()
    {
        var compilation = DirectRun.Without(DirectRun.Compile("ClassifiedTwice", SensitiveTelemetry), Compliance)
            .AddReferences(SecondDefinitionOf("ClassifiedAttribute"));
        Assert.Null(compilation.GetTypeByMetadataName("FineTunePolicy.ClassifiedAttribute")); // what the old gate asked
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var diagnostics = await DirectRun.AnalyzeAsync(compilation);

        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.SensitiveTelemetryEnabled);
    }

    [Fact]
    public async Task FTP0006_SemanticKernelSwitchWithoutSemanticKernel_NotRegistered()
    {
        var compilation = DirectRun.Without(DirectRun.Compile("SwitchWithoutKernel", """
            public record Patient([FineTunePolicy.Confidential] string Name);
            public class Setup
            {
                public void Configure() => System.AppContext.SetSwitch("Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnosticsSensitive", true);
            }
            """), "Microsoft.SemanticKernel", "Microsoft.Extensions.AI");

        var diagnostics = await DirectRun.AnalyzeAsync(compilation);

        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticIds.SensitiveTelemetryEnabled);
    }

    [Fact]
    public async Task FTP0006_SemanticKernelSwitchWithSemanticKernel_Reported()
    {
        var compilation = DirectRun.Without(DirectRun.Compile("SwitchWithKernel", """
            public record Patient([FineTunePolicy.Confidential] string Name);
            public class Setup
            {
                public void Configure() => System.AppContext.SetSwitch("Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnosticsSensitive", true);
            }
            """), "Microsoft.Extensions.AI");

        var diagnostics = await DirectRun.AnalyzeAsync(compilation);

        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.SensitiveTelemetryEnabled);
    }
}
