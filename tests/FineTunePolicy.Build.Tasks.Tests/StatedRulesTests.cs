using System.Text.Json;
using System.Text.RegularExpressions;

namespace FineTunePolicy.Build.Tasks.Tests;

/// <summary>
/// What the FTP1036-FTP1041 and FTP1050 pages, policy-files.md and audit-record.md state, one test per statement:
/// where each diagnostic points, which approvals FTP1037/FTP1038 judge, what an expired required approval raises,
/// where the 30-day window starts and ends, and which ceiling each "ceiling" in the outputs is.
/// </summary>
public sealed class StatedRulesTests : IDisposable
{
    // APR-1042 (privacy-officer, required for azure-openai fine-tuning on Confidential data) expires 2026-12-31.
    private const string ApprovalExpires = "2026-12-31";

    private readonly TaskFixture _fixture = new();

    public StatedRulesTests()
    {
        _fixture.WriteManifest(Policies.Manifest);
        _fixture.WriteAllowList(Policies.AllowList);
    }

    public void Dispose() => _fixture.Dispose();

    /// <summary>The allow-list with every review two years later, so that only the approvals are judged.</summary>
    private static string AllowListReviewedLater => Regex.Replace(Policies.AllowList, "\"reviewBy\": \"2026", "\"reviewBy\": \"2028")
        .Replace("\"reviewBy\": \"2027", "\"reviewBy\": \"2028");

    [Fact]
    public void ApprovalExpiringIn30Days_Warns()
    {
        var warning = JudgeApprovalOn("2026-12-01");

        Assert.Equal(("FTP1038", false), (warning.Code, warning.IsError));
        Assert.Contains("in 30 days", warning.Message);
    }

    [Fact]
    public void ApprovalExpiringIn31Days_IsQuiet()
    {
        _fixture.WriteAllowList(AllowListReviewedLater);
        _fixture.Today = "2026-11-30";

        Assert.True(_fixture.Run());
        Assert.Empty(_fixture.Engine.Logged);
    }

    [Fact]
    public void ApprovalOnItsExpiryDay_WarnsAndPasses()
    {
        var warning = JudgeApprovalOn(ApprovalExpires);

        Assert.Equal(("FTP1038", false), (warning.Code, warning.IsError));
        Assert.Contains("today", warning.Message);
    }

    [Fact]
    public void ExpiredRequiredApproval_IsFTP1037AtItsExpires_NotFTP1036()
    {
        var error = JudgeApprovalOn("2027-01-01");

        Assert.Equal(("FTP1037", true), (error.Code, error.IsError));
    }

    [Fact]
    public void ApprovalNoRuleRequires_Expired_IsFTP1037()
    {
        // A team-lead approval of the anthropic use: no rule of requiredApprovals asks for it.
        _fixture.WriteManifest(WithExtraApproval("2026-02-28"));

        Assert.False(_fixture.Run());
        var error = Assert.Single(_fixture.Engine.Logged);
        Assert.Equal(("FTP1037", true, _fixture.ManifestPath), (error.Code, error.IsError, error.File));
        Assert.Equal(Policies.Position(WithExtraApproval("2026-02-28"), "\"2026-02-28\""), (error.Line, error.Column));
    }

    [Fact]
    public void ApprovalNoRuleRequires_ExpiringIn30Days_Warns()
    {
        _fixture.WriteManifest(WithExtraApproval("2026-03-31"));

        Assert.True(_fixture.Run());
        var warning = Assert.Single(_fixture.Engine.Logged);
        Assert.Equal(("FTP1038", false), (warning.Code, warning.IsError));
        Assert.Equal(Policies.Position(WithExtraApproval("2026-03-31"), "\"2026-03-31\""), (warning.Line, warning.Column));
    }

    [Fact]
    public void RequiredApprovalMissing_IsFTP1036AtTheUse()
    {
        var manifest = WithoutApprovals();
        _fixture.WriteManifest(manifest);

        Assert.False(_fixture.Run());
        var error = Assert.Single(_fixture.Engine.Logged);
        Assert.Equal(("FTP1036", _fixture.ManifestPath), (error.Code, error.File));
        Assert.Equal(Policies.Position(manifest, "{ \"provider\": \"azure-openai\""), (error.Line, error.Column));
    }

    [Fact]
    public void RequiredApprovalMissing_ForADataset_IsFTP1036AtTheDataset()
    {
        // Without its sanitizer the dataset stays Confidential and needs the privacy officer too.
        var manifest = WithoutApprovals().ReplaceOnce("{ \"sanitizer\": \"Contoso.Privacy.Masker.Hash\", \"description\": \"hash customer ids\" }",
            "{ \"description\": \"hash customer ids\" }");
        _fixture.WriteManifest(manifest);

        Assert.False(_fixture.Run());
        Assert.Equal(
            new[] { ("FTP1036", Policies.Position(manifest, "{ \"provider\": \"azure-openai\"")),
                ("FTP1036", Policies.Position(manifest, "{", after: "\"datasets\": [")) },
            _fixture.Engine.Logged.Select(l => (l.Code, (l.Line, l.Column))));
    }

    [Fact]
    public void ReviewDueIn30Days_WarnsAtTheReviewByInTheAllowList()
    {
        var warning = JudgeReviewOn("2026-08-31");

        Assert.Equal(("FTP1040", false), (warning.Code, warning.IsError));
        Assert.Contains("in 30 days", warning.Message);
    }

    [Fact]
    public void ReviewDueIn31Days_IsQuiet()
    {
        _fixture.Today = "2026-08-30";

        Assert.True(_fixture.Run());
        Assert.Empty(_fixture.Engine.Logged);
    }

    [Fact]
    public void ReviewOnItsDueDay_WarnsAndPasses()
    {
        var warning = JudgeReviewOn("2026-09-30");

        Assert.Equal(("FTP1040", false), (warning.Code, warning.IsError));
        Assert.Contains("is due for review by 2026-09-30, today.", warning.Message);
    }

    [Fact]
    public void ReviewOverdue_IsFTP1039AtTheReviewByInTheAllowList()
    {
        var error = JudgeReviewOn("2026-10-01");

        Assert.Equal(("FTP1039", true), (error.Code, error.IsError));
    }

    [Fact]
    public void UndeclaredSdkPackage_IsFTP1041AtTheUsesArray()
    {
        _fixture.AddPackage("OllamaSharp", "5.5.2");

        Assert.False(_fixture.Run());
        var error = Assert.Single(_fixture.Engine.Logged);
        Assert.Equal(("FTP1041", _fixture.ManifestPath), (error.Code, error.File));
        Assert.Equal(Policies.Position(Policies.Manifest, "[", after: "\"uses\":"), (error.Line, error.Column));
    }

    [Fact]
    public void TodayNotADate_IsFTP1050AtTheProjectFileWithoutAPosition()
    {
        _fixture.Today = "2026-13-01";

        Assert.False(_fixture.Run());
        var error = Assert.Single(_fixture.Engine.Logged);
        Assert.Equal(("FTP1050", _fixture.ProjectPath, 0, 0), (error.Code, error.File, error.Line, error.Column));
    }

    [Fact]
    public void UseCeiling_IsTheProviderCeiling_WhileEffectiveCeilingsAndTheGlobalConfig_HoldTheProjectCeiling()
    {
        // openai's inference ceiling is Confidential; the use declares Internal only.
        _fixture.WriteManifest(Policies.Manifest.ReplaceOnce("\"purpose\": \"inference\", \"maxClass\": \"Confidential\"", "\"purpose\": \"inference\", "
            + "\"maxClass\": \"Internal\""));

        Assert.True(_fixture.Run(), string.Join("\n", _fixture.Engine.Logged));
        using var audit = JsonDocument.Parse(_fixture.ReadAudit());
        var use = audit.RootElement.GetProperty("uses").EnumerateArray().Single(u => u.GetProperty("provider").GetString() == "openai");
        var provider = audit.RootElement.GetProperty("providers").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "openai");
        Assert.Equal("Confidential", use.GetProperty("ceiling").GetString());
        Assert.Equal("Internal", provider.GetProperty("effectiveCeilings").GetProperty("inference").GetString());
        Assert.Contains("finetune_policy.provider.openai.inference = Internal\n", _fixture.ReadGlobalConfig());
    }

    [Fact]
    public void UseCeiling_IsLoweredByRequirementsTheProviderBreaks()
    {
        // anthropic's listed inference ceiling is Confidential, but it keeps data 90 days where Confidential allows 30.
        Assert.True(_fixture.Run(), string.Join("\n", _fixture.Engine.Logged));
        using var audit = JsonDocument.Parse(_fixture.ReadAudit());
        var use = audit.RootElement.GetProperty("uses").EnumerateArray().Single(u => u.GetProperty("provider").GetString() == "anthropic");
        Assert.Equal("Internal", use.GetProperty("ceiling").GetString());
    }

    private Logged JudgeApprovalOn(string today)
    {
        _fixture.WriteAllowList(AllowListReviewedLater);
        _fixture.Today = today;
        _fixture.Run();
        var logged = Assert.Single(_fixture.Engine.Logged);
        Assert.Equal(_fixture.ManifestPath, logged.File);
        Assert.Equal(Policies.Position(Policies.Manifest, $"\"{ApprovalExpires}\""), (logged.Line, logged.Column));
        return logged;
    }

    private Logged JudgeReviewOn(string today)
    {
        // azure-openai is due for review by 2026-09-30; the approval runs to 2026-12-31.
        _fixture.Today = today;
        _fixture.Run();
        var logged = Assert.Single(_fixture.Engine.Logged);
        Assert.Equal(_fixture.AllowListPath, logged.File);
        Assert.Equal(Policies.Position(Policies.AllowList, "\"2026-09-30\""), (logged.Line, logged.Column));
        return logged;
    }

    private static string WithExtraApproval(string expires) => Policies.Manifest.ReplaceOnce(
        "\"covers\": [ { \"provider\": \"azure-openai\", \"purpose\": \"fineTuning\" } ]\n    }",
        "\"covers\": [ { \"provider\": \"azure-openai\", \"purpose\": \"fineTuning\" } ]\n    },\n" +
        $"    {{ \"id\": \"TL-7\", \"who\": \"Sam Lee\", \"role\": \"team-lead\", \"approvedOn\": \"2026-01-02\", \"expires\": \"{expires}\", \"covers\": [ {{ "
            + $"\"provider\": \"anthropic\", \"purpose\": \"inference\" }} ] }}");

    private static string WithoutApprovals()
    {
        var start = Policies.Manifest.IndexOf(",\n  \"approvals\"", StringComparison.Ordinal);
        return Policies.Manifest.Substring(0, start) + "\n}";
    }
}
