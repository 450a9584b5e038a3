using Answers = FineTunePolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<FineTunePolicy.Analyzers.ClassifiedDataFlowAnalyzer>;

namespace FineTunePolicy.Analyzers.Tests.Flow;

/// <summary>
/// The answer of an inference call on a client bound to a registered tuned model carries the model's training class
/// (docs/classifying-data.md, "Answers of tuned models"): sent on to another provider, into an embedding or into a
/// training set, it is checked by FTP0001-FTP0003 like any classified value.
/// </summary>
public class TunedModelAnswerTests
{
    private const string Support = Policies.SupportModel;
    private const string Answer = "the answer of tuned model '" + Support + "'";

    private static readonly string Registry = Policies.WithTunedModels(declared: true);

    private static DiagnosticResult AboveInference(int location, string sink, string provider, string ceiling) =>
        Answers.Diagnostic(Descriptors.FTP0003_DataAboveInferenceCeiling).WithLocation(location)
            .WithArguments(Answer, "Confidential, Personal", sink, "inference", provider, ceiling);

    [Fact]
    public Task AnswerOfTunedModel_SentToAnthropic_AboveItsCeiling_FTP0003() => Answers.VerifyAsync($$"""
        using System.Threading.Tasks;
        using Anthropic;
        using Anthropic.Models.Messages;
        using OpenAI;
        public class Escalation
        {
            public async Task Escalate(OpenAIClient openAi, AnthropicClient claude, string ticket)
            {
                var support = openAi.GetChatClient({|#1:"{{Support}}"|});
                var draft = (await support.CompleteChatAsync(ticket)).Value.Content[0].Text;
                await claude.Messages.Create({|#0:new MessageCreateParams { Model = "claude-sonnet-4-5", MaxTokens = 500, Messages = [new UserMessageParam("Review: " + draft)] }|});
            }
        }
        """, Registry, AboveInference(0, "'IMessageService.Create'", "anthropic", "Internal (project policy)").WithLocation(1));

    [Fact]
    public Task AnswerOfTunedModel_ThroughAFieldHeldClient_FTP0003() => Answers.VerifyAsync($$"""
        using System.Threading.Tasks;
        using Anthropic;
        using Anthropic.Models.Messages;
        using OpenAI;
        using OpenAI.Chat;
        public sealed class SupportDesk(AnthropicClient claude)
        {
            private const string SupportModel = "{{Support}}";
            private readonly ChatClient _support = {|#2:new OpenAIClient("key").GetChatClient({|#1:SupportModel|})|};

            public async Task<string> Draft(string ticket) => (await _support.CompleteChatAsync(ticket)).Value.Content[0].Text;

            public async Task Escalate(string ticket)
            {
                var draft = await Draft(ticket);
                await claude.Messages.Create({|#0:new MessageCreateParams { Model = "claude-sonnet-4-5", MaxTokens = 500, Messages = [new UserMessageParam(draft)] }|});
            }
        }
        """, Registry, Answers.Diagnostic(Descriptors.FTP0003_DataAboveInferenceCeiling).WithLocation(0)
            .WithArguments(
                Answer + " (client held in 'SupportDesk._support')", "Confidential, Personal", "'IMessageService.Create'", "inference", "anthropic",
                "Internal (project policy)")
            .WithLocation(1).WithLocation(2));

    [Fact]
    public Task AnswerOfTunedModel_ThroughAConstructorAndAsIChatClient_IntoAnEmbedding_FTP0003() => Answers.VerifyAsync($$"""
        using System;
        using System.ClientModel;
        using System.Threading.Tasks;
        using Azure.AI.OpenAI;
        using Microsoft.Extensions.AI;
        using OpenAI;
        using OpenAI.Chat;
        public sealed class Summaries
        {
            private readonly IChatClient _chat;
            public Summaries(ChatClient chat) => {|#2:_chat = chat.AsIChatClient()|};

            public async Task Index(string ticket)
            {
                var summary = (await _chat.GetResponseAsync("Summarise: " + ticket)).Text;
                var azure = new AzureOpenAIClient(new Uri("https://contoso.openai.azure.com/"), new ApiKeyCredential("k"));
                azure.GetEmbeddingClient("embed").GenerateEmbedding({|#0:summary|});
            }
        }
        public static class Wiring
        {
            public static Summaries Make(OpenAIClient openAi) => new Summaries(openAi.GetChatClient({|#1:"{{Support}}"|}));
        }
        """, Registry, Answers.Diagnostic(Descriptors.FTP0003_DataAboveInferenceCeiling).WithLocation(0)
            .WithArguments(
                Answer + " (client held in 'Summaries._chat')", "Confidential, Personal", "'EmbeddingClient.GenerateEmbedding'", "embedding", "azure-openai",
                "Internal (project policy)")
            .WithLocation(1).WithLocation(2));

    [Fact]
    public Task AnswerOfTunedModel_IntoATrainingSet_FTP0002() => Answers.VerifyAsync($$"""
        using System;
        using OpenAI.Chat;
        using OpenAI.Files;
        public class Distillation
        {
            public void Export(OpenAIFileClient files, string key, string question)
            {
                var teacher = new ChatClient({|#1:"{{Support}}"|}, key);
                var answer = teacher.CompleteChat(question).Value.Content[0].Text;
                files.UploadFile({|#0:BinaryData.FromString(answer)|}, "train.jsonl", FileUploadPurpose.FineTune);
            }
        }
        """, Registry, Answers.Diagnostic(Descriptors.FTP0002_DataAboveFineTuningCeiling).WithLocation(0)
            .WithArguments(Answer, "Confidential, Personal", "'OpenAIFileClient.UploadFile'", "fine-tuning", "openai", "Internal (project policy)")
            .WithLocation(1));

    [Fact]
    public Task AnswerOfTunedModel_ChosenByChatOptions_FTP0003() => Answers.VerifyAsync($$"""
        using System.Threading.Tasks;
        using Anthropic;
        using Anthropic.Models.Messages;
        using Microsoft.Extensions.AI;
        public class Router
        {
            public async Task Route(IChatClient chat, AnthropicClient claude, string question)
            {
                var options = new ChatOptions { ModelId = {|#1:"{{Support}}"|} };
                var draft = (await chat.GetResponseAsync(question, options)).Text;
                await claude.Messages.Create({|#0:new MessageCreateParams { Model = "claude-sonnet-4-5", MaxTokens = 500, Messages = [new UserMessageParam(draft)] }|});
            }
        }
        """, Registry, AboveInference(0, "'IMessageService.Create'", "anthropic", "Internal (project policy)").WithLocation(1));

    [Fact]
    public Task AnswerOfTunedModel_ChosenBySemanticKernelRegistration_FTP0003() => Answers.VerifyAsync($$"""
        using System.Threading.Tasks;
        using Anthropic;
        using Anthropic.Models.Messages;
        using Microsoft.SemanticKernel;
        using Microsoft.SemanticKernel.ChatCompletion;
        public class Router
        {
            public async Task Route(AnthropicClient claude, string question)
            {
                var builder = Kernel.CreateBuilder();
                builder.AddOpenAIChatCompletion(modelId: {|#1:"{{Support}}"|}, apiKey: "key");
                var kernel = builder.Build();
                var draft = (await kernel.GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(question)).Content;
                await claude.Messages.Create({|#0:new MessageCreateParams { Model = "claude-sonnet-4-5", MaxTokens = 500, Messages = [new UserMessageParam(draft!)] }|});
            }
        }
        """, Registry, AboveInference(0, "'IMessageService.Create'", "anthropic", "Internal (project policy)").WithLocation(1));

    [Fact]
    public Task AnswerOfTunedModel_AskedByAHelperGivenTheClient_FTP0003() => Answers.VerifyAsync($$"""
        using System.Threading.Tasks;
        using Anthropic;
        using Anthropic.Models.Messages;
        using OpenAI;
        using OpenAI.Chat;
        public class Escalation
        {
            private static async Task<string> Ask(ChatClient client, string question) =>
                (await client.CompleteChatAsync(question)).Value.Content[0].Text;

            public async Task Escalate(OpenAIClient openAi, AnthropicClient claude, string ticket)
            {
                var draft = await Ask(openAi.GetChatClient({|#1:"{{Support}}"|}), ticket);
                var plain = await Ask(openAi.GetChatClient("gpt-4o-mini"), ticket);
                await claude.Messages.Create({|#0:new MessageCreateParams { Model = "claude-sonnet-4-5", MaxTokens = 500, Messages = [new UserMessageParam(draft)] }|});
                await claude.Messages.Create(new MessageCreateParams { Model = "claude-sonnet-4-5", MaxTokens = 500, Messages = [new UserMessageParam(plain)] });
            }
        }
        """, Registry, AboveInference(0, "'IMessageService.Create'", "anthropic", "Internal (project policy)").WithLocation(1));

    [Fact]
    public Task AnswerOfBaseModel_Unclassified_NoDiagnostic() => Answers.VerifyAsync("""
        using System.Threading.Tasks;
        using Anthropic;
        using Anthropic.Models.Messages;
        using OpenAI;
        public class Escalation
        {
            public async Task Escalate(OpenAIClient openAi, AnthropicClient claude, string ticket)
            {
                var draft = (await openAi.GetChatClient("gpt-4o-mini").CompleteChatAsync(ticket)).Value.Content[0].Text;
                var other = (await openAi.GetChatClient("contoso-support-latest").CompleteChatAsync(ticket)).Value.Content[0].Text;
                await claude.Messages.Create(new MessageCreateParams { Model = "claude-sonnet-4-5", MaxTokens = 500, Messages = [new UserMessageParam(draft + other)] });
            }
        }
        """, Registry);

    [Fact]
    public Task AnswerOfTunedModel_WithoutManifest_NothingRegistered_NoDiagnostic() => Answers.VerifyAsync($$"""
        using System.Threading.Tasks;
        using Anthropic;
        using Anthropic.Models.Messages;
        using OpenAI;
        public class Escalation
        {
            public async Task Escalate(OpenAIClient openAi, AnthropicClient claude, string ticket)
            {
                var draft = (await openAi.GetChatClient("{{Support}}").CompleteChatAsync(ticket)).Value.Content[0].Text;
                await claude.Messages.Create(new MessageCreateParams { Model = "claude-sonnet-4-5", MaxTokens = 500, Messages = [new UserMessageParam(draft)] });
            }
        }
        """);

    [Fact]
    public Task TunedModelClient_ItselfIsNotData_NoDiagnostic() => Answers.VerifyAsync($$"""
        using System.Threading.Tasks;
        using Anthropic;
        using Anthropic.Models.Messages;
        using OpenAI;
        public class Escalation
        {
            // The client, the prompt sent to it and the model's id are not answers: only what the model returns is.
            public async Task Escalate(OpenAIClient openAi, AnthropicClient claude, string ticket)
            {
                var support = openAi.GetChatClient("{{Support}}");
                await support.CompleteChatAsync(ticket + support.ToString());
                await claude.Messages.Create(new MessageCreateParams { Model = "claude-sonnet-4-5", MaxTokens = 500, Messages = [new UserMessageParam(ticket + support.Endpoint)] });
            }
        }
        """, Registry);

    [Fact]
    public Task BrokenCode_AroundATunedModel_NoCrash() => Answers.VerifyAsync($$"""
        using System.Threading.Tasks;
        using OpenAI;
        public class Broken
        {
            public async Task M(OpenAIClient openAi, string ticket)
            {
                var support = openAi.{|CS1501:GetChatClient|}("{{Support}}", ticket);
                var draft = (await support.CompleteChatAsync(ticket)).Value.{|CS1061:Contents|}[0].Text;
                var other = openAi.{|CS1061:GetChatClients|}("{{Support}}").CompleteChat(draft);
            }
        }
        """, Registry);
}
