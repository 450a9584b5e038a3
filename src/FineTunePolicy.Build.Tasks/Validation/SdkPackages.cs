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
            ["OpenAI"] = "openai",
            ["Azure.AI.OpenAI"] = "azure-openai",
            ["Anthropic"] = "anthropic",
            ["OllamaSharp"] = "ollama",
            ["LLamaSharp"] = "llamasharp",
            ["Azure.AI.Inference"] = "azure-ai-inference",
            ["Betalgo.Ranul.OpenAI"] = "openai",
            ["Microsoft.SemanticKernel.Connectors.OpenAI"] = "openai",
            ["Microsoft.SemanticKernel.Connectors.AzureOpenAI"] = "azure-openai",
            ["Microsoft.Extensions.AI.OpenAI"] = "openai",
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

            if (BuiltIn.TryGetValue(packageId, out string? builtIn))
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
