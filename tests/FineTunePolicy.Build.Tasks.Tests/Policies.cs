namespace FineTunePolicy.Build.Tasks.Tests;

/// <summary>A compliant allow-list and manifest that the tests start from and break one thing at a time.</summary>
public static class Policies
{
    public const string AllowList = """
        {
          "$schema": "../../docs/schemas/allow-list.schema.json",
          "schemaVersion": 1,
          "organisation": "Contoso",
          "providers": [
            {
              "id": "openai",
              "displayName": "OpenAI API",
              "contract": { "hosting": "external", "trainsOnCustomerData": false, "retentionDays": 30, "regions": ["us"], "isolatedFineTuning": true, "certifications": ["DPA", "SOC2"] },
              "ceilings": { "inference": "Confidential", "embedding": "Internal", "fineTuning": "Internal" },
              "reviewBy": "2026-12-31"
            },
            {
              "id": "azure-openai",
              "displayName": "Azure OpenAI (Contoso tenant)",
              "contract": { "hosting": "external", "trainsOnCustomerData": false, "retentionDays": 0, "regions": ["eu"], "isolatedFineTuning": true, "certifications": ["BAA", "DPA", "SOC2", "ISO27001"] },
              "ceilings": { "inference": "Confidential", "embedding": "Confidential", "fineTuning": "Confidential" },
              "sdkPackages": ["Contoso.Llm.AzureClient"],
              "reviewBy": "2026-09-30"
            },
            {
              "id": "llamasharp",
              "displayName": "LLamaSharp on Contoso GPU servers",
              "contract": { "hosting": "internal", "trainsOnCustomerData": false, "retentionDays": 0, "regions": ["eu"], "isolatedFineTuning": true },
              "ceilings": { "inference": "Restricted", "embedding": "Restricted", "fineTuning": "Restricted" },
              "reviewBy": "2027-01-31"
            },
            {
              "id": "anthropic",
              "displayName": "Anthropic API",
              "contract": { "hosting": "external", "trainsOnCustomerData": false, "retentionDays": 90, "regions": ["us"], "certifications": ["DPA"] },
              "ceilings": { "inference": "Confidential" },
              "reviewBy": "2026-12-31"
            },
            {
              "id": "contoso-gateway",
              "displayName": "Contoso LLM gateway",
              "contract": { "hosting": "internal", "trainsOnCustomerData": false, "retentionDays": 7, "regions": ["eu"], "isolatedFineTuning": true, "certifications": ["BAA", "PCI"] },
              "ceilings": { "inference": "Restricted", "fineTuning": "Confidential" },
              "reviewBy": "2027-01-31"
            }
          ],
          "requirements": {
            "classes": {
              "Confidential": { "trainsOnCustomerData": false, "maxRetentionDays": 30 },
              "Restricted": { "hosting": "internal" }
            },
            "categories": {
              "Health": { "certifications": ["BAA"] },
              "Payment": { "certifications": ["PCI"] }
            }
          },
          "requiredApprovals": [
            { "role": "privacy-officer", "purpose": "fineTuning", "minClass": "Confidential", "reason": "fine-tuning on Confidential data needs a DPIA" }
          ],
          "sinks": [
            { "method": "Contoso.Llm.Gateway.Upload", "parameter": "data", "purpose": "fineTuning", "provider": "contoso-gateway" },
            { "method": "Contoso.Llm.Gateway.SendAsync", "purpose": "inference", "provider": "contoso-gateway" }
          ],
          "sanitizers": [
            { "method": "Contoso.Privacy.Masker.Mask", "result": "Public" },
            { "method": "Contoso.Privacy.Masker.Hash", "result": "Internal" }
          ],
          "attributes": [
            { "type": "Contoso.Compliance.PiiAttribute", "class": "Confidential", "categories": ["Personal", "Health"] },
            { "type": "Microsoft.Extensions.Compliance.Testing.PrivateDataAttribute", "class": "Restricted" }
          ]
        }
        """;

    public const string Manifest = """
        {
          "$schema": "../../docs/schemas/manifest.schema.json",
          "schemaVersion": 1,
          "allowList": "../policy/allow-list.json",
          "uses": [
            { "provider": "openai", "purpose": "inference", "maxClass": "Confidential", "categories": ["Personal"], "description": "support chat" },
            { "provider": "azure-openai", "purpose": "fineTuning", "classes": ["Internal", "Confidential"], "categories": ["Personal"] },
            { "provider": "llamasharp", "purpose": "embedding", "maxClass": "Restricted", "categories": ["Personal"] },
            { "provider": "anthropic", "purpose": "inference", "maxClass": "Internal" }
          ],
          "datasets": [
            {
              "name": "support-tickets-2025",
              "provider": "azure-openai",
              "path": "data/tickets.jsonl",
              "classes": ["Confidential"],
              "categories": ["Personal"],
              "steps": [
                { "sanitizer": "Contoso.Privacy.Masker.Hash", "description": "hash customer ids" }
              ]
            }
          ],
          "approvals": [
            {
              "id": "APR-1042",
              "who": "Jane Doe",
              "role": "privacy-officer",
              "approvedOn": "2026-01-15",
              "expires": "2026-12-31",
              "ticket": "PRIV-1042",
              "covers": [ { "provider": "azure-openai", "purpose": "fineTuning" } ]
            }
          ]
        }
        """;

    /// <summary>The 1-based line and column of the first occurrence of <paramref name="marker"/> (after <paramref name="after"/>, when given).</summary>
    public static (int Line, int Column) Position(string text, string marker, string? after = null)
    {
        var start = after == null ? 0 : text.IndexOf(after, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{after}' not found");
        var index = text.IndexOf(marker, start, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{marker}' not found");
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    /// <summary>Replaces exactly one occurrence, so that a test cannot silently change nothing.</summary>
    public static string ReplaceOnce(this string text, string oldValue, string newValue)
    {
        var index = text.IndexOf(oldValue, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{oldValue}' not found");
        Assert.True(text.IndexOf(oldValue, index + 1, StringComparison.Ordinal) < 0, $"'{oldValue}' occurs more than once");
        return text.Substring(0, index) + newValue + text.Substring(index + oldValue.Length);
    }
}
