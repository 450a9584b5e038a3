using System.Collections.Generic;
using System.Collections.Immutable;
using FineTunePolicy.Analyzers.Classification;
using Microsoft.CodeAnalysis;

namespace FineTunePolicy.Analyzers.Sinks
{
    /// <summary>
    /// The built-in sinks (DESIGN §4), as data. Matched by the metadata name of the declaring type
    /// and the method name, so that the table holds across SDK versions; which parameters carry
    /// data is decided by <see cref="SinkParameters"/>. Source: shared/research/sdk-sinks.md.
    /// </summary>
    internal static class SinkCatalog
    {
        public const string OpenAI = "openai";
        public const string AzureOpenAI = "azure-openai";
        public const string Anthropic = "anthropic";
        public const string Ollama = "ollama";
        public const string LLamaSharp = "llamasharp";
        public const string AzureAIInference = "azure-ai-inference";

        private const LlmPurpose Inference = LlmPurpose.Inference;
        private const LlmPurpose Embedding = LlmPurpose.Embedding;
        private const LlmPurpose FineTuning = LlmPurpose.FineTuning;

        /// <summary>Assemblies whose presence turns the flow engine on.</summary>
        public static readonly ImmutableArray<string> SdkAssemblies = ImmutableArray.Create(
            "OpenAI", "Azure.AI.OpenAI", "Anthropic", "Microsoft.Extensions.AI.Abstractions", "Microsoft.SemanticKernel.Abstractions",
            "OllamaSharp", "Azure.AI.Inference", "Betalgo.Ranul.OpenAI", "Betalgo.Ranul.OpenAI.Contracts", "LLamaSharp");

        /// <summary>Client types whose construction tells the provider (most derived first).</summary>
        public static readonly ImmutableArray<KeyValuePair<string, string>> ClientProviders = ImmutableArray.Create(
            new KeyValuePair<string, string>("Azure.AI.OpenAI.AzureOpenAIClient", AzureOpenAI),
            new KeyValuePair<string, string>("OpenAI.OpenAIClient", OpenAI),
            new KeyValuePair<string, string>("Anthropic.AnthropicClient", Anthropic),
            new KeyValuePair<string, string>("Anthropic.IAnthropicClient", Anthropic),
            new KeyValuePair<string, string>("OllamaSharp.OllamaApiClient", Ollama),
            new KeyValuePair<string, string>("OllamaSharp.IOllamaApiClient", Ollama),
            new KeyValuePair<string, string>("Azure.AI.Inference.ChatCompletionsClient", AzureAIInference),
            new KeyValuePair<string, string>("Azure.AI.Inference.EmbeddingsClient", AzureAIInference),
            new KeyValuePair<string, string>("Azure.AI.Inference.ImageEmbeddingsClient", AzureAIInference),
            new KeyValuePair<string, string>("Betalgo.Ranul.OpenAI.Managers.OpenAIService", OpenAI),
            new KeyValuePair<string, string>("LLama.Abstractions.ILLamaExecutor", LLamaSharp),
            new KeyValuePair<string, string>("LLama.LLamaEmbedder", LLamaSharp),
            new KeyValuePair<string, string>("LLama.ChatSession", LLamaSharp));

        /// <summary>
        /// SDK namespaces whose client types talk to one provider unless made otherwise: any type of namespace
        /// <c>OpenAI</c> (or below) whose name ends in <c>Client</c> is a client of OpenAI (an Azure-made one is found from
        /// how it was made, through <see cref="ClientProviders"/>).
        /// </summary>
        public static readonly ImmutableArray<ClientFamily> ClientFamilies = ImmutableArray.Create(
            new ClientFamily("OpenAI", "Client", OpenAI));

        /// <summary>The provider of the client family <paramref name="type"/> belongs to, or null.</summary>
        public static string? ClientFamilyOf(ITypeSymbol type)
        {
            foreach (var family in ClientFamilies)
            {
                if (type.Name.EndsWith(family.TypeNameSuffix, System.StringComparison.Ordinal) && IsInOrBelow(type.ContainingNamespace, family.Namespace))
                {
                    return family.Provider;
                }
            }

            return null;
        }

        private static bool IsInOrBelow(INamespaceSymbol? ns, string name)
        {
            for (var current = ns; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
            {
                if (current.ContainingNamespace is { IsGlobalNamespace: true } && current.Name == name)
                {
                    return true;
                }
            }

            return false;
        }

        public static readonly ImmutableArray<SinkEntry> Entries = ImmutableArray.Create(
            // OpenAI 2.x (also reached through Azure.AI.OpenAI, whose clients are OpenAI types).
            OpenAIType("OpenAI.Chat.ChatClient", Inference, "CompleteChat", "CompleteChatAsync", "CompleteChatStreaming", "CompleteChatStreamingAsync", "UpdateChatCompletion", "UpdateChatCompletionAsync"),
            OpenAIType("OpenAI.Responses.ResponsesClient", Inference, "CreateResponse", "CreateResponseAsync", "CreateResponseStreaming", "CreateResponseStreamingAsync", "CompactResponse", "CompactResponseAsync", "GetInputTokenCount", "GetInputTokenCountAsync"),
            OpenAIType("OpenAI.Responses.OpenAIResponseClient", Inference, "CreateResponse", "CreateResponseAsync", "CreateResponseStreaming", "CreateResponseStreamingAsync"),
            OpenAIType("OpenAI.Assistants.AssistantClient", Inference, "CreateAssistant", "CreateAssistantAsync", "ModifyAssistant", "ModifyAssistantAsync", "CreateThread", "CreateThreadAsync", "ModifyThread", "ModifyThreadAsync", "CreateMessage", "CreateMessageAsync", "ModifyMessage", "ModifyMessageAsync", "CreateRun", "CreateRunAsync", "CreateRunStreaming", "CreateRunStreamingAsync", "CreateThreadAndRun", "CreateThreadAndRunAsync", "CreateThreadAndRunStreaming", "CreateThreadAndRunStreamingAsync", "SubmitToolOutputsToRun", "SubmitToolOutputsToRunAsync", "SubmitToolOutputsToRunStreaming", "SubmitToolOutputsToRunStreamingAsync", "ModifyRun", "ModifyRunAsync"),
            OpenAIType("OpenAI.Audio.AudioClient", Inference, "TranscribeAudio", "TranscribeAudioAsync", "TranscribeAudioDiarized", "TranscribeAudioDiarizedAsync", "TranscribeAudioStreaming", "TranscribeAudioStreamingAsync", "TranslateAudio", "TranslateAudioAsync", "GenerateSpeech", "GenerateSpeechAsync", "GenerateSpeechStreaming", "GenerateSpeechStreamingAsync", "CreateVoiceConsent", "CreateVoiceConsentAsync", "UpdateVoiceConsent", "UpdateVoiceConsentAsync", "CreateVoice", "CreateVoiceAsync"),
            OpenAIType("OpenAI.Moderations.ModerationClient", Inference, "ClassifyText", "ClassifyTextAsync", "ClassifyInputs", "ClassifyInputsAsync"),
            OpenAIType("OpenAI.Images.ImageClient", Inference, "GenerateImage", "GenerateImageAsync", "GenerateImages", "GenerateImagesAsync", "GenerateImageEdit", "GenerateImageEditAsync", "GenerateImageEdits", "GenerateImageEditsAsync", "GenerateImageVariation", "GenerateImageVariationAsync", "GenerateImageVariations", "GenerateImageVariationsAsync", "GenerateImageEditsStreamingAsync", "GenerateImagesStreamingAsync"),
            OpenAIType("OpenAI.Realtime.RealtimeClient", Inference, "StartConversationSessionAsync", "StartTranscriptionSessionAsync", "StartSessionAsync", "CreateRealtimeClientSecretAsync"),
            OpenAIType("OpenAI.Realtime.RealtimeSessionClient", Inference, "SendInputAudioAsync", "ConfigureConversationSessionAsync", "ConfigureTranscriptionSessionAsync", "AddItemAsync", "StartResponseAsync", "SendCommandAsync"),
            OpenAIType("OpenAI.RealtimeConversation.RealtimeConversationSession", Inference, "SendInputAudio", "SendInputAudioAsync", "AddItem", "AddItemAsync", "ConfigureSession", "ConfigureSessionAsync", "StartResponse", "StartResponseAsync", "SendCommand", "SendCommandAsync"),
            OpenAIType("OpenAI.Videos.VideoClient", Inference, "CreateVideo", "CreateVideoAsync", "CreateVideoRemix", "CreateVideoRemixAsync"),
            OpenAIType("OpenAI.Graders.GraderClient", Inference, "RunGrader", "RunGraderAsync", "ValidateGrader", "ValidateGraderAsync"),
            OpenAIType("OpenAI.Decisions.DecisionsClient", Inference, "CreateDecision", "CreateDecisionAsync"),
            OpenAIType("OpenAI.Embeddings.EmbeddingClient", Embedding, "GenerateEmbedding", "GenerateEmbeddingAsync", "GenerateEmbeddings", "GenerateEmbeddingsAsync"),
            OpenAIType("OpenAI.VectorStores.VectorStoreClient", Inference, "SearchVectorStore", "SearchVectorStoreAsync", "CreateVectorStore", "CreateVectorStoreAsync", "ModifyVectorStore", "ModifyVectorStoreAsync", "AddFileToVectorStore", "AddFileToVectorStoreAsync", "UpdateVectorStoreFileAttributes", "UpdateVectorStoreFileAttributesAsync", "AddFileBatchToVectorStore", "AddFileBatchToVectorStoreAsync", "CreateBatchFileJob", "CreateBatchFileJobAsync"),
            OpenAIType("OpenAI.Files.OpenAIFileClient", Inference, "UploadFile", "UploadFileAsync", "CreateUpload", "CreateUploadAsync", "AddUploadPart", "AddUploadPartAsync", "CompleteUpload", "CompleteUploadAsync").WithPurposeParameter("purpose"),
            OpenAIType("OpenAI.FineTuning.FineTuningClient", FineTuning, "FineTune", "FineTuneAsync", "CreateFineTuningJob", "CreateFineTuningJobAsync", "CreateFineTuningCheckpointPermission", "CreateFineTuningCheckpointPermissionAsync"),
            OpenAIType("OpenAI.Batch.BatchClient", Inference, "CreateBatch", "CreateBatchAsync"),
            OpenAIType("OpenAI.Conversations.ConversationClient", Inference, "CreateConversationItems", "CreateConversationItemsAsync", "CreateConversation", "CreateConversationAsync", "UpdateConversation", "UpdateConversationAsync"),
            OpenAIType("OpenAI.Containers.ContainerClient", Inference, "CreateContainer", "CreateContainerAsync", "UploadContainerFile", "UploadContainerFileAsync"),
            OpenAIType("OpenAI.Evals.EvaluationClient", Inference, "CreateEvaluation", "CreateEvaluationAsync", "UpdateEvaluation", "UpdateEvaluationAsync", "CreateEvaluationRun", "CreateEvaluationRunAsync"),
            OpenAIType("OpenAI.Skills.SkillClient", Inference, "UploadSkill", "UploadSkillAsync", "UpdateSkill", "UpdateSkillAsync", "UploadSkillVersion", "UploadSkillVersionAsync"),

            // Anthropic (official SDK): services are reached through interfaces and their implementations.
            Fixed("Anthropic.Services.IMessageService", Anthropic, Inference, "Create", "CreateStreaming", "CountTokens"),
            Fixed("Anthropic.Services.MessageService", Anthropic, Inference, "Create", "CreateStreaming", "CountTokens"),
            Fixed("Anthropic.Services.MessageServiceExtensions", Anthropic, Inference, "Create"),
            Fixed("Anthropic.Services.IMessageServiceWithRawResponse", Anthropic, Inference, "Create", "CreateStreaming", "CountTokens"),
            Fixed("Anthropic.Services.Beta.IMessageService", Anthropic, Inference, "Create", "CreateStreaming", "CountTokens"),
            Fixed("Anthropic.Services.Beta.MessageService", Anthropic, Inference, "Create", "CreateStreaming", "CountTokens"),
            Fixed("Anthropic.Services.Beta.BetaMessageServiceExtensions", Anthropic, Inference, "Create"),
            Fixed("Anthropic.Services.Beta.IMessageServiceWithRawResponse", Anthropic, Inference, "Create", "CreateStreaming", "CountTokens"),
            Fixed("Anthropic.Helpers.Beta.BetaToolRunnerExtensions", Anthropic, Inference, "ToolRunner"),
            Fixed("Anthropic.Helpers.Beta.BetaMessageThreadExtensions", Anthropic, Inference, "Thread"),
            Fixed("Anthropic.Services.Messages.IBatchService", Anthropic, Inference, "Create"),
            Fixed("Anthropic.Services.Messages.IBatchServiceWithRawResponse", Anthropic, Inference, "Create"),
            Fixed("Anthropic.Services.Beta.Messages.IBatchService", Anthropic, Inference, "Create"),
            Fixed("Anthropic.Services.Beta.Messages.IBatchServiceWithRawResponse", Anthropic, Inference, "Create"),
            Fixed("Anthropic.Services.IFileService", Anthropic, Inference, "Upload"),
            Fixed("Anthropic.Services.IFileServiceWithRawResponse", Anthropic, Inference, "Upload"),
            Fixed("Anthropic.Services.Beta.IFileService", Anthropic, Inference, "Upload"),
            Fixed("Anthropic.Services.Beta.IFileServiceWithRawResponse", Anthropic, Inference, "Upload"),
            Fixed("Anthropic.Services.ISkillService", Anthropic, Inference, "Create"),
            Fixed("Anthropic.Services.Beta.ISkillService", Anthropic, Inference, "Create"),
            Fixed("Anthropic.Services.Beta.Sessions.IEventService", Anthropic, Inference, "Send"),
            Fixed("Anthropic.Services.Beta.ISessionService", Anthropic, Inference, "Create", "Update"),
            Fixed("Anthropic.Services.Beta.IAgentService", Anthropic, Inference, "Create", "Update"),
            Fixed("Anthropic.Services.Beta.MemoryStores.IMemoryService", Anthropic, Inference, "Create", "Update"),
            Fixed("Anthropic.Services.Beta.Sessions.IResourceService", Anthropic, Inference, "Update", "Add"),
            Fixed("Anthropic.IAnthropicClientWithRawResponse", Anthropic, Inference, "Execute"),

            // Microsoft.Extensions.AI: provider-agnostic abstractions and their extension methods.
            Agnostic("Microsoft.Extensions.AI.IChatClient", Inference, "GetResponseAsync", "GetStreamingResponseAsync"),
            Agnostic("Microsoft.Extensions.AI.ChatClientExtensions", Inference, "GetResponseAsync", "GetStreamingResponseAsync"),
            Agnostic("Microsoft.Extensions.AI.ChatClientStructuredOutputExtensions", Inference, "GetResponseAsync"),
            Agnostic("Microsoft.Extensions.AI.DelegatingChatClient", Inference, "GetResponseAsync", "GetStreamingResponseAsync"),
            Agnostic("Microsoft.Extensions.AI.IEmbeddingGenerator`2", Embedding, "GenerateAsync"),
            Agnostic("Microsoft.Extensions.AI.DelegatingEmbeddingGenerator`2", Embedding, "GenerateAsync"),
            Agnostic("Microsoft.Extensions.AI.EmbeddingGeneratorExtensions", Embedding, "GenerateVectorAsync", "GenerateAsync", "GenerateAndZipAsync", "GenerateEmbeddingAsync", "GenerateEmbeddingVectorAsync"),
            Agnostic("Microsoft.Extensions.AI.ISpeechToTextClient", Inference, "GetTextAsync", "GetStreamingTextAsync"),
            Agnostic("Microsoft.Extensions.AI.SpeechToTextClientExtensions", Inference, "GetTextAsync", "GetStreamingTextAsync"),
            Agnostic("Microsoft.Extensions.AI.ITextToSpeechClient", Inference, "GetAudioAsync", "GetStreamingAudioAsync"),
            Agnostic("Microsoft.Extensions.AI.IImageGenerator", Inference, "GenerateAsync"),
            Agnostic("Microsoft.Extensions.AI.ImageGeneratorExtensions", Inference, "GenerateImagesAsync", "EditImagesAsync", "EditImageAsync"),
            Agnostic("Microsoft.Extensions.AI.IRealtimeClient", Inference, "CreateSessionAsync"),
            Agnostic("Microsoft.Extensions.AI.IRealtimeClientSession", Inference, "SendAsync"),
            Agnostic("Microsoft.Extensions.AI.IHostedFileClient", Inference, "UploadAsync"),
            Agnostic("Microsoft.Extensions.AI.HostedFileClientExtensions", Inference, "UploadAsync"),

            // Semantic Kernel: the connector is chosen at registration, so calls are provider-agnostic.
            Agnostic("Microsoft.SemanticKernel.ChatCompletion.IChatCompletionService", Inference, "GetChatMessageContentsAsync", "GetStreamingChatMessageContentsAsync"),
            Agnostic("Microsoft.SemanticKernel.ChatCompletion.ChatCompletionServiceExtensions", Inference, "GetChatMessageContentsAsync", "GetChatMessageContentAsync", "GetStreamingChatMessageContentsAsync"),
            Agnostic("Microsoft.SemanticKernel.TextGeneration.ITextGenerationService", Inference, "GetTextContentsAsync", "GetStreamingTextContentsAsync"),
            Agnostic("Microsoft.SemanticKernel.TextGeneration.TextGenerationExtensions", Inference, "GetTextContentAsync"),
            Agnostic("Microsoft.SemanticKernel.KernelExtensions", Inference, "InvokePromptAsync", "InvokePromptStreamingAsync"),
            Agnostic("Microsoft.SemanticKernel.Kernel", Inference, "InvokeAsync", "InvokeStreamingAsync"),
            Agnostic("Microsoft.SemanticKernel.KernelFunction", Inference, "InvokeAsync", "InvokeStreamingAsync"),
            Agnostic("Microsoft.SemanticKernel.AudioToText.IAudioToTextService", Inference, "GetTextContentsAsync"),
            Agnostic("Microsoft.SemanticKernel.AudioToText.AudioToTextServiceExtensions", Inference, "GetTextContentAsync"),
            Agnostic("Microsoft.SemanticKernel.ImageToText.IImageToTextService", Inference, "GetTextContentsAsync"),
            Agnostic("Microsoft.SemanticKernel.TextToAudio.ITextToAudioService", Inference, "GetAudioContentsAsync"),
            Agnostic("Microsoft.SemanticKernel.TextToImage.ITextToImageService", Inference, "GetImageContentsAsync"),
            Agnostic("Microsoft.SemanticKernel.TextToImage.TextToImageServiceExtensions", Inference, "GenerateImageAsync"),
            Agnostic("Microsoft.SemanticKernel.Embeddings.IEmbeddingGenerationService`2", Embedding, "GenerateEmbeddingsAsync"),
            Agnostic("Microsoft.SemanticKernel.Embeddings.ITextEmbeddingGenerationService", Embedding, "GenerateEmbeddingsAsync"),
            Agnostic("Microsoft.SemanticKernel.Embeddings.EmbeddingGenerationExtensions", Embedding, "GenerateEmbeddingAsync"),
            Agnostic("Microsoft.SemanticKernel.Memory.ISemanticTextMemory", Embedding, "SaveInformationAsync", "SaveReferenceAsync", "SearchAsync"),

            // OllamaSharp.
            Fixed("OllamaSharp.IOllamaApiClient", Ollama, Inference, "ChatAsync", "GenerateAsync", "SystemOneAsync", "PushModelAsync", "CreateModelAsync"),
            Fixed("OllamaSharp.OllamaApiClient", Ollama, Inference, "ChatAsync", "GenerateAsync", "SystemOneAsync", "PushModelAsync", "CreateModelAsync"),
            Fixed("OllamaSharp.IOllamaApiClient", Ollama, Embedding, "EmbedAsync"),
            Fixed("OllamaSharp.OllamaApiClient", Ollama, Embedding, "EmbedAsync"),
            Fixed("OllamaSharp.OllamaApiClientExtensions", Ollama, Inference, "GenerateAsync", "PushBlobAsync", "PushModelAsync", "CreateModelAsync"),
            Fixed("OllamaSharp.OllamaApiClientExtensions", Ollama, Embedding, "EmbedAsync"),
            Fixed("OllamaSharp.Chat", Ollama, Inference, "SendAsync", "SendAsAsync").WithReceiverAsData(),

            // Azure.AI.Inference: the endpoint names the model host.
            Fixed("Azure.AI.Inference.ChatCompletionsClient", AzureAIInference, Inference, "Complete", "CompleteAsync", "CompleteStreaming", "CompleteStreamingAsync"),
            Fixed("Azure.AI.Inference.EmbeddingsClient", AzureAIInference, Embedding, "Embed", "EmbedAsync"),
            Fixed("Azure.AI.Inference.ImageEmbeddingsClient", AzureAIInference, Embedding, "Embed", "EmbedAsync"),

            // Betalgo.Ranul.OpenAI (community SDK, OpenAI by default).
            Fixed("Betalgo.Ranul.OpenAI.Interfaces.IChatCompletionService", OpenAI, Inference, "CreateCompletion", "CreateCompletionAsStream"),
            Fixed("Betalgo.Ranul.OpenAI.Interfaces.IChatCompletionServiceExtension", OpenAI, Inference, "Create"),
            Fixed("Betalgo.Ranul.OpenAI.Interfaces.ICompletionService", OpenAI, Inference, "CreateCompletion", "CreateCompletionAsStream"),
            Fixed("Betalgo.Ranul.OpenAI.Interfaces.ICompletionServiceExtension", OpenAI, Inference, "Create"),
            Fixed("Betalgo.Ranul.OpenAI.Interfaces.IEditService", OpenAI, Inference, "CreateEdit"),
            Fixed("Betalgo.Ranul.OpenAI.Interfaces.IEditServiceExtension", OpenAI, Inference, "Edit"),
            Fixed("Betalgo.Ranul.OpenAI.Interfaces.IModerationService", OpenAI, Inference, "CreateModeration"),
            Fixed("Betalgo.Ranul.OpenAI.Interfaces.IModerationServiceExtension", OpenAI, Inference, "CreateModeration"),
            Fixed("Betalgo.Ranul.OpenAI.Interfaces.IAudioService", OpenAI, Inference, "CreateTranscription", "CreateTranslation", "CreateSpeech"),
            Fixed("Betalgo.Ranul.OpenAI.Interfaces.IImageService", OpenAI, Inference, "CreateImage", "CreateImageEdit", "CreateImageVariation"),
            Fixed("Betalgo.Ranul.OpenAI.Interfaces.IAssistantService", OpenAI, Inference, "AssistantCreate", "AssistantModify"),
            Fixed("Betalgo.Ranul.OpenAI.Interfaces.IThreadService", OpenAI, Inference, "ThreadCreate", "ModifyThread"),
            Fixed("Betalgo.Ranul.OpenAI.Interfaces.IMessageService", OpenAI, Inference, "CreateMessage", "ModifyMessage"),
            Fixed("Betalgo.Ranul.OpenAI.Interfaces.IRunService", OpenAI, Inference, "RunCreate", "RunCreateAsStream", "RunSubmitToolOutputs", "RunSubmitToolOutputsAsStream", "RunModify", "CreateThreadAndRun", "CreateThreadAndRunAsStream"),
            Fixed("Betalgo.Ranul.OpenAI.Interfaces.IEmbeddingService", OpenAI, Embedding, "CreateEmbedding"),
            Fixed("Betalgo.Ranul.OpenAI.Interfaces.IFileService", OpenAI, Inference, "UploadFile").WithPurposeParameter("purpose"),
            Fixed("Betalgo.Ranul.OpenAI.Interfaces.IFileServiceExtension", OpenAI, Inference, "FileUpload").WithPurposeParameter("purpose"),
            Fixed("Betalgo.Ranul.OpenAI.Interfaces.IFineTuningJobService", OpenAI, FineTuning, "CreateFineTuningJob"),
            Fixed("Betalgo.Ranul.OpenAI.Interfaces.IFineTuneService", OpenAI, FineTuning, "CreateFineTune"),
            Fixed("Betalgo.Ranul.OpenAI.Interfaces.IBatchService", OpenAI, Inference, "BatchCreate"),
            Fixed("Betalgo.Ranul.OpenAI.Interfaces.IVectorStores", OpenAI, Inference, "CreateVectorStore", "ModifyVectorStore"),
            Fixed("Betalgo.Ranul.OpenAI.Interfaces.IVectorStoreFiles", OpenAI, Inference, "CreateVectorStoreFile", "CreateVectorStoreFileBatch"),
            Fixed("Betalgo.Ranul.OpenAI.Managers.OpenAIService", OpenAI, Inference, "CreateCompletion", "CreateCompletionAsStream", "CreateModeration", "CreateEdit"),
            Fixed("Betalgo.Ranul.OpenAI.Managers.OpenAIService", OpenAI, Embedding, "CreateEmbedding"),

            // LLamaSharp: in-process inference; whether it counts as internally hosted is the policy's word.
            Fixed("LLama.Abstractions.ILLamaExecutor", LLamaSharp, Inference, "InferAsync"),
            Fixed("LLama.StatefulExecutorBase", LLamaSharp, Inference, "InferAsync", "PrefillPromptAsync"),
            Fixed("LLama.StatelessExecutor", LLamaSharp, Inference, "InferAsync"),
            Fixed("LLama.ChatSession", LLamaSharp, Inference, "AddAndProcessMessage", "AddAndProcessSystemMessage", "AddAndProcessUserMessage", "AddAndProcessAssistantMessage", "ChatAsync", "RegenerateAssistantMessageAsync").WithReceiverAsData(),
            Fixed("LLama.LLamaEmbedder", LLamaSharp, Embedding, "GetEmbeddings"),
            Fixed("LLama.LLamaReranker", LLamaSharp, Inference, "GetRelevanceScores", "GetRelevanceScoreWithTokenCount"));

        private static SinkEntry OpenAIType(string type, LlmPurpose purpose, params string[] methods) =>
            new(type, ImmutableArray.Create(methods), purpose, OpenAI, ProviderRule.OpenAIClient);

        private static SinkEntry Fixed(string type, string provider, LlmPurpose purpose, params string[] methods) =>
            new(type, ImmutableArray.Create(methods), purpose, provider, ProviderRule.Fixed);

        private static SinkEntry Agnostic(string type, LlmPurpose purpose, params string[] methods) =>
            new(type, ImmutableArray.Create(methods), purpose, ProviderIds.Unknown, ProviderRule.Agnostic);
    }
}
