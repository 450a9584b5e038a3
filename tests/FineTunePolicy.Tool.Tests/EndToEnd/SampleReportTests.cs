using System.Text.Json;
using Microsoft.Playwright;

namespace FineTunePolicy.Tool.Tests.EndToEnd;

/// <summary>
/// The installed tool on the real sample after a real <c>dotnet build samples/Contoso.Support</c>, and on generated
/// multi-project outputs; the HTML opened in headless Chromium (the distribution's /usr/bin/chromium, which .ci/run
/// installs) through Playwright. The screenshot is kept under artifacts/test-results/tool/.
/// </summary>
[Collection(InstalledToolCollection.Name)]
public sealed class SampleReportTests
{
    public const string Chromium = "/usr/bin/chromium";
    private readonly InstalledTool _tool;

    public SampleReportTests(InstalledTool tool) => _tool = tool;

    private string ArtifactsFolder
    {
        get
        {
            var folder = Path.Combine(_tool.RepoRoot, "artifacts", "test-results", "tool");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    [Fact]
    public async Task Sample_BuiltForReal_ReportRendersInChromium_OneNodePerProviderAndProject_EveryFindingListed()
    {
        var build = Processes.Run("dotnet", _tool.RepoRoot, "build", Path.Combine("samples", "Contoso.Support"), "-nodeReuse:false", "-tl:off");
        Assert.True(build.ExitCode == 0, "dotnet build samples/Contoso.Support failed:\n" + build);
        var output = Path.Combine(_tool.Root, "sample-report");

        var run = _tool.Run(_tool.RepoRoot, "report", "samples", "--output", output, "--today", "2026-11-30");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);
        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "report.json"))).RootElement;
        var findings = json.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(
            new[] { "FTP0001", "FTP0002", "FTP0003", "FTP0003", "FTP0004", "FTP0005", "FTP0006" },
            findings.Select(f => f.GetProperty("rule").GetString()).Order(StringComparer.Ordinal));
        var ssn = findings.Single(f => f.GetProperty("rule").GetString() == "FTP0001");
        Assert.Equal(("Contoso.Support", "Assistant/SupportAssistant.cs", 39, "openai", "Restricted", "Customer.Ssn"),
            (ssn.GetProperty("project").GetString(), ssn.GetProperty("file").GetString(), ssn.GetProperty("line").GetInt32(),
             ssn.GetProperty("provider").GetString(), ssn.GetProperty("class").GetString(), ssn.GetProperty("sources")[0].GetString()));
        var markdown = File.ReadAllText(Path.Combine(output, "report.md"));
        Assert.Contains("| FTP0004 | warning | Contoso.Support | Assistant/LocalDraftAssistant.cs:29 | `ollama` | inference |", markdown,
            StringComparison.Ordinal);

        // The inventory of LLM use (FTP0100): written into the build's SARIF log, listed per project.
        var sample = json.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Contoso.Support");
        var inventory = sample.GetProperty("inventory");
        var callSites = inventory.GetProperty("callSites").EnumerateArray()
            .Select(c => $"{c.GetProperty("file").GetString()}:{c.GetProperty("line").GetInt32()} {c.GetProperty("provider").GetString()} "
                + $"{c.GetProperty("purpose").GetString()} {c.GetProperty("class").GetString()} {c.GetProperty("allowed").GetBoolean()}")
            .ToList();
        Assert.Contains("Assistant/SupportAssistant.cs:39 openai inference Restricted False", callSites);
        Assert.Contains("Assistant/LocalDraftAssistant.cs:29 ollama inference Public False", callSites);
        Assert.Contains("FineTuning/FineTuningExporter.cs:74 openai fineTuning Confidential False", callSites);
        Assert.Contains("Indexing/TicketIndexer.cs:43 unknown embedding Confidential False", callSites);
        Assert.Contains("Assistant/TunedReplySuggester.cs:47 openai embedding Confidential False", callSites);
        Assert.Equal(5, callSites.Count(c => c.EndsWith(" False", StringComparison.Ordinal)));
        Assert.Equal(callSites.Count, json.GetProperty("summary").GetProperty("callSites").GetInt32());
        var declassifiers = inventory.GetProperty("declassifiers").EnumerateArray()
            .ToDictionary(d => d.GetProperty("method").GetString()!, d => d.GetProperty("justification").GetString());
        Assert.Equal(["Redactor.AnonymiseForTraining", "Redactor.MaskEmail", "Redactor.RedactTicketText"], declassifiers.Keys.Order(StringComparer.Ordinal));
        Assert.Null(declassifiers["Redactor.MaskEmail"]);
        var classified = inventory.GetProperty("classified").EnumerateArray()
            .Select(c => $"{c.GetProperty("symbol").GetString()} {c.GetProperty("class").GetString()}").ToList();
        Assert.Contains("Customer.Ssn Restricted", classified);
        var sarif = File.ReadAllText(Path.Combine(_tool.RepoRoot, "samples", "Contoso.Support", "obj", "Debug", "net10.0", "FineTunePolicy.sarif"));
        Assert.Equal(callSites.Count + declassifiers.Count + classified.Count, System.Text.RegularExpressions.Regex.Matches(sarif, "\"ruleId\": \"FTP0100\"")
            .Count);
        Assert.Contains("\n## Inventory of LLM use\n\n### Contoso.Support\n", markdown, StringComparison.Ordinal);

        var providers = json.GetProperty("providers").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToList();
        var projects = json.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToList();
        await InChromium(Path.Combine(output, "report.html"), Path.Combine(ArtifactsFolder, "sample-report.png"), async page =>
        {
            Assert.True(await page.Locator("svg#flow-picture").IsVisibleAsync(), "the data-flow picture is not visible");
            Assert.Equal(providers, await page.Locator("svg#flow-picture [data-kind=provider]")
                .EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.id)"));
            Assert.Equal(projects, await page.Locator("svg#flow-picture [data-kind=project]")
                .EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.id)"));
            Assert.Equal(findings.Count, await page.Locator("article.finding").CountAsync());
            Assert.Equal(callSites.Count, await page.Locator("table.call-sites tbody tr").CountAsync());
            Assert.True(await page.Locator("table.call-sites").IsVisibleAsync(), "the call sites are not visible");
            foreach (var finding in findings)
            {
                var where = $"{finding.GetProperty("project").GetString()}: "
                    + $"{finding.GetProperty("file").GetString()}({finding.GetProperty("line").GetInt32()},{finding.GetProperty("column").GetInt32()})";
                Assert.Equal(1, await page.Locator("article.finding").Filter(new() { HasText = where }).CountAsync());
            }

            // Every class is written out, not only coloured: the Restricted source and the blocked edge say so in text.
            Assert.Contains("[Restricted]", await page.Locator("svg#flow-picture [data-kind=source][data-id='Customer.Ssn']").TextContentAsync(),
                StringComparison.Ordinal);
            // The sample lowers FTP0001, FTP0002 and FTP0004 to warnings, so its five flows above policy are flagged, not blocked.
            Assert.Equal(5, await page.Locator("svg#flow-picture text.edge-label.flagged").CountAsync());
            var box = await page.Locator("svg#flow-picture").BoundingBoxAsync();
            Assert.True(box is { Width: > 500, Height: > 100 }, $"the picture is drawn {box?.Width}x{box?.Height}");
        });
    }

    [Fact]
    public async Task GeneratedMultiProjectOutputs_ReportRendersAllProjectsAndFindings()
    {
        using var outputs = new Outputs();
        for (var i = 0; i < 12; i++)
        {
            outputs.Project($"Service{i:00}", i % 3 == 0 ? "anthropic" : "openai",
                findings: i % 2 == 0 ? new[] { ("FTP0001", "error", Messages.Ftp0001, 10 + i) } : new[] { ("FTP0003", "warning", Messages.Ftp0003, 20 + i) });
        }

        var output = Path.Combine(outputs.Root, "report");
        var run = _tool.Run(outputs.Root, "report", ".", "--output", output, "--today", "2026-11-30");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            ("FineTunePolicy report: 12 projects, 12 findings (0 suppressed), 3 providers, 0 overdue and 0 due soon; "
                + "written to report/report.html, report.md, report.json\n").Replace("report/report.html", Path.Combine(output, "report.html")),
            run.Out);
        await InChromium(Path.Combine(output, "report.html"), Path.Combine(ArtifactsFolder, "multi-project-report.png"), async page =>
        {
            Assert.Equal(12, await page.Locator("svg#flow-picture [data-kind=project]").CountAsync());
            Assert.Equal(new[] { "anthropic", "openai", "unknown" }, await page.Locator("svg#flow-picture [data-kind=provider]")
                .EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.id)"));
            Assert.Equal(12, await page.Locator("article.finding").CountAsync());
        });
    }

    [Fact]
    public void Validate_TheSamplesPolicyFiles_AndBadFiles_WithExitCodes()
    {
        var allowList = Path.Combine("samples", "policy", "allow-list.json");
        var manifest = Path.Combine("samples", "Contoso.Support", "finetune-policy.json");
        var bad = Path.Combine(_tool.Root, "bad-manifest.json");
        File.WriteAllText(bad, "{\n  \"schemaVersion\": 1,\n  \"allowList\": \"x.json\",\n  \"uses\": [ { \"provider\": \"openai\", \"purpose\": \"training\", "
            + "\"maxClass\": \"Internal\" } ]\n}\n");

        var ok = _tool.Run(_tool.RepoRoot, "validate", allowList, manifest, "--today", "2026-11-30");
        var policyError = _tool.Run(_tool.RepoRoot, "validate", allowList, bad, "--today", "2026-11-30");
        var notJson = _tool.Run(_tool.RepoRoot, "validate", Path.Combine(_tool.RepoRoot, "README.md"));
        var missing = _tool.Run(_tool.RepoRoot, "validate", "missing.json");

        Assert.True(ok.ExitCode == 0, ok.ToString());
        Assert.Equal("FineTunePolicy: 2 files validated (judged on 2026-11-30): 0 errors, 0 warnings\n", ok.Out);
        Assert.True(policyError.ExitCode == 1, policyError.ToString());
        Assert.Equal($"{bad}(4,48): error FTP1013: 'uses[0].purpose' is 'training', which is not allowed. Use one of: inference, embedding, fineTuning.\n"
            + "FineTunePolicy: 2 files validated (judged on 2026-11-30): 1 error, 0 warnings\n", policyError.Out);
        Assert.True(notJson.ExitCode == 1, notJson.ToString());
        Assert.Contains("README.md(1,1): error FTP1005: The allow-list is not valid JSON:", notJson.Out, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("finetune-policy: error: The file missing.json does not exist. Usage: finetune-policy validate <allow-list> [manifest...]\n",
            missing.Error);
    }

    [Fact]
    public void Report_BadInputs_Exit2_NeverAStackTrace()
    {
        var folder = Path.Combine(_tool.Root, "newer", "App", "obj", "Debug", "net10.0");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "FineTunePolicy.audit.json"), Outputs.Audit("openai", "2027-01-01", "2027-01-01", formatVersion: 9));

        var newer = _tool.Run(_tool.Root, "report", "newer", "--output", "out");
        var missing = _tool.Run(_tool.Root, "report", "no-such-folder", "--output", "out");

        Assert.Equal(2, newer.ExitCode);
        Assert.Equal("finetune-policy: error: newer/App/obj/Debug/net10.0/FineTunePolicy.audit.json: the audit record has format 9, written by a newer "
            + "FineTunePolicy; this tool reads format 1. Update the tool (dotnet tool update FineTunePolicy.Tool) to the version of the "
            + "FineTunePolicy.Analyzers package that wrote the record.\n", newer.Error);
        Assert.Equal(2, missing.ExitCode);
        Assert.DoesNotContain(" at ", missing.Error, StringComparison.Ordinal);
    }

    /// <summary>Opens a page in the system's headless Chromium, with every request off the file system refused and reported.</summary>
    private static async Task InChromium(string html, string screenshot, Func<IPage, Task> check)
    {
        Assert.True(File.Exists(Chromium), $"Chromium is not installed at {Chromium}: the report's browser tests need it. Install it with `apt-get update && "
            + $"apt-get install -y chromium` (.ci/run does this before the tests).");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run" },
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1150, Height = 900 } });
        var offline = new List<string>();
        var errors = new List<string>();
        await page.RouteAsync("**/*", route =>
        {
            if (route.Request.Url.StartsWith("file://", StringComparison.Ordinal))
            {
                return route.ContinueAsync();
            }

            offline.Add(route.Request.Url);
            return route.AbortAsync();
        });
        page.Console += (_, message) => { if (message.Type == "error") { errors.Add(message.Text); } };
        page.PageError += (_, error) => errors.Add(error);

        var response = await page.GotoAsync(new Uri(html).AbsoluteUri);
        Assert.NotNull(response);
        await check(page);
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });

        Assert.Empty(offline);
        Assert.Empty(errors);
    }
}
