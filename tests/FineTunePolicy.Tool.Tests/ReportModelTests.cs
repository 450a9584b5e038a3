using System.Text.Json;
using FineTunePolicy.Tool.Report;

namespace FineTunePolicy.Tool.Tests;

public sealed class ReportModelTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 30);
    private readonly Outputs _outputs = new();

    public void Dispose() => _outputs.Dispose();

    private ReportModel Build(params string[] paths) =>
        ReportBuilder.Build(InputFinder.Find(paths.Length == 0 ? new[] { _outputs.Root } : paths), Today);

    [Fact]
    public void Findings_CarryTheFactsOfTheirMessages_AndPathsRelativeToTheProject()
    {
        _outputs.Project("Billing", findings: new[] { ("FTP0001", "error", Messages.Ftp0001, 12) });

        var finding = Assert.Single(Build().Findings);

        Assert.Equal(("FTP0001", "error", "Billing", "Program.cs", 12, 9),
            (finding.Rule, finding.Severity, finding.Project, finding.File, finding.Line, finding.Column));
        Assert.Equal(("ChatClient.CompleteChatAsync", "inference", "openai", "Restricted", "Confidential"),
            (finding.Sink, finding.Purpose, finding.Provider, finding.Class, finding.Ceiling));
        Assert.Equal(new[] { "Personal" }, finding.Categories);
        Assert.Equal(new[] { "Customer.Ssn" }, finding.Sources);
        Assert.Equal(new SourceLocation("Customer.cs", 7), Assert.Single(finding.SourceLocations));
    }

    [Fact]
    public void ProviderNotAllowed_IsReadWithoutAClass_AndCeilingFindingsWithTheirCeiling()
    {
        _outputs.Project("Api", findings: new[] { ("FTP0004", "error", Messages.Ftp0004, 3), ("FTP0003", "warning", Messages.Ftp0003, 4) });

        var findings = Build().Findings;

        var ollama = findings.Single(f => f.Rule == "FTP0004");
        Assert.Equal(("ollama", "inference", null, "OllamaApiClientExtensions.GenerateAsync"), (ollama.Provider, ollama.Purpose, ollama.Class, ollama.Sink));
        var embedding = findings.Single(f => f.Rule == "FTP0003");
        Assert.Equal(("unknown", "embedding", "Confidential", "Internal"), (embedding.Provider, embedding.Purpose, embedding.Class, embedding.Ceiling));
    }

    [Fact]
    public void Summary_CountsProjectsProvidersPurposesAndFindingsByRuleAndSeverity()
    {
        _outputs.Project("A", "openai", findings: new[] { ("FTP0001", "error", Messages.Ftp0001, 1), ("FTP0003", "warning", Messages.Ftp0003, 2) });
        _outputs.Project("B", "anthropic", findings: new[] { ("FTP0001", "error", Messages.Ftp0001, 5) });

        var summary = Build().Summary;

        Assert.Equal(2, summary.Projects);
        Assert.Equal(new[] { "anthropic", "openai", "unknown" }, summary.Providers);
        Assert.Equal(new[] { "embedding", "inference" }, summary.Purposes);
        Assert.Equal(3, summary.Findings);
        Assert.Equal(new Dictionary<string, int> { ["FTP0001"] = 2, ["FTP0003"] = 1 }, summary.FindingsByRule);
        Assert.Equal(new Dictionary<string, int> { ["error"] = 2, ["warning"] = 1 }, summary.FindingsBySeverity);
    }

    [Fact]
    public void DueDates_CountDaysFromToday_AndMarkDueSoonAndOverdue()
    {
        _outputs.Project("A", "openai", reviewBy: "2026-12-10", expires: "2026-11-01");

        var due = Build().DueDates;

        var approval = due.Single(d => d.Kind == "approval");
        Assert.Equal(("APR-1", "2026-11-01", -29, "overdue"), (approval.Subject, approval.Date, approval.DaysLeft, approval.Status));
        var review = due.Single(d => d.Kind == "review");
        Assert.Equal(("openai", 10, "dueSoon"), (review.Subject, review.DaysLeft, review.Status));
        Assert.Equal(new[] { "A" }, review.Projects);
    }

    [Fact]
    public void DueDates_ListTheReviewOfEachTunedModel_OnceForEveryProjectThatDeclaresIt()
    {
        _outputs.Project("Support");
        _outputs.Project("Agents");
        foreach (var audit in Directory.GetFiles(_outputs.Root, "FineTunePolicy.audit.json", SearchOption.AllDirectories))
        {
            var record = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(audit))!;
            record["models"] = System.Text.Json.Nodes.JsonNode.Parse(
                "[{ \"id\": \"ft:gpt-4o-mini:contoso:support:9xYz\", \"provider\": \"openai\", \"trainedOn\": { \"class\": \"Confidential\" }, "
                + "\"reviewBy\": \"2026-12-20\", \"decision\": \"allowed\" }]");
            File.WriteAllText(audit, record.ToJsonString());
        }

        var review = Build().DueDates.Single(d => d.Kind == "modelReview");

        Assert.Equal(("ft:gpt-4o-mini:contoso:support:9xYz", 20, "dueSoon"), (review.Subject, review.DaysLeft, review.Status));
        Assert.Equal(new[] { "Agents", "Support" }, review.Projects);
        Assert.Equal("openai, trained on Confidential data", review.Detail);
        Assert.Equal("review of tuned model ", HtmlReport.DueKind(review.Kind, capital: false));
    }

    [Fact]
    public void Flows_LinkSourcesProjectsAndProviders_DeclaredUsesAllowed_ErrorsBlocked_WarningsFlagged()
    {
        _outputs.Project("A", "openai", findings: new[] { ("FTP0001", "error", Messages.Ftp0001, 1), ("FTP0003", "warning", Messages.Ftp0003, 2) });

        var flows = Build().Flows;

        Assert.Contains(new Flow(null, "Confidential", "A", "openai", "inference", "allowed", null), flows);
        Assert.Contains(new Flow("Customer.Ssn", "Restricted", "A", "openai", "inference", "blocked", "FTP0001"), flows);
        Assert.Contains(new Flow("SupportTicket.Body", "Confidential", "A", "unknown", "embedding", "flagged", "FTP0003"), flows);
    }

    [Fact]
    public void DiagnosticProperties_WinOverTheMessage()
    {
        var properties = new Dictionary<string, string> { ["Provider"] = "azure-openai", ["Sources"] = "Order.Card\nCustomer.Ssn",
            ["AcceptedClass"] = "Internal" };

        var facts = FindingFactsReader.Read("FTP0001", Messages.Ftp0001, properties);

        Assert.Equal(("azure-openai", "Restricted", "inference"), (facts.Provider, facts.Class, facts.Purpose));
        Assert.Equal(new[] { "Order.Card", "Customer.Ssn" }, facts.SourceNames);
    }

    [Theory]
    [InlineData("Confidential, Personal data from the answer of tuned model 'ft:gpt-4o-mini:contoso:support:9xYz' (client held in 'Suggester._tuned') "
        + "reaches 'EmbeddingGeneratorExtensions.GenerateAsync' for embedding with provider 'unknown', above the embedding ceiling Internal (project policy); "
        + "send only the members the request needs", "answer of tuned model 'ft:gpt-4o-mini:contoso:support:9xYz'")]
    [InlineData("Confidential, Personal data from 'Member.HomeAddress' (stored in 'ConciergeSession._context') reaches 'ChatClient.CompleteChatAsync' "
        + "for inference with provider 'anthropic', above the inference ceiling Internal (project policy); send only the members the request needs",
        "Member.HomeAddress")]
    public void SourcesAbove_NameTheSources_NotTheStateOrClientTheMessageAlsoQuotes(string message, string source)
    {
        var properties = new Dictionary<string, string> { ["AcceptedClass"] = "Internal", ["SourcesAbove"] = source };

        var facts = FindingFactsReader.Read("FTP0003", message, properties);

        Assert.Equal(new[] { source }, facts.SourceNames);
        Assert.Equal("Confidential", facts.Class);
    }

    [Fact]
    public void Suppressions_FromTheAuditRecord_KeepTheirJustification()
    {
        _outputs.Project("A");

        var suppression = Assert.Single(Assert.Single(Build().Projects).Suppressions);

        Assert.Equal(("FTP0001", "pragma", "suppressed", "Program.cs", 25, "PRIV-77: synthetic data"),
            (suppression.Rule, suppression.Kind, suppression.Effect, suppression.File, suppression.Line, suppression.Justification));
    }

    [Fact]
    public void TwoConfigurationsOfOneProject_GetDistinctNames()
    {
        _outputs.Project("A");
        var release = Path.Combine(_outputs.Root, "A", "obj", "Release", "net8.0");
        Directory.CreateDirectory(release);
        File.Copy(Path.Combine(_outputs.Obj("A"), "FineTunePolicy.audit.json"), Path.Combine(release, "FineTunePolicy.audit.json"));

        var names = Build().Projects.Select(p => p.Name);

        Assert.Equal(new[] { "A (Debug/net10.0)", "A (Release/net8.0)" }, names);
    }

    [Fact]
    public void Baseline_ListsNewAndResolvedFindings_ByRulePlaceAndMessage_NotByLine()
    {
        _outputs.Project("A", findings: new[] { ("FTP0001", "error", Messages.Ftp0001, 10), ("FTP0003", "warning", Messages.Ftp0003, 20) });
        var before = Build();
        _outputs.Project("A", findings: new[] { ("FTP0001", "error", Messages.Ftp0001, 14), ("FTP0004", "error", Messages.Ftp0004, 30) });
        _outputs.Project("B", "anthropic");

        var changes = ReportBuilder.Build(InputFinder.Find(new[] { _outputs.Root }), Today, ("before/report.json", before)).Changes!;

        Assert.Equal("FTP0004", Assert.Single(changes.NewFindings).Rule);
        Assert.Equal("FTP0003", Assert.Single(changes.ResolvedFindings).Rule);
        Assert.Equal(new[] { "B" }, changes.NewProjects);
        Assert.Equal(new[] { "anthropic", "ollama" }, changes.NewProviders);
        Assert.Empty(changes.RemovedProjects);
    }

    [Fact]
    public void Json_RoundTripsAsABaseline()
    {
        _outputs.Project("A", findings: new[] { ("FTP0001", "error", Messages.Ftp0001, 10) });
        var model = Build();
        var path = Path.Combine(_outputs.Root, "report.json");
        File.WriteAllText(path, ReportJson.Write(model));

        var read = ReportJson.ReadBaseline(path);

        Assert.Equal(ReportJson.Write(model), ReportJson.Write(read));
    }
}
