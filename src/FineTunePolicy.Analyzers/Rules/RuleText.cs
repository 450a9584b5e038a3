using FineTunePolicy.Analyzers.Policy;

namespace FineTunePolicy.Analyzers.Rules
{
    /// <summary>The words the rules' messages fill in (the sentences themselves are in <see cref="Descriptors"/>).</summary>
    internal static class RuleText
    {
        public static string Describe(DataClass dataClass, DataCategory categories)
        {
            return categories == DataCategory.None ? dataClass.ToString() : dataClass + ", " + categories.ToString();
        }

        public static string Describe(LlmPurpose purpose)
        {
            return purpose switch
            {
                LlmPurpose.Embedding => "embedding",
                LlmPurpose.FineTuning => "fine-tuning",
                _ => "inference",
            };
        }

        /// <summary>Where the ceilings come from.</summary>
        public static string Origin(ProviderCeilings ceilings) => ceilings.FromManifest ? "project policy" : "default policy, no manifest";

        /// <summary>The providers allowed for a purpose.</summary>
        public static string DescribeAllowed(ProviderCeilings ceilings, LlmPurpose purpose)
        {
            var names = ceilings.AllowedProviders(purpose);
            return names.Count == 0
                ? "no provider is allowed for " + Describe(purpose)
                : "allowed for " + Describe(purpose) + ": " + string.Join(", ", names);
        }
    }
}
