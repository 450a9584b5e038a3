namespace FineTunePolicy.Shared
{
    /// <summary>
    /// The provider ids the analyzer attributes SDK calls to and the task maps SDK packages to; an allow-list names
    /// its providers with the same ids.
    /// </summary>
    internal static class ProviderIds
    {
        /// <summary>A call through a provider-agnostic abstraction: it gets the lowest ceiling the policy grants any provider.</summary>
        public const string Unknown = "unknown";

        public const string OpenAI = "openai";
        public const string AzureOpenAI = "azure-openai";
        public const string Anthropic = "anthropic";
        public const string Ollama = "ollama";
        public const string LLamaSharp = "llamasharp";
        public const string AzureAIInference = "azure-ai-inference";
    }
}
