using System.Text.RegularExpressions;
using FineTunePolicy.Tool.Report;
using Json.Schema;

namespace FineTunePolicy.Tool.Tests;

/// <summary>The analyzer's inventory of LLM use (FTP0100 in the SARIF logs) in the report model and its three files.</summary>
public sealed class InventoryReportTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 30);
    private readonly Outputs _outputs = new();

    public void Dispose() => _outputs.Dispose();

    /// <summary>
    /// Billing: an FTP0001 finding at an openai call (outside the policy, reported), an anthropic call within it that only the
    /// inventory knows, an ollama call outside the policy whose rule was turned off (no finding), a declassifier and two
    /// classified declarations. Support: no inventory (an older build).
    /// </summary>
    private ReportModel Build()
    {
        _outputs.Project("Billing", findings: new[] { ("FTP0001", "error", Messages.Ftp0001, 12) });
        _outputs.Inventory(
            "Billing",
            ("Program.cs", 12, "'ChatClient.CompleteChatAsync' sends Restricted data ...",
                Outputs.SinkCall("ChatClient.CompleteChatAsync", "openai", "Inference", "Restricted", "Customer.Ssn", "Confidential", allowed: false)),
            ("Drafts.cs", 30, "'AnthropicClient.Messages.Create' sends Internal data ...",
                Outputs.SinkCall("MessageService.Create", "anthropic", "Inference", "Internal", "Ticket.Subject\nTicket.Tags", "Confidential", allowed: true)),
            ("Drafts.cs", 8, "'OllamaApiClientExtensions.GenerateAsync' sends no classified data ...",
                Outputs.SinkCall("OllamaApiClientExtensions.GenerateAsync", "ollama", "Inference", "Public", null, null, allowed: false)),
            ("Redactor.cs", 5, "'Redactor.Mask' declassifies its result to Internal: keeps the domain",
                new Dictionary<string, string> { ["Entry"] = "declassifier", ["Symbol"] = "Redactor.Mask", ["Class"] = "Internal",
                    ["Justification"] = "keeps the domain" }),
            ("Customer.cs", 7, "'Customer.Ssn' is Restricted, Personal data",
                new Dictionary<string, string> { ["Entry"] = "classified", ["Symbol"] = "Customer.Ssn", ["SymbolKind"] = "member", ["Class"] = "Restricted",
                    ["Categories"] = "Personal" }),
            ("Customer.cs", 3, "'Customer' is Confidential data",
                new Dictionary<string, string> { ["Entry"] = "classified", ["Symbol"] = "Customer", ["SymbolKind"] = "type", ["Class"] = "Confidential" }),
            ("Future.cs", 1, "an entry of a newer analyzer", new Dictionary<string, string> { ["Entry"] = "somethingNew" }));
        _outputs.Project("Support", "azure-openai");
        return ReportBuilder.Build(InputFinder.Find(new[] { _outputs.Root }), Today);
    }

    [Fact]
    public void Inventory_IsReadPerProject_InFileAndLineOrder_AndIsNoFinding()
    {
        var model = Build();

        var billing = model.Projects.Single(p => p.Name == "Billing").Inventory!;
        Assert.Equal(
            [
                "Drafts.cs:8 OllamaApiClientExtensions.GenerateAsync ollama inference Public [] - False",
                "Drafts.cs:30 MessageService.Create anthropic inference Internal [Ticket.Subject,Ticket.Tags] Confidential True",
                "Program.cs:12 ChatClient.CompleteChatAsync openai inference Restricted [Customer.Ssn] Confidential False",
            ],
            billing.CallSites.Select(c => $"{c.File}:{c.Line} {c.Sink} {c.Provider} {c.Purpose} {c.Class} [{string.Join(",", c.Sources)}] {c.Ceiling ?? "-"} "
                + $"{c.Allowed}"));
        Assert.Equal(new DeclassifierEntry("Redactor.cs", 5, "Redactor.Mask", "Internal", "keeps the domain"), Assert.Single(billing.Declassifiers));
        Assert.Equal(["Customer.cs:3 Customer type Confidential", "Customer.cs:7 Customer.Ssn member Restricted Personal"],
            billing.Classified.Select(c => $"{c.File}:{c.Line} {c.Symbol} {c.Kind} "
                + $"{c.Class}{(c.Categories.Count > 0 ? " " + string.Join(",", c.Categories) : "")}"));
        Assert.Null(model.Projects.Single(p => p.Name == "Support").Inventory);

        Assert.Equal("FTP0001", Assert.Single(model.Findings).Rule);
        Assert.Equal(1, model.Summary.Findings);
        Assert.Equal(3, model.Summary.CallSites);
    }

    [Fact]
    public void CallSites_BringTheirProvidersAndFlows_AForbiddenCallIsDrawnFromItsFinding()
    {
        var model = Build();

        var anthropic = model.Providers.Single(p => p.Id == "anthropic");
        Assert.Equal(["Billing"], anthropic.Projects);
        Assert.Equal(["inference"], anthropic.Purposes);
        Assert.Contains(model.Providers, p => p.Id == "ollama");

        var billing = model.Flows.Where(f => f.Project == "Billing").Select(f => $"{f.Source ?? "-"} {f.Class} {f.Provider} {f.Status} {f.Rule ?? "-"}")
            .ToList();
        Assert.Contains("Ticket.Subject Internal anthropic allowed -", billing);
        Assert.Contains("Ticket.Tags Internal anthropic allowed -", billing);

        // The openai call is drawn once, from its FTP0001 finding; the ollama call has no finding (its rule is off): suppressed.
        Assert.Equal(["Customer.Ssn Restricted openai blocked FTP0001"],
            billing.Where(f => f.Contains(" openai ", StringComparison.Ordinal) && !f.StartsWith("- ", StringComparison.Ordinal)));
        Assert.Contains("- Public ollama suppressed -", billing);
    }

    [Fact]
    public void Html_ListsTheInventoryPerProject_AndThePictureHasItsProviders()
    {
        var model = Build();

        var html = HtmlReport.Write(model);

        Assert.Equal(["anthropic", "azure-openai", "ollama", "openai"], Regex.Matches(html, "data-kind=\"provider\" data-id=\"([^\"]+)\"")
            .Select(m => m.Groups[1].Value));
        Assert.Equal(["Billing", "Support"], Regex.Matches(html, "data-kind=\"project\" data-id=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
        Assert.Contains(">Ticket.Subject</text>", html, StringComparison.Ordinal);
        var callSites = Regex.Matches(html, "<tr data-provider=\"([^\"]+)\" data-allowed=\"(true|false)\"><td><code>([^<]+)</code>")
            .Select(m => $"{m.Groups[3].Value} {m.Groups[1].Value} {m.Groups[2].Value}");
        Assert.Equal(["Drafts.cs(8,13) ollama false", "Drafts.cs(30,13) anthropic true", "Program.cs(12,13) openai false"], callSites);
        Assert.Contains("<h4>Declassifiers (1)</h4>", html, StringComparison.Ordinal);
        Assert.Contains("<td><code>Redactor.Mask</code></td>", html, StringComparison.Ordinal);
        Assert.Contains("<h4>Classified declarations (2)</h4>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"inventory-support\">No inventory of LLM use", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_HasAnInventorySectionPerProject()
    {
        var md = MarkdownReport.Write(Build());

        Assert.StartsWith("# FineTunePolicy report (2026-11-30)\n\n2 projects, 3 LLM call sites, 1 finding,", md, StringComparison.Ordinal);
        Assert.Contains("\n## Inventory of LLM use\n\n### Billing\n\n3 call sites, 1 declassifier, 2 classified declarations.\n", md, StringComparison.Ordinal);
        Assert.Contains("| Drafts.cs:30 | `MessageService.Create` | `anthropic` | inference | Internal | Ticket.Subject, Ticket.Tags | Confidential | allowed "
            + "|\n", md, StringComparison.Ordinal);
        Assert.Contains("| Program.cs:12 | `ChatClient.CompleteChatAsync` | `openai` | inference | Restricted | Customer.Ssn | Confidential | **outside the "
            + "policy** |\n", md, StringComparison.Ordinal);
        Assert.Contains("| `Redactor.Mask` | Redactor.cs:5 | Internal | keeps the domain |\n", md, StringComparison.Ordinal);
        Assert.Contains("| `Customer.Ssn` | Customer.cs:7 | member | Restricted (Personal) |\n", md, StringComparison.Ordinal);
        Assert.DoesNotContain("### Support", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Baseline_ListsNewAndRemovedCallSites_NotByLine_AndAClassRiseAsNew()
    {
        var before = Build();
        _outputs.Project("Billing", findings: new[] { ("FTP0001", "error", Messages.Ftp0001, 15) });
        _outputs.Inventory(
            "Billing",
            ("Program.cs", 15, "moved three lines down",
                Outputs.SinkCall("ChatClient.CompleteChatAsync", "openai", "Inference", "Restricted", "Customer.Ssn", "Confidential", allowed: false)),
            ("Drafts.cs", 30, "now sends Confidential data",
                Outputs.SinkCall("MessageService.Create", "anthropic", "Inference", "Confidential", "Customer.Email", "Confidential", allowed: true)),
            ("Index.cs", 4, "a new embedding call",
                Outputs.SinkCall("EmbeddingClient.GenerateEmbeddingAsync", "openai", "Embedding", "Public", null, "Internal", allowed: true)));

        var model = ReportBuilder.Build(InputFinder.Find(new[] { _outputs.Root }), Today, ("before/report.json", before));
        var changes = model.Changes!;

        Assert.Equal(["Billing Drafts.cs:30 anthropic Confidential", "Billing Index.cs:4 openai Public"], changes.NewCallSites!.Select(Describe));
        Assert.Equal(["Billing Drafts.cs:8 ollama Public", "Billing Drafts.cs:30 anthropic Internal"], changes.RemovedCallSites!.Select(Describe));
        Assert.Contains("2 new LLM call sites, 2 removed", HtmlReport.Write(model), StringComparison.Ordinal);
        Assert.Contains(
            "| Billing | Index.cs:4 | `EmbeddingClient.GenerateEmbeddingAsync` | `openai` | embedding | Public |\n",
            MarkdownReport.Write(model),
            StringComparison.Ordinal);
        var json = System.Text.Json.JsonDocument.Parse(ReportJson.Write(model)).RootElement;
        Assert.True(RendererTests.ReportSchema.Value.Evaluate(json).IsValid);

        static string Describe(CallSiteChange c) => $"{c.Project} {c.File}:{c.Line} {c.Provider} {c.Class}";
    }

    [Fact]
    public void Baseline_WithoutAnInventory_CallSitesAreNotCompared()
    {
        _outputs.Project("Billing");
        var before = ReportBuilder.Build(InputFinder.Find(new[] { _outputs.Root }), Today);
        var model = Build();

        var changes = ReportBuilder.Build(InputFinder.Find(new[] { _outputs.Root }), Today, ("before/report.json", before)).Changes!;

        Assert.Null(before.Projects.Single().Inventory);
        Assert.NotNull(model.Projects.Single(p => p.Name == "Billing").Inventory);
        Assert.Null(changes.NewCallSites);
        Assert.Null(changes.RemovedCallSites);
    }

    [Fact]
    public void Json_WithAnInventory_ValidatesAgainstThePublishedSchema_AndReadsBackAsABaseline()
    {
        var model = Build();
        var json = ReportJson.Write(model);
        var result = RendererTests.ReportSchema.Value.Evaluate(System.Text.Json.JsonDocument.Parse(json).RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? new List<EvaluationResults>()).Where(d => d.Errors != null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        Assert.Contains("\"callSites\": 3", json, StringComparison.Ordinal);
        var baseline = Path.Combine(_outputs.Root, "report.json");
        File.WriteAllText(baseline, json);
        var read = ReportJson.ReadBaseline(baseline);
        Assert.Equal(3, read.Projects.Single(p => p.Name == "Billing").Inventory!.CallSites.Count);
    }
}
