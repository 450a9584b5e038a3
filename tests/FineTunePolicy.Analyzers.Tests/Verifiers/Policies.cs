namespace FineTunePolicy.Analyzers.Tests.Verifiers;

/// <summary>Global configs as the build task writes them (docs/policy-files.md).</summary>
internal static class Policies
{
    public const string Header = "is_global = true\n";

    /// <summary>A manifest policy: openai for inference up to Confidential, a local model granted Restricted.</summary>
    public const string Manifest = Header + """
        finetune_policy.mode = manifest
        finetune_policy.providers = openai, azure-openai, llamasharp
        finetune_policy.provider.openai.hosting = external
        finetune_policy.provider.openai.inference = Confidential
        finetune_policy.provider.openai.finetuning = Internal
        finetune_policy.provider.azure-openai.hosting = external
        finetune_policy.provider.azure-openai.inference = Confidential
        finetune_policy.provider.azure-openai.embedding = Internal
        finetune_policy.provider.llamasharp.hosting = internal
        finetune_policy.provider.llamasharp.inference = Restricted
        """;
}
