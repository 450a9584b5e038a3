using FineTunePolicy.EndToEnd.Tests.Infrastructure;

namespace FineTunePolicy.EndToEnd.Tests;

/// <summary>
/// Tuned models in real builds with the packed package, on the samples' own policy files: the customer-facing
/// storefront that declares the support team's model fails with FTP1075 at the model in its manifest, before the
/// compiler runs; the support sample, which declares the same model for employees, builds, hands the model to the
/// analyzer and lists it in the audit record.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class TunedModelTests
{
    private const string Today = "FineTunePolicyToday=2026-12-01";

    private const string SupportModel = "ft:gpt-4o-mini-2024-07-18:contoso:support-v3:9xYzAbCd";

    private readonly PackageFeed _feed;
    private readonly ITestOutputHelper _log;

    public TunedModelTests(PackageFeed feed, ITestOutputHelper log)
    {
        _feed = feed;
        _log = log;
    }

    [Fact]
    public void Storefront_DeclaringTheSupportModelForCustomers_FailsWithFTP1075AtTheModelInItsManifest()
    {
        var p = new ScenarioProject(_feed, "Storefront", Array.Empty<string>(), _log, outputType: "Exe");
        CopySample(p, "Contoso.Storefront");
        var manifest = p.PathOf("finetune-policy.json");

        var build = p.Build("storefront", Today);

        Assert.True(build.ExitCode != 0, build.Describe());
        var error = Assert.Single(build.TaskFindings);
        Assert.Equal(("FTP1075", "error", manifest, Text.Position(manifest, "\"" + SupportModel + "\"")),
            (error.Id, error.Severity, error.File, (error.Line, error.Column)));
        Assert.StartsWith($"The model '{SupportModel}' may answer only 'employees', and this project's audience is 'customers' "
            + "(the model was trained on Confidential (Personal) data; 'customers' may see up to Internal).", error.Message);
        Assert.Contains($"finetune-policy.json({error.Line},{error.Column}): error FTP1075: ", build.Process.Output);
        Assert.False(build.CompilerRan, build.Describe());
        Assert.False(File.Exists(p.PathOf("obj/Debug/net10.0/FineTunePolicy.Analyzers.globalconfig")));
    }

    [Fact]
    public void SupportSample_WithItsDeclaredModel_Builds_HandsTheModelToTheAnalyzer_AndRecordsIt()
    {
        var p = new ScenarioProject(_feed, "Support", new[] { "Microsoft.Extensions.AI/10.11.0", "Microsoft.Extensions.AI.OpenAI/10.11.0",
            "OllamaSharp/5.5.2" }, _log, outputType: "Exe");
        CopySample(p, "Contoso.Support");
        // The sample's sources are written without implicit usings, and the fine-tuning APIs are experimental (OPENAI001).
        string project = File.ReadAllText(p.PathOf("Support.csproj"))
            .Replace("<ImplicitUsings>enable</ImplicitUsings>", "<ImplicitUsings>disable</ImplicitUsings>");
        p.Write("Support.csproj", project);

        var build = p.Build("support", Today);

        Assert.True(build.ExitCode == 0, build.Describe());
        Assert.Empty(build.TaskFindings);
        // The findings the README shows, as warnings (the sample's .editorconfig lowers FTP0001, FTP0002 and FTP0004); the
        // declared model raises no FTP0010, and its answer, embedded, is the second FTP0003.
        Assert.Equal(
            new[] { "FTP0001", "FTP0002", "FTP0003", "FTP0003", "FTP0004", "FTP0005", "FTP0006" },
            build.AnalyzerFindings.Select(f => f.Id).Order(StringComparer.Ordinal));
        var answer = build.AnalyzerFindings.Single(f => f.File.EndsWith("TunedReplySuggester.cs", StringComparison.Ordinal));
        var embedded = Text.Position(p.PathOf("Assistant/TunedReplySuggester.cs"), "suggestion, cancellationToken: cancellationToken)).Value;");
        Assert.Equal(("FTP0003", embedded.Line), (answer.Id, answer.Line));
        Assert.StartsWith(
            $"Confidential, Personal data from the answer of tuned model '{SupportModel}' (client held in 'TunedReplySuggester._tuned') reaches "
                + "'EmbeddingClient.GenerateEmbeddingAsync' for embedding with provider 'openai', above the embedding ceiling Internal (project policy)",
            answer.Message);
        string config = File.ReadAllText(p.PathOf("obj/Debug/net10.0/FineTunePolicy.Analyzers.globalconfig"));
        Assert.Contains(
            $"finetune_policy.model.1.id = {SupportModel}\n" +
            "finetune_policy.model.1.provider = openai\n" +
            "finetune_policy.model.1.class = Confidential\n" +
            "finetune_policy.model.1.categories = Personal\n" +
            "finetune_policy.model.1.declared = true\n",
            config);
        string audit = File.ReadAllText(p.PathOf("obj/Debug/net10.0/FineTunePolicy.audit.json"));
        Assert.Contains("\"audience\": {\n    \"maxClass\": \"Confidential\",\n    \"name\": \"employees\"\n  },", audit);
        Assert.Contains($"\"decision\": \"allowed\",\n      \"description\": \"reply drafts for support agents\",\n      \"id\": \"{SupportModel}\",", audit);
    }

    /// <summary>Copies a sample's sources, settings and manifest (not its project file) and the organisation's allow-list beside them.</summary>
    private void CopySample(ScenarioProject p, string sample)
    {
        string from = Path.Combine(_feed.RepoRoot, "samples", sample);
        foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(from, file).Replace('\\', '/');
            if (relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal)
                || relative.EndsWith(".csproj", StringComparison.Ordinal) || relative.EndsWith(".md", StringComparison.Ordinal))
            {
                continue;
            }

            string text = File.ReadAllText(file);
            p.Write(relative, relative == "finetune-policy.json" ? text.Replace("\"../policy/allow-list.json\"", "\"allow-list.json\"") : text);
        }

        p.Write("allow-list.json", File.ReadAllText(Path.Combine(_feed.RepoRoot, "samples", "policy", "allow-list.json")));
    }
}
