using System.Text.Json;

namespace FineTunePolicy.Build.Tasks.Tests;

/// <summary>
/// Tuned models (docs/policy-files.md, "Tuned models"): the handoff keys written for every registered model, the audit
/// record's models and audience, and the near misses and variants of FTP1070-FTP1078 (each code's error case, with its exact
/// message and position, is in <see cref="ErrorCases"/>).
/// </summary>
public sealed class TunedModelTests : IDisposable
{
    private readonly TaskFixture _fixture = new();

    public TunedModelTests()
    {
        _fixture.WriteAllowList(TunedModels.AllowList);
        _fixture.WriteManifest(TunedModels.Manifest);
    }

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void GlobalConfig_ListsEveryRegisteredModel_InRegistryOrder_WithWhetherTheManifestDeclaresIt()
    {
        Assert.True(_fixture.Run(), string.Join("\n", _fixture.Engine.Logged));
        Assert.Empty(_fixture.Engine.Logged);
        var config = _fixture.ReadGlobalConfig();
        var attributes = "finetune_policy.attributes = Contoso.Compliance.PiiAttribute:Confidential:Personal+Health, "
            + "Microsoft.Extensions.Compliance.Testing.PrivateDataAttribute:Restricted:None\n";
        Assert.EndsWith(
            attributes +
            "finetune_policy.model.1.id = ft:gpt-4o-mini-2024-07-18:contoso:support-v3:9xYzAbCd\n" +
            "finetune_policy.model.1.provider = openai\n" +
            "finetune_policy.model.1.class = Internal\n" +
            "finetune_policy.model.1.categories = Personal\n" +
            "finetune_policy.model.1.declared = true\n" +
            "finetune_policy.model.2.id = contoso-support-ft\n" +
            "finetune_policy.model.2.provider = azure-openai\n" +
            "finetune_policy.model.2.class = Confidential\n" +
            "finetune_policy.model.2.categories = Personal+Financial\n" +
            "finetune_policy.model.2.declared = true\n" +
            "finetune_policy.model.3.id = ft:gpt-4o-mini-2024-07-18:contoso:faq:1a2b3c4d\n" +
            "finetune_policy.model.3.provider = openai\n" +
            "finetune_policy.model.3.class = Public\n" +
            "finetune_policy.model.3.categories = None\n" +
            "finetune_policy.model.3.declared = false\n",
            config);
        Assert.Contains("finetune_policy.provider.azure-openai.inference = Confidential\n", config);
    }

    [Fact]
    public void ManifestDeclaringNoModels_HandsOverTheRegistry_AllUndeclared()
    {
        _fixture.WriteManifest(Policies.Manifest);

        Assert.True(_fixture.Run(), string.Join("\n", _fixture.Engine.Logged));
        var config = _fixture.ReadGlobalConfig();
        Assert.Equal(3, config.Split('\n').Count(l => l.EndsWith(".declared = false", StringComparison.Ordinal)));
        Assert.DoesNotContain(".declared = true", config);
        Assert.Contains("\"audience\": null,", _fixture.ReadAudit());
        Assert.Contains("\"models\": [],", _fixture.ReadAudit());
    }

    [Fact]
    public void NoManifest_WritesNoModelKeys()
    {
        File.Delete(_fixture.ManifestPath);

        Assert.True(_fixture.Run());
        Assert.DoesNotContain("finetune_policy.model.", _fixture.ReadGlobalConfig());
    }

    [Fact]
    public void AuditRecord_ListsTheDeclaredModels_AndTheProjectsAudience()
    {
        Assert.True(_fixture.Run(), string.Join("\n", _fixture.Engine.Logged));
        var audit = _fixture.ReadAudit();
        Assert.Contains(
            "  \"audience\": {\n" +
            "    \"maxClass\": \"Confidential\",\n" +
            "    \"name\": \"employees\"\n" +
            "  },\n", audit);
        Assert.Contains(
            "  \"models\": [\n" +
            "    {\n" +
            "      \"approvalRole\": null,\n" +
            "      \"audiences\": [\n" +
            "        \"employees\"\n" +
            "      ],\n" +
            "      \"decision\": \"allowed\",\n" +
            "      \"description\": null,\n" +
            "      \"id\": \"ft:gpt-4o-mini-2024-07-18:contoso:support-v3:9xYzAbCd\",\n" +
            "      \"provenance\": null,\n" +
            "      \"provider\": \"openai\",\n" +
            "      \"reviewBy\": \"2026-12-31\",\n" +
            "      \"rule\": null,\n" +
            "      \"trainedOn\": {\n" +
            "        \"categories\": [\n" +
            "          \"Personal\"\n" +
            "        ],\n" +
            "        \"class\": \"Internal\"\n" +
            "      },\n" +
            "      \"warnings\": []\n" +
            "    },\n" +
            "    {\n" +
            "      \"approvalRole\": \"privacy-officer\",\n" +
            "      \"audiences\": [\n" +
            "        \"employees\",\n" +
            "        \"customers\"\n" +
            "      ],\n" +
            "      \"decision\": \"allowed\",\n" +
            "      \"description\": \"reply drafts for agents\",\n" +
            "      \"id\": \"contoso-support-ft\",\n" +
            "      \"provenance\": {\n" +
            "        \"dataset\": \"support-tickets-2025\",\n" +
            "        \"project\": \"Contoso.Support\"\n" +
            "      },\n" +
            "      \"provider\": \"azure-openai\",\n" +
            "      \"reviewBy\": \"2027-01-31\",\n" +
            "      \"rule\": null,\n" +
            "      \"trainedOn\": {\n" +
            "        \"categories\": [\n" +
            "          \"Personal\",\n" +
            "          \"Financial\"\n" +
            "        ],\n" +
            "        \"class\": \"Confidential\"\n" +
            "      },\n" +
            "      \"warnings\": []\n" +
            "    }\n" +
            "  ],\n", audit);
        Assert.Contains("{\n          \"model\": \"contoso-support-ft\"\n        }", audit);
    }

    [Fact]
    public void TrainingClassEqualToTheAudiencesClass_NeedsNoApproval()
    {
        // Customers see up to Internal; the support model was trained on Internal data. Only the Azure model needs APR-2001.
        _fixture.WriteAllowList(AudiencesOfSupportModel("\"employees\", \"customers\""));
        _fixture.WriteManifest(TunedModels.Manifest.ReplaceOnce("\"audience\": \"employees\"", "\"audience\": \"customers\""));

        Assert.True(_fixture.Run(), string.Join("\n", _fixture.Engine.Logged));
        Assert.Empty(_fixture.Engine.Logged);
    }

    [Fact]
    public void TrainingClassAboveTheAudiencesClass_IsAllowed_WithAValidApprovalOfTheNamedRole()
    {
        _fixture.WriteAllowList(AudiencesOfSupportModel("\"employees\", \"customers\""));
        _fixture.WriteManifest(ForCustomers(withoutSupportModel: true));

        Assert.True(_fixture.Run(), string.Join("\n", _fixture.Engine.Logged));
        Assert.Empty(_fixture.Engine.Logged);
    }

    [Fact]
    public void ExpiredModelApproval_IsFTP1037AtItsExpires_NotFTP1076()
    {
        var manifest = ForCustomers(withoutSupportModel: true).ReplaceOnce("\"expires\": \"2026-12-31\",\n      \"covers\": [ { \"model\"", "\"expires\": "
            + "\"2026-02-28\",\n      \"covers\": [ { \"model\"");
        _fixture.WriteManifest(manifest);

        Assert.False(_fixture.Run());
        var error = Assert.Single(_fixture.Engine.Logged);
        Assert.Equal(("FTP1037", true, _fixture.ManifestPath), (error.Code, error.IsError, error.File));
        Assert.Equal(Policies.Position(manifest, "\"2026-02-28\""), (error.Line, error.Column));
        Assert.StartsWith("Approval 'APR-2001' (Jane Doe, privacy-officer) expired on 2026-02-28.", error.Message);
    }

    [Fact]
    public void ModelApprovalExpiringWithin30Days_Warns_AndTheModelCarriesTheWarning()
    {
        _fixture.WriteManifest(ForCustomers(withoutSupportModel: true)
            .ReplaceOnce("\"expires\": \"2026-12-31\",\n      \"covers\": [ { \"model\"", "\"expires\": \"2026-03-20\",\n      \"covers\": [ { \"model\""));

        Assert.True(_fixture.Run(), string.Join("\n", _fixture.Engine.Logged));
        var warning = Assert.Single(_fixture.Engine.Logged);
        Assert.Equal(("FTP1038", false), (warning.Code, warning.IsError));
        using var audit = JsonDocument.Parse(_fixture.ReadAudit());
        var model = audit.RootElement.GetProperty("models").EnumerateArray().Single();
        Assert.Equal(("allowed", "FTP1038"), (model.GetProperty("decision").GetString(), model.GetProperty("warnings")[0].GetString()));
    }

    [Fact]
    public void ModelApprovalOfAnotherRole_DoesNotCount_AndAnEntryWithoutApprovalRoleAllowsNoException()
    {
        var allowList = TunedModels.AllowList.ReplaceOnce("      \"approvalRole\": \"privacy-officer\",\n", string.Empty);
        _fixture.WriteAllowList(allowList);
        var manifest = ForCustomers(withoutSupportModel: true);
        _fixture.WriteManifest(manifest);

        Assert.False(_fixture.Run());
        var error = Assert.Single(_fixture.Engine.Logged);
        Assert.Equal(("FTP1076", _fixture.ManifestPath), (error.Code, error.File));
        Assert.Equal(Policies.Position(manifest, "\"contoso-support-ft\"", after: "\"models\""), (error.Line, error.Column));
        Assert.Equal(
            "The model 'contoso-support-ft' was trained on Confidential (Personal, Financial) data, and this project's audience 'customers' may "
            + "see up to Internal: its answers can repeat training data the audience may not see. Its registry entry names no approvalRole, so "
            + "no approval can make an exception. Use a model trained on data 'customers' may see, or ask the security team to name an "
            + "approvalRole for the model.",
            error.Message);
    }

    [Fact]
    public void AudienceNotAllowed_IsReportedAlone_EvenWhenTheClassIsAboveTheAudiencesToo()
    {
        // The Azure model (Confidential) does not list 'public'; FTP1075 says so, and no FTP1076 is added for the same model.
        var manifest = TunedModels.Manifest.ReplaceOnce("\"audience\": \"employees\"", "\"audience\": \"public\"");
        _fixture.WriteManifest(manifest);

        Assert.False(_fixture.Run());
        Assert.Equal(
            new[] { ("FTP1075", Policies.Position(manifest, "\"ft:gpt-4o-mini-2024-07-18:contoso:support-v3:9xYzAbCd\"")),
                ("FTP1075", Policies.Position(manifest, "\"contoso-support-ft\"", after: "\"models\"")) },
            _fixture.Engine.Logged.Select(l => (l.Code, (l.Line, l.Column))));
    }

    [Fact]
    public void ModelReviewDueWithin30Days_WarnsAtTheReviewByInTheAllowList_AndPasses()
    {
        var allowList = TunedModels.AllowList.ReplaceOnce("\"audiences\": [\"employees\"],\n      \"reviewBy\": \"2026-12-31\"", "\"audiences\": "
            + "[\"employees\"],\n      \"reviewBy\": \"2026-03-31\"");
        _fixture.WriteAllowList(allowList);

        Assert.True(_fixture.Run(), string.Join("\n", _fixture.Engine.Logged));
        var warning = Assert.Single(_fixture.Engine.Logged);
        Assert.Equal(("FTP1078", false, _fixture.AllowListPath), (warning.Code, warning.IsError, warning.File));
        Assert.Equal(Policies.Position(allowList, "\"2026-03-31\""), (warning.Line, warning.Column));
        Assert.Contains("is due for review by 2026-03-31, in 30 days.", warning.Message);
        Assert.Contains("\"FTP1078\"", _fixture.ReadAudit());
    }

    [Fact]
    public void ReviewOfAnUndeclaredModel_IsNotJudged()
    {
        _fixture.WriteAllowList(TunedModels.AllowList.ReplaceOnce("\"audiences\": [\"employees\", \"customers\", \"public\"],\n      \"reviewBy\": "
            + "\"2027-01-31\"", "\"audiences\": [\"employees\", \"customers\", \"public\"],\n      \"reviewBy\": \"2025-01-31\""));

        Assert.True(_fixture.Run(), string.Join("\n", _fixture.Engine.Logged));
        Assert.Empty(_fixture.Engine.Logged);
    }

    [Fact]
    public void ModelOfAProviderThatAllowsNoFineTuning_IsFTP1072()
    {
        var allowList = TunedModels.AllowList.ReplaceOnce("\"provider\": \"azure-openai\",\n      \"description\"", "\"provider\": \"anthropic\",\n      "
            + "\"description\"");
        _fixture.WriteAllowList(allowList);
        _fixture.WriteManifest(TunedModels.Manifest.ReplaceOnce("{ \"provider\": \"azure-openai\", \"purpose\": \"inference\"", "{ \"provider\": "
            + "\"anthropic\", \"purpose\": \"inference\""
            .Replace("anthropic", "azure-openai")));

        Assert.False(_fixture.Run());
        var error = Assert.Single(_fixture.Engine.Logged, l => l.Code == "FTP1072");
        Assert.Equal(_fixture.AllowListPath, error.File);
        Assert.Equal(Policies.Position(allowList, "\"Confidential\"", after: "contoso-support-ft"), (error.Line, error.Column));
        Assert.Contains("but the allow-list allows no fine-tuning with its provider 'anthropic' (Anthropic API).", error.Message);
    }

    [Theory]
    [InlineData("DuplicateModel", "FTP1020", "The model 'ft:gpt-4o-mini-2024-07-18:contoso:support-v3:9xYzAbCd' is registered twice in the allow-list's models "
        + "(first at line {first}).")]
    [InlineData("DuplicateAudience", "FTP1020", "The audience 'employees' is defined twice in the allow-list's audiences (first at line {first}).")]
    [InlineData("ModelOfUnknownProvider", "FTP1021", "The model 'ft:gpt-4o-mini-2024-07-18:contoso:faq:1a2b3c4d' is hosted by provider 'mistral', which is not "
        + "on the allow-list.")]
    public void RegistryInconsistencies_AreReportedInTheAllowList_UsedOrNot(string name, string code, string message)
    {
        var (allowList, marker, after) = name switch
        {
            "DuplicateModel" => (TunedModels.AllowList.ReplaceOnce("\"id\": \"ft:gpt-4o-mini-2024-07-18:contoso:faq:1a2b3c4d\"",
                "\"id\": \"ft:gpt-4o-mini-2024-07-18:contoso:support-v3:9xYzAbCd\""),
                "\"ft:gpt-4o-mini-2024-07-18:contoso:support-v3:9xYzAbCd\"", "contoso-support-ft"),
            "DuplicateAudience" => (TunedModels.AllowList.ReplaceOnce("{ \"name\": \"public\", \"maxClass\": \"Public\" }", "{ \"name\": \"public\", "
                + "\"maxClass\": \"Public\" },\n    { \"name\": \"employees\", \"maxClass\": \"Internal\" }"),
                "\"employees\"", "\"name\": \"public\""),
            _ => (TunedModels.AllowList.ReplaceOnce("\"provider\": \"openai\",\n      \"trainedOn\": { \"class\": \"Public\" }", "\"provider\": \"mistral\",\n "
                + "     \"trainedOn\": { \"class\": \"Public\" }"), "\"mistral\"", (string?)null),
        };
        _fixture.WriteAllowList(allowList);
        _fixture.WriteManifest(Policies.Manifest);

        Assert.False(_fixture.Run());
        var error = Assert.Single(_fixture.Engine.Logged);
        Assert.Equal((code, _fixture.AllowListPath), (error.Code, error.File));
        Assert.Equal(Policies.Position(allowList, marker, after), (error.Line, error.Column));
        Assert.StartsWith(message.Replace("{first}", Policies.Position(allowList, marker).Line.ToString()), error.Message);
    }

    [Theory]
    [InlineData("ModelDeclaredTwice", "FTP1022", "The model 'contoso-support-ft' is declared twice in 'models' (first at line {first}). Declare each model "
        + "once.")]
    [InlineData("CoverOfUndeclaredModel", "FTP1044", "Approval 'APR-2001' covers the model 'contoso-support-ft-v2', which the manifest does not declare in "
        + "'models' (declared: ft:gpt-4o-mini-2024-07-18:contoso:support-v3:9xYzAbCd, contoso-support-ft). Correct the id, or remove this entry from "
        + "'covers'.")]
    [InlineData("ModelIdWithSpace", "FTP1015", "'models[0].id' is 'ft:gpt 4o', which is not in the required format: a model id or deployment name: letters, "
        + "digits and ':', '.', '_', '/', '-' (no spaces, '#', ';', ',' or '='), starting with a letter or digit, for example "
        + "'ft:gpt-4o-mini-2024-07-18:contoso:support-v3:9xYzAbCd'.")]
    [InlineData("CoverMixesModelAndDataset", "FTP1017", "'approvals[1].covers[0]' mixes 'dataset' with 'model'; write { \"dataset\": \"<name>\" } for a "
        + "dataset, { \"model\": \"<id>\" } for a tuned model or { \"provider\": \"<id>\", \"purpose\": \"<purpose>\" } for a use.")]
    public void ManifestModelMistakes_AreReportedAtTheirPosition(string name, string code, string message)
    {
        var cover = "[ { \"model\": \"contoso-support-ft\" } ]";
        var (manifest, marker, after) = name switch
        {
            "ModelDeclaredTwice" => (TunedModels.Manifest.ReplaceOnce("{ \"id\": \"contoso-support-ft\", \"description\": \"reply drafts for agents\" }",
                "{ \"id\": \"contoso-support-ft\", \"description\": \"reply drafts for agents\" },\n    { \"id\": \"contoso-support-ft\" }"),
                "\"contoso-support-ft\" }", "\"models\": ["),
            "CoverOfUndeclaredModel" => (TunedModels.Manifest.ReplaceOnce(cover, "[ { \"model\": \"contoso-support-ft-v2\" } ]"), "{ \"model\"", null),
            "ModelIdWithSpace" => (TunedModels.Manifest.ReplaceOnce("{ \"id\": \"ft:gpt-4o-mini-2024-07-18:contoso:support-v3:9xYzAbCd\" }",
                "{ \"id\": \"ft:gpt 4o\" }"), "\"ft:gpt 4o\"", null),
            _ => (TunedModels.Manifest.ReplaceOnce(cover, "[ { \"model\": \"contoso-support-ft\", \"dataset\": \"support-tickets-2025\" } ]"), "{ \"model\"",
                null),
        };
        _fixture.WriteManifest(manifest);

        Assert.False(_fixture.Run());
        var error = Assert.Single(_fixture.Engine.Logged);
        Assert.Equal((code, _fixture.ManifestPath), (error.Code, error.File));
        Assert.Equal(Policies.Position(manifest, marker, after), (error.Line, error.Column));
        Assert.Equal(message.Replace("{first}", Policies.Position(manifest, "\"contoso-support-ft\"", "\"models\": [").Line.ToString()), error.Message);
    }

    private static string AudiencesOfSupportModel(string audiences) =>
        TunedModels.AllowList.ReplaceOnce("\"audiences\": [\"employees\"],", $"\"audiences\": [{audiences}],");

    /// <summary>The manifest for customers; without the support model (employees only) when asked, so that only the Azure model is judged.</summary>
    private static string ForCustomers(bool withoutSupportModel)
    {
        var manifest = TunedModels.Manifest.ReplaceOnce("\"audience\": \"employees\"", "\"audience\": \"customers\"");
        return withoutSupportModel
            ? manifest.ReplaceOnce("    { \"id\": \"ft:gpt-4o-mini-2024-07-18:contoso:support-v3:9xYzAbCd\" },\n", string.Empty)
            : manifest;
    }
}
