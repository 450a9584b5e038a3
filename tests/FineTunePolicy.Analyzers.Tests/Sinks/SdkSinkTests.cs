using Verify = FineTunePolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<FineTunePolicy.Analyzers.ClassifiedDataFlowAnalyzer>;
using static FineTunePolicy.Analyzers.Tests.Verifiers.Scenario;

namespace FineTunePolicy.Analyzers.Tests.Sinks;

/// <summary>The main chat, embedding and fine-tuning entry points of every supported SDK, against the real assemblies.</summary>
public class SdkSinkTests
{
    private static Task ExpectAsync(string usings, string body, string sink, string purpose, string provider, string policy = null!)
    {
        var source = Code(usings, body);
        return Verify.VerifyAsync(source, policy, Verify.Diagnostic(Descriptors.FTP0001_RestrictedDataReachesLlm)
            .WithLocation(0)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("'Customer.Ssn'", "Restricted, Personal", "'" + sink + "'", purpose, provider, Ceiling(purpose)));
    }

    private static string Ceiling(string purpose) => (purpose == "fine-tuning" ? "Public" : "Internal") + " (default policy, no manifest)";

    [Fact]
    public Task OpenAIChat() => ExpectAsync("using OpenAI.Chat;", """
        public class C { public async Task M(ChatClient chat, Customer c) => await chat.CompleteChatAsync({|#0:new ChatMessage[] { new UserChatMessage(c.Ssn) }|}); }
        """, "ChatClient.CompleteChatAsync", "inference", "openai");

    [Fact]
    public Task OpenAIChatStreaming() => ExpectAsync("using OpenAI.Chat;", """
        public class C { public void M(ChatClient chat, Customer c) { foreach (var u in chat.CompleteChatStreaming({|#0:c.Ssn|})) { } } }
        """, "ChatClient.CompleteChatStreaming", "inference", "openai");

    [Fact]
    public Task OpenAIResponses() => ExpectAsync("using OpenAI.Responses;", """
        public class C { public async Task M(ResponsesClient responses, Customer c) => await responses.CreateResponseAsync("gpt-4.1", {|#0:c.Ssn|}); }
        """, "ResponsesClient.CreateResponseAsync", "inference", "openai");

    [Fact]
    public Task OpenAIEmbedding() => ExpectAsync("using OpenAI.Embeddings;", """
        public class C { public void M(EmbeddingClient embeddings, Customer c) => embeddings.GenerateEmbedding({|#0:c.Ssn|}); }
        """, "EmbeddingClient.GenerateEmbedding", "embedding", "openai");

    [Fact]
    public Task OpenAIFineTuneUpload() => ExpectAsync("using OpenAI.Files;", """
        public class C { public void M(OpenAIFileClient files, Customer c) => files.UploadFile({|#0:BinaryData.FromString(c.Ssn)|}, "train.jsonl", FileUploadPurpose.FineTune); }
        """, "OpenAIFileClient.UploadFile", "fine-tuning", "openai");

    [Fact]
    public Task OpenAIFineTuneUploadWithStringPurpose() => ExpectAsync("using OpenAI.Files;", """
        public class C { public void M(OpenAIFileClient files, Customer c) => files.UploadFile({|#0:BinaryData.FromString(c.Ssn)|}, "train.jsonl", "fine-tune"); }
        """, "OpenAIFileClient.UploadFile", "fine-tuning", "openai");

    [Fact]
    public Task OpenAIAssistantsUploadIsInference() => ExpectAsync("using OpenAI.Files;", """
        public class C { public void M(OpenAIFileClient files, Customer c) => files.UploadFile({|#0:BinaryData.FromString(c.Ssn)|}, "kb.txt", FileUploadPurpose.Assistants); }
        """, "OpenAIFileClient.UploadFile", "inference", "openai");

    [Fact]
    public Task OpenAIModeration() => ExpectAsync("using OpenAI.Moderations;", """
        public class C { public void M(ModerationClient moderation, Customer c) => moderation.ClassifyText({|#0:c.Ssn|}); }
        """, "ModerationClient.ClassifyText", "inference", "openai");

    [Fact]
    public Task AzureOpenAIClientAttribution() => ExpectAsync("using Azure.AI.OpenAI; using OpenAI.Chat; using System.ClientModel;", """
        public class C
        {
            public void M(Customer c)
            {
                var azure = new AzureOpenAIClient(new Uri("https://contoso.openai.azure.com/"), new ApiKeyCredential("key"));
                ChatClient chat = azure.GetChatClient("gpt-4o");
                chat.CompleteChat({|#0:c.Ssn|});
            }
        }
        """, "ChatClient.CompleteChat", "inference", "azure-openai");

    [Fact]
    public Task AnthropicMessages() => ExpectAsync("using Anthropic; using Anthropic.Models.Messages;", """
        public class C
        {
            public async Task M(AnthropicClient client, Customer c)
            {
                await client.Messages.Create({|#0:new MessageCreateParams { Model = "claude-sonnet-4-5", MaxTokens = 100, Messages = [new UserMessageParam(c.Ssn)] }|});
            }
        }
        """, "IMessageService.Create", "inference", "anthropic");

    [Fact]
    public Task MicrosoftExtensionsAIChatIsUnknownProvider() => ExpectAsync("using Microsoft.Extensions.AI;", """
        public class C { public async Task M(IChatClient client, Customer c) => await client.GetResponseAsync({|#0:"Check " + c.Ssn|}); }
        """, "ChatClientExtensions.GetResponseAsync", "inference", "unknown");

    [Fact]
    public Task MicrosoftExtensionsAIMessages() => ExpectAsync("using Microsoft.Extensions.AI;", """
        public class C
        {
            public async Task M(IChatClient client, Customer c) =>
                await client.GetResponseAsync({|#0:new List<ChatMessage> { new(ChatRole.User, c.Ssn) }|});
        }
        """, "IChatClient.GetResponseAsync", "inference", "unknown");

    [Fact]
    public Task MicrosoftExtensionsAIEmbedding() => ExpectAsync("using Microsoft.Extensions.AI;", """
        public class C { public async Task M(IEmbeddingGenerator<string, Embedding<float>> generator, Customer c) => await generator.GenerateAsync({|#0:new[] { c.Ssn }|}); }
        """, "IEmbeddingGenerator.GenerateAsync", "embedding", "unknown");

    [Fact]
    public Task OpenAIClientAdaptedToIChatClient_KeepsProvider() => ExpectAsync("using Microsoft.Extensions.AI; using OpenAI.Chat;", """
        public class C { public async Task M(ChatClient chat, Customer c) => await chat.AsIChatClient().GetResponseAsync({|#0:c.Ssn|}); }
        """, "ChatClientExtensions.GetResponseAsync", "inference", "openai");

    [Fact]
    public Task SemanticKernelChatHistory() => ExpectAsync("using Microsoft.SemanticKernel; using Microsoft.SemanticKernel.ChatCompletion;", """
        public class C
        {
            public async Task M(IChatCompletionService chat, Customer c)
            {
                var history = new ChatHistory("You are helpful.");
                history.AddUserMessage(c.Ssn);
                await chat.GetChatMessageContentsAsync({|#0:history|});
            }
        }
        """, "IChatCompletionService.GetChatMessageContentsAsync", "inference", "unknown");

    [Fact]
    public Task SemanticKernelInvokePrompt() => ExpectAsync("using Microsoft.SemanticKernel;", """
        public class C { public async Task M(Kernel kernel, Customer c) => await kernel.InvokePromptAsync({|#0:$"Summarise {c.Ssn}"|}); }
        """, "KernelExtensions.InvokePromptAsync", "inference", "unknown");

    [Fact]
    public Task OllamaChat() => ExpectAsync("using OllamaSharp; using OllamaSharp.Models.Chat;", """
        public class C
        {
            public async Task M(OllamaApiClient ollama, Customer c)
            {
                var request = new ChatRequest { Model = "llama3.2", Messages = new List<Message> { new Message(ChatRole.User, c.Ssn) } };
                await foreach (var _ in ollama.ChatAsync({|#0:request|})) { }
            }
        }
        """, "OllamaApiClient.ChatAsync", "inference", "ollama");

    [Fact]
    public Task OllamaEmbedding() => ExpectAsync("using OllamaSharp;", """
        public class C { public async Task M(IOllamaApiClient ollama, Customer c) => await ollama.EmbedAsync({|#0:c.Ssn|}); }
        """, "OllamaApiClientExtensions.EmbedAsync", "embedding", "ollama");

    [Fact]
    public Task AzureAIInferenceChat() => ExpectAsync("using Azure.AI.Inference;", """
        public class C
        {
            public async Task M(ChatCompletionsClient client, Customer c) =>
                await client.CompleteAsync({|#0:new ChatCompletionsOptions(new ChatRequestMessage[] { new ChatRequestUserMessage(c.Ssn) })|});
        }
        """, "ChatCompletionsClient.CompleteAsync", "inference", "azure-ai-inference");

    [Fact]
    public Task BetalgoChat() => ExpectAsync("using Betalgo.Ranul.OpenAI.Managers; using Betalgo.Ranul.OpenAI.ObjectModels.RequestModels;", """
        public class C
        {
            public async Task M(OpenAIService service, Customer c) =>
                await service.ChatCompletion.CreateCompletion({|#0:new ChatCompletionCreateRequest { Messages = new List<ChatMessage> { ChatMessage.FromUser(c.Ssn) } }|});
        }
        """, "IChatCompletionService.CreateCompletion", "inference", "openai");

    [Fact]
    public Task BetalgoFineTuneUpload() => ExpectAsync("using Betalgo.Ranul.OpenAI.Managers; using Betalgo.Ranul.OpenAI.ObjectModels;", """
        public class C
        {
            public async Task M(OpenAIService service, Customer c) =>
                await service.Files.UploadFile(UploadFilePurposes.FineTune, {|#0:System.Text.Encoding.UTF8.GetBytes(c.Ssn)|}, "train.jsonl");
        }
        """, "IFileService.UploadFile", "fine-tuning", "openai");

    [Fact]
    public Task LLamaSharpLocalInference() => ExpectAsync("using LLama; using LLama.Common;", """
        public class C
        {
            public async Task M(InteractiveExecutor executor, Customer c)
            {
                await foreach (var _ in executor.InferAsync({|#0:c.Ssn|}, new InferenceParams())) { }
            }
        }
        """, "StatefulExecutorBase.InferAsync", "inference", "llamasharp");

    [Fact]
    public Task LookAlikeChatClientOfOwn_NoDiagnostic() => CleanAsync(Code("", """
        namespace Contoso.Chat
        {
            public class ChatClient { public string CompleteChat(string text) => text; }
            public class C { public void M(ChatClient chat, Customer c) => chat.CompleteChat(c.Ssn); }
        }
        """));

    [Fact]
    public Task ModelNameAndOptionsWithoutContent_AreNotSinks() => CleanAsync(Code("using OpenAI.Responses;", """
        public class C { public async Task M(ResponsesClient responses, [Restricted] string model) => await responses.CreateResponseAsync(model, "Hello"); }
        """));

    [Fact]
    public Task AnthropicSystemPromptIsData() => ExpectAsync("using Anthropic; using Anthropic.Models.Messages;", """
        public class C
        {
            public async Task M(AnthropicClient client, Customer c) =>
                await client.Messages.Create({|#0:new MessageCreateParams { Model = "claude-sonnet-4-5", MaxTokens = 100, System = "Customer SSN: " + c.Ssn, Messages = [new UserMessageParam("Hello")] }|});
        }
        """, "IMessageService.Create", "inference", "anthropic");

    [Fact]
    public Task SemanticKernelArgumentsAreData() => ExpectAsync("using Microsoft.SemanticKernel;", """
        public class C
        {
            public async Task M(Kernel kernel, Customer c)
            {
                var arguments = new KernelArguments { ["input"] = c.Ssn };
                await kernel.InvokePromptAsync("Summarise {{$input}}", {|#0:arguments|});
            }
        }
        """, "KernelExtensions.InvokePromptAsync", "inference", "unknown");

    [Fact]
    public Task ReceiverHoldingDataIsReportedOnTheReceiver() => ExpectAsync("using OllamaSharp;", """
        public class C
        {
            public async Task M(OllamaApiClient ollama, Customer c)
            {
                var chat = new Chat(ollama, "You assist customer " + c.Ssn);
                await foreach (var _ in {|#0:chat|}.SendAsync("Hello")) { }
            }
        }
        """, "Chat.SendAsync", "inference", "ollama");
}
