using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FineTunePolicy.Analyzers.Sinks
{
    /// <summary>Where an SDK takes the name of the model (or Azure deployment) a client or a request uses.</summary>
    internal sealed class ModelParameter
    {
        public ModelParameter(string typeName, string member, string name)
        {
            TypeName = typeName;
            Member = member;
            Name = name;
        }

        /// <summary>Metadata name of the declaring type (<c>OpenAI.OpenAIClient</c>).</summary>
        public string TypeName { get; }

        /// <summary>A method, <c>.ctor</c> for a constructor, or a settable property.</summary>
        public string Member { get; }

        /// <summary>The parameter that takes the model; for a property, the property's own name.</summary>
        public string Name { get; }

        public bool IsProperty => Member == Name;

        /// <summary>The name a call of this member is written with: the method, the type for a constructor, the property.</summary>
        public string WrittenName => Member == WellKnownMemberNames.InstanceConstructorName ? TypeName.Substring(TypeName.LastIndexOf('.') + 1) : Member;
    }

    /// <summary>
    /// The model parameters of the SDKs (docs/rules/FTP0010.md), as data: one row per (type, member, parameter or property).
    /// A model id given there binds the client or the request to that model. Fine-tuning jobs are not here: they make a
    /// model, they do not use one. Every row resolves against the real SDK assemblies (ModelParameterTests).
    /// </summary>
    internal static class ModelParameters
    {
        private const string Constructor = WellKnownMemberNames.InstanceConstructorName;

        public static readonly ImmutableArray<ModelParameter> Rows = ImmutableArray.Create(
            // OpenAI 2.x: clients made for one model, from the top-level client or directly.
            Method("OpenAI.OpenAIClient", "GetChatClient", "model"),
            Method("OpenAI.OpenAIClient", "GetEmbeddingClient", "model"),
            Method("OpenAI.OpenAIClient", "GetAudioClient", "model"),
            Method("OpenAI.OpenAIClient", "GetImageClient", "model"),
            Method("OpenAI.OpenAIClient", "GetModerationClient", "model"),
            Method("OpenAI.Chat.ChatClient", Constructor, "model"),
            Method("OpenAI.Embeddings.EmbeddingClient", Constructor, "model"),
            Method("OpenAI.Audio.AudioClient", Constructor, "model"),
            Method("OpenAI.Images.ImageClient", Constructor, "model"),
            Method("OpenAI.Moderations.ModerationClient", Constructor, "model"),
            Property("OpenAI.Chat.ChatClientSettings", "Model"),
            Property("OpenAI.Embeddings.EmbeddingClientSettings", "Model"),
            Property("OpenAI.Audio.AudioClientSettings", "Model"),

            // OpenAI responses: the model is given per request.
            Method("OpenAI.Responses.ResponsesClient", "CreateResponse", "model"),
            Method("OpenAI.Responses.ResponsesClient", "CreateResponseAsync", "model"),
            Property("OpenAI.Responses.CreateResponseOptions", "Model"),
            Method("OpenAI.Responses.OpenAIResponseClient", Constructor, "model"),
            Method("OpenAI.OpenAIClient", "GetOpenAIResponseClient", "model"),

            // Azure OpenAI: the deployment name.
            Method("Azure.AI.OpenAI.AzureOpenAIClient", "GetChatClient", "deploymentName"),
            Method("Azure.AI.OpenAI.AzureOpenAIClient", "GetEmbeddingClient", "deploymentName"),
            Method("Azure.AI.OpenAI.AzureOpenAIClient", "GetAudioClient", "deploymentName"),
            Method("Azure.AI.OpenAI.AzureOpenAIClient", "GetImageClient", "deploymentName"),

            // Microsoft.Extensions.AI: a model per request, or a default model of an adapter.
            Property("Microsoft.Extensions.AI.ChatOptions", "ModelId"),
            Property("Microsoft.Extensions.AI.EmbeddingGenerationOptions", "ModelId"),
            Method("Microsoft.Extensions.AI.OpenAIClientExtensions", "AsIChatClient", "defaultModelId"),
            Method("Microsoft.Extensions.AI.OpenAIResponsesChatClient", Constructor, "defaultModelId"),
            Method("Microsoft.Extensions.AI.AnthropicClientExtensions", "AsIChatClient", "defaultModelId"),

            // Semantic Kernel connectors: the model is chosen at registration.
            Method("Microsoft.SemanticKernel.OpenAIKernelBuilderExtensions", "AddOpenAIChatCompletion", "modelId"),
            Method("Microsoft.SemanticKernel.OpenAIKernelBuilderExtensions", "AddOpenAIEmbeddingGenerator", "modelId"),
            Method("Microsoft.SemanticKernel.OpenAIKernelBuilderExtensions", "AddOpenAITextEmbeddingGeneration", "modelId"),
            Method("Microsoft.SemanticKernel.OpenAIServiceCollectionExtensions", "AddOpenAIChatCompletion", "modelId"),
            Method("Microsoft.SemanticKernel.OpenAIServiceCollectionExtensions", "AddOpenAITextEmbeddingGeneration", "modelId"),
            Method("Microsoft.SemanticKernel.OpenAIChatClientKernelBuilderExtensions", "AddOpenAIChatClient", "modelId"),
            Method("Microsoft.Extensions.DependencyInjection.OpenAIServiceCollectionExtensions", "AddOpenAIChatClient", "modelId"),
            Method("Microsoft.Extensions.DependencyInjection.OpenAIServiceCollectionExtensions", "AddOpenAIEmbeddingGenerator", "modelId"),
            Method("Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIChatCompletionService", Constructor, "modelId"),
            Method("Microsoft.SemanticKernel.Connectors.OpenAI.OpenAITextEmbeddingGenerationService", Constructor, "modelId"),
            Method("Microsoft.SemanticKernel.AzureOpenAIKernelBuilderExtensions", "AddAzureOpenAIChatCompletion", "deploymentName"),
            Method("Microsoft.SemanticKernel.AzureOpenAIKernelBuilderExtensions", "AddAzureOpenAIEmbeddingGenerator", "deploymentName"),
            Method("Microsoft.SemanticKernel.AzureOpenAIKernelBuilderExtensions", "AddAzureOpenAITextEmbeddingGeneration", "deploymentName"),
            Method("Microsoft.SemanticKernel.AzureOpenAIServiceCollectionExtensions", "AddAzureOpenAIChatCompletion", "deploymentName"),
            Method("Microsoft.SemanticKernel.Connectors.AzureOpenAI.AzureOpenAIChatCompletionService", Constructor, "deploymentName"),

            // Anthropic (official SDK): the model of each request.
            Property("Anthropic.Models.Messages.MessageCreateParams", "Model"),
            Property("Anthropic.Models.Messages.MessageCountTokensParams", "Model"),
            Property("Anthropic.Models.Beta.Messages.MessageCreateParams", "Model"));

        /// <summary>The names a use of the table is written with (methods, constructed types, properties), for the names gate.</summary>
        public static readonly ImmutableHashSet<string> WrittenNames = WrittenNamesOf(Rows);

        /// <summary>The assemblies that declare the table's types: where none is referenced, nothing can be found.</summary>
        public static readonly ImmutableArray<string> Assemblies = ImmutableArray.Create(
            "OpenAI", "Azure.AI.OpenAI", "Anthropic", "Microsoft.Extensions.AI.Abstractions", "Microsoft.Extensions.AI.OpenAI",
            "Microsoft.SemanticKernel.Connectors.OpenAI", "Microsoft.SemanticKernel.Connectors.AzureOpenAI");

        /// <summary>
        /// The operation that gives a model in <paramref name="operation"/> (a call, a construction, a property set), or null:
        /// the argument of a model parameter, or the value assigned to a model property.
        /// </summary>
        public static IOperation? ModelArgument(IOperation operation)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    return ArgumentOf(invocation.TargetMethod, invocation.Arguments);
                case IObjectCreationOperation { Constructor: { } constructor } creation:
                    return ArgumentOf(constructor, creation.Arguments);
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: var property } } assignment
                    when IsModelProperty(property):
                    return assignment.Value;
                default:
                    return null;
            }
        }

        private static IOperation? ArgumentOf(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments)
        {
            var member = method.MethodKind == MethodKind.Constructor ? Constructor : method.Name;
            if (!WrittenNames.Contains(method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : member))
            {
                return null;
            }

            var typeName = SymbolNames.FullMetadataName(method.ContainingType.OriginalDefinition);
            foreach (var row in Rows)
            {
                if (row.IsProperty || row.Member != member || row.TypeName != typeName)
                {
                    continue;
                }

                foreach (var argument in arguments)
                {
                    if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter?.Name == row.Name)
                    {
                        return argument.Value;
                    }
                }
            }

            return null;
        }

        private static bool IsModelProperty(IPropertySymbol property)
        {
            if (!WrittenNames.Contains(property.Name))
            {
                return false;
            }

            // A settings type may derive from the one the table names.
            for (var type = property.ContainingType; type is not null; type = type.BaseType)
            {
                var typeName = SymbolNames.FullMetadataName(type.OriginalDefinition);
                foreach (var row in Rows)
                {
                    if (row.IsProperty && row.Member == property.Name && row.TypeName == typeName)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static ImmutableHashSet<string> WrittenNamesOf(ImmutableArray<ModelParameter> rows)
        {
            var names = ImmutableHashSet.CreateBuilder<string>(System.StringComparer.Ordinal);
            foreach (var row in rows)
            {
                names.Add(row.WrittenName);
            }

            return names.ToImmutable();
        }

        private static ModelParameter Method(string type, string member, string parameter) => new(type, member, parameter);

        private static ModelParameter Property(string type, string property) => new(type, property, property);
    }
}
