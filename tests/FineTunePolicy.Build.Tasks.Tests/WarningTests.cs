namespace FineTunePolicy.Build.Tasks.Tests;

/// <summary>Expiry and review warnings, judged against the injected date; they pass the build unless strict.</summary>
public sealed class WarningTests : IDisposable
{
    private readonly TaskFixture _fixture = new();

    public WarningTests()
    {
        _fixture.WriteAllowList(Policies.AllowList);
    }

    public void Dispose() => _fixture.Dispose();

    [Theory]
    [InlineData("2026-12-01", "in 30 days")]
    [InlineData("2026-12-30", "in 1 day")]
    [InlineData("2026-12-31", "today")]
    public void ApprovalWithin30Days_WarnsAndPasses(string today, string when)
    {
        _fixture.WriteManifest(Policies.Manifest);
        _fixture.WriteAllowList(Policies.AllowList.ReplaceOnce("\"reviewBy\": \"2026-09-30\"", "\"reviewBy\": \"2027-09-30\"")
            .Replace("\"reviewBy\": \"2026-12-31\"", "\"reviewBy\": \"2027-12-31\""));
        _fixture.Today = today;
        Assert.True(_fixture.Run(), string.Join("\n", _fixture.Engine.Logged));
        var warning = Assert.Single(_fixture.Engine.Logged);
        Assert.False(warning.IsError);
        Assert.Equal("FTP1038", warning.Code);
        Assert.Equal(_fixture.ManifestPath, warning.File);
        Assert.Equal(Policies.Position(Policies.Manifest, "\"2026-12-31\""), (warning.Line, warning.Column));
        Assert.Equal($"Approval 'APR-1042' (Jane Doe, privacy-officer) expires on 2026-12-31, {when}. Renew it with the approver and update 'approvedOn' and "
            + $"'expires'; after 2026-12-31 the build fails.", warning.Message);
        Assert.Contains("\"status\": \"expiresSoon\"", _fixture.ReadAudit());
        Assert.Contains("\"FTP1038\"", _fixture.ReadAudit());
    }

    [Fact]
    public void ApprovalOneDayAfterExpiry_Fails()
    {
        _fixture.WriteManifest(Policies.Manifest);
        _fixture.Today = "2027-01-01";
        Assert.False(_fixture.Run());
        Assert.Contains(_fixture.Engine.Errors, e => e.Code == "FTP1037");
    }

    [Fact]
    public void Approval31DaysAhead_IsQuiet()
    {
        _fixture.WriteManifest(Policies.Manifest);
        _fixture.Today = "2026-08-30";
        Assert.True(_fixture.Run());
        Assert.Empty(_fixture.Engine.Logged);
    }

    [Fact]
    public void ReviewWithin30Days_WarnsOnTheAllowList()
    {
        _fixture.WriteManifest(Policies.Manifest);
        _fixture.Today = "2026-09-10";
        Assert.True(_fixture.Run());
        var warning = Assert.Single(_fixture.Engine.Logged);
        Assert.Equal("FTP1040", warning.Code);
        Assert.Equal(_fixture.AllowListPath, warning.File);
        Assert.Equal(Policies.Position(Policies.AllowList, "\"2026-09-30\""), (warning.Line, warning.Column));
        Assert.Equal("Provider 'azure-openai' (Azure OpenAI (Contoso tenant)) is due for review by 2026-09-30, in 20 days. Ask the security team to review its "
            + "contract and move 'reviewBy' forward in allow-list.json; after 2026-09-30, builds that use 'azure-openai' fail.", warning.Message);
    }

    [Fact]
    public void ReviewOfUnusedProvider_IsNotReported()
    {
        // contoso-gateway's review is overdue, but this project does not use it.
        _fixture.WriteManifest(Policies.Manifest);
        _fixture.WriteAllowList(Policies.AllowList.Replace("\"reviewBy\": \"2027-01-31\"\n    }\n  ],", "\"reviewBy\": \"2025-01-31\"\n    }\n  ],"));
        Assert.Contains("2025-01-31", File.ReadAllText(_fixture.AllowListPath));
        Assert.True(_fixture.Run(), string.Join("\n", _fixture.Engine.Logged));
        Assert.Empty(_fixture.Engine.Logged);
    }

    [Fact]
    public void DatasetSanitizedToPublic_DropsItsCategories()
    {
        _fixture.WriteManifest(Policies.Manifest.ReplaceOnce("\"sanitizer\": \"Contoso.Privacy.Masker.Hash\"", "\"sanitizer\": "
            + "\"Contoso.Privacy.Masker.Mask\""));
        Assert.True(_fixture.Run(), string.Join("\n", _fixture.Engine.Logged));
        var audit = _fixture.ReadAudit();
        Assert.Contains("\"class\": \"Public\"", audit);
    }

    [Fact]
    public void DescriptionOnlyStep_DoesNotLowerTheClass()
    {
        // Without the Hash sanitizer the dataset stays Confidential: still within azure-openai's ceiling, and the
        // approval covers it through the fineTuning use.
        _fixture.WriteManifest(Policies.Manifest.ReplaceOnce("{ \"sanitizer\": \"Contoso.Privacy.Masker.Hash\", \"description\": \"hash customer ids\" }",
            "{ \"description\": \"hash customer ids\" }"));
        Assert.True(_fixture.Run(), string.Join("\n", _fixture.Engine.Logged));
        Assert.Contains("\"sourceClasses\": [\n        \"Confidential\"\n      ],", _fixture.ReadAudit());
        Assert.Matches("\"class\": \"Confidential\",\\n      \"decision\": \"allowed\",\\n      \"description\": null,\\n      \"name\": "
            + "\"support-tickets-2025\"", _fixture.ReadAudit());
    }
}
