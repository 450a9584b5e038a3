using Models = FineTunePolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<FineTunePolicy.Analyzers.TunedModelAnalyzer>;

namespace FineTunePolicy.Analyzers.Tests.Rules;

/// <summary>FTP0010: a tuned model given to an SDK that the project's manifest does not declare.</summary>
public class FTP0010Tests
{
    private const string Support = Policies.SupportModel;

    private static readonly string Undeclared = Policies.WithTunedModels(declared: false);
    private static readonly string Declared = Policies.WithTunedModels(declared: true);

    private static DiagnosticResult Registered(int location, string id = Support) =>
        Models.Diagnostic(Descriptors.FTP0010_UndeclaredTunedModel).WithLocation(location).WithArguments(
            id,
            "a tuned model of provider 'openai' trained on Confidential, Personal data (the allow-list registers it), "
                + "and the project's manifest does not declare it");

    [Fact]
    public Task FTP0010_Literal_GetChatClient_Reported() => Models.VerifyAsync($$"""
        using OpenAI;
        public class Assistant
        {
            public object Make(OpenAIClient openAi) => openAi.GetChatClient({|#0:"{{Support}}"|});
        }
        """, Undeclared, Registered(0));

    [Fact]
    public Task FTP0010_ConstLocal_NewChatClient_Reported() => Models.VerifyAsync($$"""
        using OpenAI.Chat;
        public class Assistant
        {
            public ChatClient Make(string key)
            {
                const string model = "{{Support}}";
                return new ChatClient({|#0:model|}, key);
            }
        }
        """, Undeclared, Registered(0));

    [Fact]
    public Task FTP0010_ConstField_NamedArgument_Reported() => Models.VerifyAsync($$"""
        using OpenAI.Embeddings;
        public static class ModelIds { public const string Support = "{{Support}}"; }
        public class Indexer
        {
            private readonly EmbeddingClient _client = new(apiKey: "key", model: {|#0:ModelIds.Support|});
        }
        """, Undeclared, Registered(0));

    [Fact]
    public Task FTP0010_ChatOptionsModelId_InInitializer_Reported() => Models.VerifyAsync($$"""
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;
        public class Assistant
        {
            public Task<ChatResponse> Ask(IChatClient chat, string question) =>
                chat.GetResponseAsync(question, new ChatOptions { ModelId = {|#0:"{{Support}}"|} });
        }
        """, Undeclared, Registered(0));

    [Fact]
    public Task FTP0010_SemanticKernel_AddOpenAIChatCompletion_Reported() => Models.VerifyAsync($$"""
        using Microsoft.SemanticKernel;
        public class Setup
        {
            public Kernel Build(string key) => Kernel.CreateBuilder().AddOpenAIChatCompletion(apiKey: key, modelId: {|#0:"{{Support}}"|}).Build();
        }
        """, Undeclared, Registered(0));

    [Fact]
    public Task FTP0010_AzureDeploymentName_OfTheRegistry_Reported() => Models.VerifyAsync("""
        using Azure.AI.OpenAI;
        public class Claims
        {
            // Azure resource names compare without regard to case: the registry's 'contoso-claims-ft' is this deployment.
            public object Make(AzureOpenAIClient azure) => azure.GetChatClient({|#0:"Contoso-Claims-FT"|});
        }
        """, Undeclared, Models.Diagnostic(Descriptors.FTP0010_UndeclaredTunedModel).WithLocation(0).WithArguments(
            "Contoso-Claims-FT",
            "a tuned model of provider 'azure-openai' trained on Internal, Financial data (the allow-list registers it), "
                + "and the project's manifest does not declare it"));

    [Fact]
    public Task FTP0010_FineTunedIdNotInRegistry_Reported() => Models.VerifyAsync("""
        using OpenAI;
        public class Assistant
        {
            public object Make(OpenAIClient openAi) => openAi.GetChatClient({|#0:"ft:gpt-4o-2024-08-06:contoso:legacy:1a2b3c"|});
        }
        """, Undeclared, Models.Diagnostic(Descriptors.FTP0010_UndeclaredTunedModel).WithLocation(0).WithArguments(
            "ft:gpt-4o-2024-08-06:contoso:legacy:1a2b3c",
            "a tuned model that the allow-list's model registry does not list and the project's manifest does not declare"));

    [Fact]
    public Task FTP0010_WithoutManifest_AnyFineTunedId_Reported() => Models.VerifyAsync($$"""
        using OpenAI.Chat;
        public class Assistant
        {
            public ChatClient Make(string key) => new({|#0:"{{Support}}"|}, key);
        }
        """, Models.Diagnostic(Descriptors.FTP0010_UndeclaredTunedModel).WithLocation(0).WithArguments(
            Support, "a tuned model, and the project has no manifest to declare it (the default policy declares none)"));

    [Fact]
    public Task FTP0010_ResponsesAndAnthropicModels_Reported() => Models.VerifyAsync($$"""
        using System.Threading.Tasks;
        using Anthropic.Models.Messages;
        using OpenAI.Responses;
        public class Router
        {
            public Task<System.ClientModel.ClientResult<ResponseResult>> Ask(ResponsesClient responses, string question) =>
                responses.CreateResponseAsync({|#0:"{{Support}}"|}, question);

            public MessageCreateParams Request() => new() { Model = {|#1:"{{Support}}"|}, MaxTokens = 100, Messages = [] };
        }
        """, Undeclared, Registered(0), Registered(1));

    [Fact]
    public Task FTP0010_DeclaredModel_NoDiagnostic() => Models.VerifyAsync($$"""
        using OpenAI;
        public class Assistant
        {
            public object Make(OpenAIClient openAi) => openAi.GetChatClient("{{Support}}");
        }
        """, Declared);

    [Fact]
    public Task FTP0010_BaseModel_NoDiagnostic() => Models.VerifyAsync("""
        using OpenAI;
        using OpenAI.Chat;
        public class Assistant
        {
            public object Make(OpenAIClient openAi) => openAi.GetChatClient("gpt-4o-mini");
            public ChatClient Direct(string key) => new("gpt-4o-mini", key);
        }
        """);

    [Fact]
    public Task FTP0010_ModelFromConfiguration_NotSeen_NoDiagnostic() => Models.VerifyAsync("""
        using System.Collections.Generic;
        using OpenAI;
        public class Assistant
        {
            // The value is only known at run time: the analyzer cannot see it (docs/rules/FTP0010.md, "What is not seen").
            public object Make(OpenAIClient openAi, IReadOnlyDictionary<string, string> config) => openAi.GetChatClient(config["Model"]);
        }
        """, Undeclared);

    [Fact]
    public Task FTP0010_FineTuningJob_MakesAModel_NoDiagnostic() => Models.VerifyAsync($$"""
        using System.Threading.Tasks;
        using OpenAI.FineTuning;
        public class Trainer
        {
            public Task Train(FineTuningClient client, string fileId) =>
                client.FineTuneAsync("gpt-4o-mini-2024-07-18", fileId, waitUntilCompleted: false, new() { Suffix = "support-v3" });
        }
        """);

    [Fact]
    public Task FTP0010_UnregisteredPlainId_NoDiagnostic() => Models.VerifyAsync("""
        using OpenAI;
        public class Assistant
        {
            public object Make(OpenAIClient openAi) => openAi.GetChatClient("contoso-support-latest");
        }
        """, Undeclared);

    [Fact]
    public Task FTP0010_BrokenCode_NoCrash() => Models.VerifyAsync($$"""
        using OpenAI;
        public class Assistant
        {
            public object Make(OpenAIClient openAi) => openAi.{|CS1501:GetChatClient|}("{{Support}}", 2);
            public object Other(OpenAIClient openAi) => openAi.{|CS1061:GetChatClients|}("{{Support}}");
            public object Third(OpenAIClient openAi) => openAi.GetChatClient({|CS1503:42|});
        }
        """);
}
