using System.Collections.Immutable;
using FineTunePolicy.Analyzers.Classification;

namespace FineTunePolicy.Analyzers.Sinks
{
    /// <summary>How the provider of a sink call is found.</summary>
    internal enum ProviderRule
    {
        /// <summary>The SDK talks to one provider (Anthropic, Ollama, LLamaSharp, ...).</summary>
        Fixed,

        /// <summary>OpenAI client types: <c>azure-openai</c> when visibly made by an <c>AzureOpenAIClient</c>, else <c>openai</c>.</summary>
        OpenAIClient,

        /// <summary>A provider-agnostic abstraction: the visible origin of the client, else <c>unknown</c>.</summary>
        Agnostic,
    }

    /// <summary>One row of the sink catalogue: data-carrying methods of one SDK type.</summary>
    internal sealed class SinkEntry
    {
        public SinkEntry(string typeName, ImmutableArray<string> methods, LlmPurpose purpose, string provider, ProviderRule providerRule)
        {
            TypeName = typeName;
            Methods = methods;
            Purpose = purpose;
            Provider = provider;
            ProviderRule = providerRule;
        }

        /// <summary>Metadata name of the declaring type (<c>Microsoft.Extensions.AI.IEmbeddingGenerator`2</c>).</summary>
        public string TypeName { get; }

        public ImmutableArray<string> Methods { get; }

        public LlmPurpose Purpose { get; }

        /// <summary>The provider, or the fallback when the rule finds no visible origin.</summary>
        public string Provider { get; }

        public ProviderRule ProviderRule { get; }

        /// <summary>A parameter whose constant value selects fine-tuning (<c>FileUploadPurpose.FineTune</c>, <c>"fine-tune"</c>).</summary>
        public string? PurposeParameter { get; private set; }

        /// <summary>The receiver carries data too (a chat session that holds its history).</summary>
        public bool ReceiverIsData { get; private set; }

        public SinkEntry WithPurposeParameter(string name)
        {
            PurposeParameter = name;
            return this;
        }

        public SinkEntry WithReceiverAsData()
        {
            ReceiverIsData = true;
            return this;
        }
    }
}

namespace FineTunePolicy.Analyzers.Sinks
{
    /// <summary>Client types of one SDK namespace (and below) whose names end alike, all talking to one provider.</summary>
    internal sealed class ClientFamily
    {
        public ClientFamily(string ns, string typeNameSuffix, string provider)
        {
            Namespace = ns;
            TypeNameSuffix = typeNameSuffix;
            Provider = provider;
        }

        /// <summary>The top-level namespace (<c>OpenAI</c>); its sub-namespaces belong to the family too.</summary>
        public string Namespace { get; }

        public string TypeNameSuffix { get; }

        public string Provider { get; }
    }
}
