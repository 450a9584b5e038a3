using System.Text.RegularExpressions;
using FineTunePolicy.Tool.Report;
using Json.Schema;

namespace FineTunePolicy.Tool.Tests;

public sealed class RendererTests : IDisposable
{
    private readonly Outputs _outputs = new();

    /// <summary>The published schema, loaded once per test run (the schema library registers it by its $id).</summary>
    internal static readonly Lazy<JsonSchema> ReportSchema = new(() =>
        JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "Schemas", "report.schema.json")));

    public void Dispose() => _outputs.Dispose();

    private ReportModel TwoProjects()
    {
        _outputs.Project("Billing", "openai", findings: new[] { ("FTP0001", "error", Messages.Ftp0001, 10), ("FTP0003", "warning", Messages.Ftp0003, 20) });
        _outputs.Project("Support", "anthropic", findings: new[] { ("FTP0004", "error", Messages.Ftp0004, 5) });
        return ReportBuilder.Build(InputFinder.Find(new[] { _outputs.Root }), new DateOnly(2026, 11, 30));
    }

    [Fact]
    public void Html_IsSelfContained_NoScriptNoExternalResource()
    {
        var html = HtmlReport.Write(TwoProjects());

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(new Regex(@"(src|href)\s*=\s*""(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_PictureHasOneNodePerProjectAndProvider_AndLabelsEveryClassInText()
    {
        var html = HtmlReport.Write(TwoProjects());

        Assert.Equal(new[] { "Billing", "Support" }, Regex.Matches(html, "data-kind=\"project\" data-id=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
        Assert.Equal(new[] { "anthropic", "ollama", "openai", "unknown" }, Regex.Matches(html, "data-kind=\"provider\" data-id=\"([^\"]+)\"")
            .Select(m => m.Groups[1].Value));
        Assert.Contains(">[Restricted]</text>", html, StringComparison.Ordinal);
        Assert.Contains("inference · Restricted · ✕ BLOCKED", html, StringComparison.Ordinal);
        Assert.Contains("embedding · Confidential · ⚠ FLAGGED", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_ListsEveryFinding_WithSinkProviderCeilingAndSources()
    {
        var model = TwoProjects();
        var html = HtmlReport.Write(model);

        Assert.Equal(model.Findings.Count, Regex.Matches(html, "<article class=\"finding").Count);
        Assert.Contains("<dt>Sink</dt><dd><code>ChatClient.CompleteChatAsync</code></dd>", html, StringComparison.Ordinal);
        Assert.Contains("<code>Customer.Ssn</code> <span class=\"muted\">declared at Customer.cs(7)</span>", html, StringComparison.Ordinal);
        Assert.Contains("PRIV-77: synthetic data", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_EscapesWhatTheInputsSay()
    {
        _outputs.Project("A", findings: new[] { ("FTP0005", "warning", "<img src=x onerror=alert(1)> & more", 1) });

        var html = HtmlReport.Write(ReportBuilder.Build(InputFinder.Find(new[] { _outputs.Root }), new DateOnly(2026, 11, 30)));

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt; &amp; more", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_HasTheSummaryTablesAndOneRowPerFinding_WithPipesEscaped()
    {
        _outputs.Project("A", findings: new[] { ("FTP0005", "warning", "a | b", 1) });
        var model = ReportBuilder.Build(InputFinder.Find(new[] { _outputs.Root }), new DateOnly(2026, 11, 30));

        var md = MarkdownReport.Write(model);

        Assert.StartsWith("# FineTunePolicy report (2026-11-30)\n\n1 project, 1 finding, providers: `openai`, purposes: inference.\n", md,
            StringComparison.Ordinal);
        Assert.Contains("| FTP0005 | warning | A | Program.cs:1 |  |  |  |  | a \\| b |\n", md, StringComparison.Ordinal);
        Assert.Contains("| 2027-06-30 | 212 | approval `APR-1` (privacy-officer, Jane Doe, PRIV-1; covers openai inference) | A |", md,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Json_ValidatesAgainstThePublishedSchema()
    {
        var json = ReportJson.Write(TwoProjects());
        var result = ReportSchema.Value.Evaluate(System.Text.Json.JsonDocument.Parse(json).RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? new List<EvaluationResults>()).Where(d => d.Errors != null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void AllThreeFiles_AreByteIdenticalAcrossRuns_AndHoldNoTimeStampButTheGivenDate()
    {
        TwoProjects();
        string first = Path.Combine(_outputs.Root, "out1"), second = Path.Combine(_outputs.Root, "out2");

        Assert.Equal(0, ToolRun.Of("report", _outputs.Root, "--output", first, "--today", "2026-11-30").ExitCode);
        Assert.Equal(0, ToolRun.Of("report", _outputs.Root, "--output", second, "--today", "2026-11-30").ExitCode);

        foreach (var file in ReportCommand.OutputFiles)
        {
            var a = File.ReadAllBytes(Path.Combine(first, file));
            Assert.Equal(a, File.ReadAllBytes(Path.Combine(second, file)));
            var text = System.Text.Encoding.UTF8.GetString(a);
            Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
            Assert.DoesNotMatch(new Regex(@"\d{2}:\d{2}:\d{2}"), text);
            Assert.DoesNotContain(DateTime.UtcNow.ToString("yyyy-MM-dd") == "2026-11-30" ? "never" : DateTime.UtcNow.ToString("yyyy-MM-dd"), text,
                StringComparison.Ordinal);
        }
    }
}
