namespace FineTunePolicy.Build.Tasks.Tests;

/// <summary>
/// The compliant policies of <see cref="Policies"/> with tuned models: the allow-list gains three audiences and a registry of
/// three models, the manifest an audience, two declared models, an inference use of the Azure model's provider and an approval
/// covering that model. Tests break one thing at a time, as with <see cref="Policies"/>.
/// </summary>
public static class TunedModels
{
    /// <summary>OpenAI, trained on Internal data (openai's fine-tuning ceiling), for employees only.</summary>
    public const string SupportModel = "ft:gpt-4o-mini-2024-07-18:contoso:support-v3:9xYzAbCd";

    /// <summary>An Azure OpenAI deployment trained on Confidential data, for employees and (with a privacy officer's approval) customers.</summary>
    public const string AzureModel = "contoso-support-ft";

    /// <summary>Registered, never declared by the manifest.</summary>
    public const string FaqModel = "ft:gpt-4o-mini-2024-07-18:contoso:faq:1a2b3c4d";

    private const string Registry = """
          "audiences": [
            { "name": "employees", "maxClass": "Confidential", "description": "Contoso staff, signed in" },
            { "name": "customers", "maxClass": "Internal" },
            { "name": "public", "maxClass": "Public" }
          ],
          "models": [
            {
              "id": "ft:gpt-4o-mini-2024-07-18:contoso:support-v3:9xYzAbCd",
              "provider": "openai",
              "trainedOn": { "class": "Internal", "categories": ["Personal"] },
              "audiences": ["employees"],
              "reviewBy": "2026-12-31"
            },
            {
              "id": "contoso-support-ft",
              "provider": "azure-openai",
              "description": "support reply drafts",
              "trainedOn": { "class": "Confidential", "categories": ["Personal", "Financial"] },
              "provenance": { "project": "Contoso.Support", "dataset": "support-tickets-2025" },
              "audiences": ["employees", "customers"],
              "approvalRole": "privacy-officer",
              "reviewBy": "2027-01-31"
            },
            {
              "id": "ft:gpt-4o-mini-2024-07-18:contoso:faq:1a2b3c4d",
              "provider": "openai",
              "trainedOn": { "class": "Public" },
              "audiences": ["employees", "customers", "public"],
              "reviewBy": "2027-01-31"
            }
          ]
        """;

    private const string Declarations = """
          "audience": "employees",
          "models": [
            { "id": "ft:gpt-4o-mini-2024-07-18:contoso:support-v3:9xYzAbCd" },
            { "id": "contoso-support-ft", "description": "reply drafts for agents" }
          ]
        """;

    private const string ModelApproval = """
            {
              "id": "APR-2001",
              "who": "Jane Doe",
              "role": "privacy-officer",
              "approvedOn": "2026-02-01",
              "expires": "2026-12-31",
              "covers": [ { "model": "contoso-support-ft" } ]
            }
        """;

    public static string AllowList => WithRegistry(Policies.AllowList);

    public static string Manifest => WithDeclarations(Policies.Manifest);

    /// <summary>Adds the audiences and the model registry after the allow-list's last key.</summary>
    public static string WithRegistry(string allowList) => AppendKeys(allowList, Registry);

    /// <summary>Adds the azure-openai inference use, the model approval, the audience and the declared models.</summary>
    public static string WithDeclarations(string manifest) => AppendKeys(
        manifest
            .ReplaceOnce(
                "    { \"provider\": \"anthropic\", \"purpose\": \"inference\", \"maxClass\": \"Internal\" }\n",
                "    { \"provider\": \"anthropic\", \"purpose\": \"inference\", \"maxClass\": \"Internal\" },\n"
                    + "    { \"provider\": \"azure-openai\", \"purpose\": \"inference\", \"maxClass\": \"Confidential\" }\n")
            .ReplaceOnce("    }\n  ]\n}", "    },\n" + ModelApproval.TrimEnd('\n') + "\n  ]\n}"),
        Declarations);

    private static string AppendKeys(string json, string keys)
    {
        var end = json.TrimEnd();
        Assert.EndsWith("\n}", end);
        return end.Substring(0, end.Length - 2) + ",\n" + keys.TrimEnd('\n') + "\n}";
    }
}
