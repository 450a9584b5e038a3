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

    /// <summary>The tuned support model of the registry, as the build task hands it over (declared or not).</summary>
    public const string SupportModel = "ft:gpt-4o-mini-2024-07-18:contoso:support-v3:9xYzAbCd";

    /// <summary>An Azure OpenAI deployment of a tuned model, by its deployment name.</summary>
    public const string AzureDeployment = "contoso-claims-ft";

    /// <summary>
    /// <see cref="Manifest"/> with a model registry: the support model (Confidential, Personal) and an Azure deployment
    /// (Restricted, Financial); <paramref name="declared"/> says whether the manifest declares the support model.
    /// </summary>
    public static string WithTunedModels(bool declared) => Manifest.Replace("llamasharp\n", "llamasharp, anthropic\n", StringComparison.Ordinal) + $"""

        finetune_policy.provider.anthropic.hosting = external
        finetune_policy.provider.anthropic.inference = Internal
        finetune_policy.model.1.id = {SupportModel}
        finetune_policy.model.1.provider = openai
        finetune_policy.model.1.class = Confidential
        finetune_policy.model.1.categories = Personal
        finetune_policy.model.1.declared = {(declared ? "true" : "false")}
        finetune_policy.model.2.id = {AzureDeployment}
        finetune_policy.model.2.provider = azure-openai
        finetune_policy.model.2.class = Internal
        finetune_policy.model.2.categories = Financial
        finetune_policy.model.2.declared = false
        """;
}
