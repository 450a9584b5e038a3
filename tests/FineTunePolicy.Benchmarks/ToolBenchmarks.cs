using System.Text;
using BenchmarkDotNet.Attributes;
using FineTunePolicy.Build.Tasks;
using FineTunePolicy.Tool.Report;
using FineTunePolicy.Tool.Validate;

namespace FineTunePolicy.Benchmarks;

/// <summary>
/// The finetune-policy tool. "validate" against the build task on the same files (TaskBenchmarks' 200-provider
/// allow-list and 50-use manifest, judged on the same day, no package references), the task with its outputs already
/// written (its common case); and "report" on 100 projects' build outputs (an audit record and a SARIF log with six
/// findings each): find, read, build the model, render HTML, Markdown and JSON.
/// </summary>
[MemoryDiagnoser]
public class ToolBenchmarks
{
    public const int Projects = 100;
    private static readonly DateTime Today = new(2026, 6, 1);

    private string _root = null!;
    private string AllowListPath => Path.Combine(_root, "policy", "allow-list.json");
    private string ManifestPath => Path.Combine(_root, "app", "finetune-policy.json");
    private string Obj(string name) => Path.Combine(_root, "app", "obj", name);

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "ftp-tool-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(Path.Combine(_root, "app", "obj"));
        Directory.CreateDirectory(Path.Combine(_root, "policy"));
        File.WriteAllText(Path.Combine(_root, "app", "App.csproj"), "<Project />");
        File.WriteAllText(AllowListPath, TaskBenchmarks.AllowList());
        File.WriteAllText(ManifestPath, TaskBenchmarks.Manifest());
        for (var i = 0; i < Projects; i++)
        {
            var obj = Path.Combine(_root, "repo", $"Service{i:D3}", "obj", "Release", "net10.0");
            Directory.CreateDirectory(obj);
            File.WriteAllText(Path.Combine(obj, "FineTunePolicy.audit.json"), Audit(i));
            File.WriteAllText(Path.Combine(obj, "FineTunePolicy.sarif"), Sarif(Path.Combine(_root, "repo", $"Service{i:D3}")));
        }

        var engine = new CountingBuildEngine();
        if (!NewTask(engine).Execute() || engine.Errors > 0 || ValidateCommand.Validate(AllowListPath, [ManifestPath], Today, strict: false)
            .Any(d => d.Severity == "error"))
        {
            throw new InvalidOperationException("The benchmark policy must validate: " + string.Join("\n", engine.Lines.Take(5)));
        }

        var model = ReportBuilder.Build(InputFinder.Find([Path.Combine(_root, "repo")]), DateOnly.FromDateTime(Today));
        Console.WriteLine($"// report: {model.Projects.Count} projects, {model.Findings.Count} findings, HTML {HtmlReport.Write(model).Length} characters");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark(Baseline = true, Description = "Task: validate (outputs unchanged)")]
    public bool TaskValidate() => NewTask(new CountingBuildEngine()).Execute();

    [Benchmark(Description = "Tool: validate, the same files")]
    public int ToolValidate() => ValidateCommand.Validate(AllowListPath, [ManifestPath], Today, strict: false).Count;

    [Benchmark(Description = "Tool: report, 100 projects (find, read, model, HTML + Markdown + JSON)")]
    public int Report()
    {
        var model = ReportBuilder.Build(InputFinder.Find([Path.Combine(_root, "repo")]), DateOnly.FromDateTime(Today));
        return HtmlReport.Write(model).Length + MarkdownReport.Write(model).Length + ReportJson.Write(model).Length;
    }

    private ValidateFineTunePolicy NewTask(Microsoft.Build.Framework.IBuildEngine engine) => new()
    {
        BuildEngine = engine,
        ProjectPath = Path.Combine(_root, "app", "App.csproj"),
        Today = "2026-06-01",
        GlobalConfigPath = Obj("FineTunePolicy.Analyzers.globalconfig"),
        AuditPath = Obj("FineTunePolicy.audit.json"),
        StampPath = Obj("FineTunePolicy.stamp"),
        ToolVersion = "0.1.0-bench",
    };

    private static string Audit(int i)
    {
        var provider = i % 3 == 0 ? "anthropic" : "openai";
        return $$"""
            { "allowList": { "path": "../policy/allow-list.json", "sha256": "{{new string('a', 64)}}" },
              "approvals": [ { "approvedOn": "2026-01-15", "covers": [ { "provider": "{{provider}}", "purpose": "inference" } ], "expires": "2026-{{1 + i % 12:D2}}-28",
                "id": "APR-{{i}}", "role": "privacy-officer", "status": "valid", "ticket": "PRIV-{{i}}", "who": "Jane Doe" } ],
              "datasets": [], "formatVersion": 1, "judgedOn": "2026-06-01",
              "manifest": { "path": "finetune-policy.json", "sha256": "{{new string('b', 64)}}" }, "mode": "manifest", "packages": [],
              "providers": [ { "displayName": "{{provider}}", "effectiveCeilings": { "inference": "Confidential" }, "hosting": "external", "id": "{{provider}}", "reviewBy": "2027-03-31" } ],
              "strict": true, "tool": { "name": "FineTunePolicy", "version": "1.0.0" },
              "uses": [ { "categories": ["Personal"], "ceiling": "Confidential", "class": "Confidential", "classes": ["Confidential"], "decision": "allowed",
                "description": "chat", "provider": "{{provider}}", "purpose": "inference", "rule": null, "warnings": [] } ] }
            """;
    }

    private static string Sarif(string project)
    {
        string[] messages =
        [
            "Restricted data from 'Customer.Ssn' (Restricted, Personal) reaches 'ChatClient.CompleteChatAsync' for inference with provider 'openai' (ceiling: "
                + "Confidential (project policy)); remove it",
            "Confidential, Personal data from 'SupportTicket.Body' reaches 'EmbeddingGeneratorExtensions.GenerateAsync' for embedding with provider 'unknown', "
                + "above the embedding ceiling Internal (project policy); send less",
            "'OllamaApiClientExtensions.GenerateAsync' sends data to provider 'ollama' for inference, which the policy does not allow (allowed for inference: "
                + "openai); use an allowed provider",
        ];
        var results = new StringBuilder();
        for (var i = 0; i < 6; i++)
        {
            var uri = new Uri(Path.Combine(project, $"File{i}.cs")).AbsoluteUri;
            results.Append(i == 0 ? "" : ",").Append($$"""
                { "ruleId": "FTP000{{(i % 3 == 2 ? 4 : i % 3 == 0 ? 1 : 3)}}", "level": "{{(i % 2 == 0 ? "error" : "warning")}}", "message": { "text": "{{messages[i % 3]}}" },
                  "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "{{uri}}" }, "region": { "startLine": {{10 + i}}, "startColumn": 9 } } } ] }
                """);
        }

        return $$"""
            { "version": "2.1.0", "runs": [ { "results": [ {{results}} ],
              "tool": { "driver": { "name": "csc", "rules": [ { "id": "FTP0001" } ] } } } ] }
            """;
    }
}
