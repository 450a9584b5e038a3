using System.Text.RegularExpressions;

namespace FineTunePolicy.Contract.Tests.Handoff;

/// <summary>
/// What the task writes is what the analyzer reads: the real validation task resolves the documentation's example
/// allow-list and manifest, Roslyn parses the global config it writes, and the analyzer's reader gives back the
/// ceilings, hosting, custom sinks, sanitizers and attribute mappings the task decided.
/// </summary>
public sealed class HandoffRoundTripTests
{
    private static readonly Lazy<string> Written = new(() =>
    {
        var (allowList, manifest) = TaskRun.DocumentedExamples();
        return TaskRun.GlobalConfig(allowList, manifest);
    });

    private static HandoffView Read(string globalConfig) => AnalyzerSide.Read(globalConfig);

    [Fact]
    public void Ceilings_AreTheTaskDecisions_PerProviderAndPurpose()
    {
        var ceilings = Read(Written.Value);

        Assert.True(ceilings.FromManifest);
        Assert.Equal(Shared.DataClass.Confidential, ceilings.Ceiling("openai", Shared.LlmPurpose.Inference));
        // anthropic keeps data 90 days and Confidential requires at most 30: the task lowers its ceiling to Internal.
        Assert.Equal(Shared.DataClass.Internal, ceilings.Ceiling("anthropic", Shared.LlmPurpose.Inference));
        Assert.Equal(Shared.DataClass.Confidential, ceilings.Ceiling("azure-openai", Shared.LlmPurpose.FineTuning));
        Assert.Equal(Shared.DataClass.Restricted, ceilings.Ceiling("llamasharp", Shared.LlmPurpose.Embedding));
        // Purposes the manifest does not declare, and providers it does not use, are not allowed.
        Assert.Null(ceilings.Ceiling("openai", Shared.LlmPurpose.Embedding));
        Assert.Null(ceilings.Ceiling("contoso-gateway", Shared.LlmPurpose.Inference));
        // A provider-agnostic call gets the lowest inference ceiling granted: anthropic's.
        Assert.Equal(Shared.DataClass.Internal, ceilings.Ceiling(Shared.ProviderIds.Unknown, Shared.LlmPurpose.Inference));
    }

    [Fact]
    public void Hosting_LetsRestrictedReachOnlyTheInternalProvider()
    {
        var ceilings = Read(Written.Value);

        Assert.True(ceilings.AllowsRestricted("llamasharp", Shared.LlmPurpose.Embedding));
        Assert.False(ceilings.AllowsRestricted("openai", Shared.LlmPurpose.Inference));
        Assert.False(ceilings.AllowsRestricted("azure-openai", Shared.LlmPurpose.FineTuning));
    }

    [Fact]
    public void CustomSinks_KeepMethodParameterPurposeAndProvider()
    {
        var sinks = Read(Written.Value).Sinks;

        Assert.Equal(
            new[]
            {
                "Contoso.Llm.Gateway|SendAsync||Inference|contoso-gateway",
                "Contoso.Llm.Gateway|Upload|data|FineTuning|contoso-gateway",
            },
            sinks);
    }

    [Fact]
    public void Sanitizers_KeepTheirResultClass()
    {
        var sanitizers = Read(Written.Value).Sanitizers;

        Assert.Equal(new[] { "Contoso.Privacy.Masker.Hash=Internal", "Contoso.Privacy.Masker.Mask=Public" }, sanitizers);
    }

    [Fact]
    public void AttributeMappings_KeepClassAndCategories()
    {
        var mappings = Read(Written.Value).AttributeMappings;

        Assert.Equal(
            new[]
            {
                "Contoso.Compliance.PiiAttribute=Confidential/Personal, Health",
                "Microsoft.Extensions.Compliance.Testing.PrivateDataAttribute=Restricted/None",
            },
            mappings);
    }

    [Fact]
    public void WithoutAManifest_TheAnalyzerKeepsItsDefaults()
    {
        var written = TaskRun.GlobalConfig(allowList: null, manifest: null);
        var ceilings = Read(written);

        Assert.Contains(Shared.HandoffKeys.Mode + " = " + Shared.HandoffKeys.ModeDefault, written);
        Assert.False(ceilings.FromManifest);
        Assert.Equal(Shared.DataClass.Internal, ceilings.Ceiling("openai", Shared.LlmPurpose.Inference));
        Assert.Equal(Shared.DataClass.Public, ceilings.Ceiling("openai", Shared.LlmPurpose.FineTuning));
    }

    [Fact]
    public void EveryKeyTheTaskWrites_IsInTheDocumentedGrammar()
    {
        var patterns = Shared.HandoffKeys.Documented
            .Select(row => new Regex("^" + Regex.Escape(row[0].Trim('`')).Replace("<id>", "[a-z0-9-]+").Replace("<purpose>", "[a-z]+")
                .Replace("<n>", "[1-9][0-9]*") + "$"))
            .ToList();
        var (allowList, manifest) = TaskRun.DocumentedExamples();
        var withModels = TaskRun.GlobalConfig(WithRegistry(allowList), manifest);
        Assert.Contains(Shared.HandoffKeys.Model(1, Shared.HandoffKeys.ModelId) + " = ft:gpt-4o-mini-2024-07-18:contoso:support-v3:9xYzAbCd\n", withModels);
        Assert.Contains(Shared.HandoffKeys.Model(1, Shared.HandoffKeys.ModelDeclared) + " = false\n", withModels);
        var keys = (Written.Value + withModels).Split('\n')
            .Where(line => line.Length > 0 && line[0] != '#' && !line.StartsWith("is_global", StringComparison.Ordinal))
            .Select(line => line.Substring(0, line.IndexOf(" = ", StringComparison.Ordinal)))
            .ToList();

        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Contains(patterns, pattern => pattern.IsMatch(key)));
    }

    /// <summary>The documented allow-list with an audience and one registered model (the manifest declares none).</summary>
    private static string WithRegistry(string allowList)
    {
        var end = allowList.TrimEnd();
        return end.Substring(0, end.Length - 1).TrimEnd() + """
            ,
              "audiences": [ { "name": "employees", "maxClass": "Confidential" } ],
              "models": [
                {
                  "id": "ft:gpt-4o-mini-2024-07-18:contoso:support-v3:9xYzAbCd",
                  "provider": "openai",
                  "trainedOn": { "class": "Internal", "categories": ["Personal"] },
                  "audiences": ["employees"],
                  "reviewBy": "2099-12-31"
                }
              ]
            }
            """;
    }
}
