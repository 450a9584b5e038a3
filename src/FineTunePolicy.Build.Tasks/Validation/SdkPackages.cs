using System;
using System.Collections.Generic;
using FineTunePolicy.Build.Tasks.Model;

namespace FineTunePolicy.Build.Tasks.Validation
{
    /// <summary>Which provider a NuGet package talks to: the built-in table plus the allow-list's sdkPackages.</summary>
    internal static class SdkPackages
    {
        /// <summary>Packages that talk to one provider.</summary>
        public static readonly IReadOnlyDictionary<string, string> BuiltIn = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["OpenAI"] = ProviderIds.OpenAI,
            ["Azure.AI.OpenAI"] = ProviderIds.AzureOpenAI,
            ["Anthropic"] = ProviderIds.Anthropic,
            ["OllamaSharp"] = ProviderIds.Ollama,
            ["LLamaSharp"] = ProviderIds.LLamaSharp,
            ["Azure.AI.Inference"] = ProviderIds.AzureAIInference,
            ["Betalgo.Ranul.OpenAI"] = ProviderIds.OpenAI,
            ["Microsoft.SemanticKernel.Connectors.OpenAI"] = ProviderIds.OpenAI,
            ["Microsoft.SemanticKernel.Connectors.AzureOpenAI"] = ProviderIds.AzureOpenAI,
            ["Microsoft.Extensions.AI.OpenAI"] = ProviderIds.OpenAI,
        };

        /// <summary>
        /// Provider-agnostic abstractions: referencing them says nothing about where data goes, so they need no
        /// declaration (the analyzer attributes calls through them to 'unknown').
        /// </summary>
        public static readonly ISet<string> ProviderAgnostic = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Microsoft.Extensions.AI",
            "Microsoft.Extensions.AI.Abstractions",
            "Microsoft.SemanticKernel.Core",
            "Microsoft.SemanticKernel.Abstractions",
        };

        /// <summary>The providers a package talks to, sorted; empty when the package is not an LLM SDK.</summary>
        public static List<string> ProvidersOf(string packageId, AllowList? allowList)
        {
            var providers = new SortedSet<string>(StringComparer.Ordinal);
            if (ProviderAgnostic.Contains(packageId))
            {
                return new List<string>();
            }

            if (BuiltIn.TryGetValue(packageId, out var builtIn))
            {
                providers.Add(builtIn);
            }

            if (allowList != null)
            {
                foreach (var provider in allowList.Providers)
                {
                    if (provider.SdkPackages.Exists(p => string.Equals(p, packageId, StringComparison.OrdinalIgnoreCase)))
                    {
                        providers.Add(provider.Id);
                    }
                }
            }

            return new List<string>(providers);
        }
    }
}
