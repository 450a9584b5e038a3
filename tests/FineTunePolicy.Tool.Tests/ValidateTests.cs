using System.Collections;
using System.Text.Json;
using FineTunePolicy.Build.Tasks;
using Microsoft.Build.Framework;

namespace FineTunePolicy.Tool.Tests;

/// <summary>finetune-policy validate: the task's validation, with the task's codes and positions, outside a build.</summary>
public sealed class ValidateTests : IDisposable
{
    private const string Today = "2026-11-30";
    private static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "Corpus");
    private static readonly string GoodAllowList = Path.Combine(Corpus, "allow-list", "good", "contoso.json");
    private static readonly string GoodManifest = Path.Combine(Corpus, "manifest", "good", "contoso.json");
    private readonly string _temp = Directory.CreateTempSubdirectory("ftp-validate-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    public static IEnumerable<object[]> CorpusCases()
    {
        foreach (var kind in new[] { "allow-list", "manifest" })
        {
            foreach (var verdict in new[] { "good", "bad" })
            {
                foreach (var file in Directory.GetFiles(Path.Combine(Corpus, kind, verdict), "*.json").Order(StringComparer.Ordinal))
                {
                    yield return new object[] { kind, verdict, Path.GetFileName(file) };
                }
            }
        }
    }

    /// <summary>The tool and the real task, on the same files and day, report the same codes, severities, lines, columns and messages.</summary>
    [Theory]
    [MemberData(nameof(CorpusCases))]
    public void SameDiagnosticsAsTheTask(string kind, string verdict, string file)
    {
        var path = Path.Combine(Corpus, kind, verdict, file);
        var allowList = kind == "allow-list" ? path : GoodAllowList;
        var manifest = kind == "manifest" ? path : GoodManifest;

        var fromTask = RunTask(allowList, manifest);
        var run = ToolRun.Of("validate", allowList, manifest, "--today", Today, "--format", "json");
        var fromTool = JsonDocument.Parse(run.Out).RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => $"{d.GetProperty("file").GetString()}({d.GetProperty("line").GetInt32()},{d.GetProperty("column").GetInt32()}): "
                + $"{d.GetProperty("severity").GetString()} {d.GetProperty("code").GetString()}: {d.GetProperty("message").GetString()}")
            .ToList();

        Assert.Equal(fromTask, fromTool);
        Assert.Equal(fromTask.Any(line => line.Contains("): error ", StringComparison.Ordinal)) ? 1 : 0, run.ExitCode);
        if (verdict == "bad")
        {
            Assert.Contains(fromTool, line => line.Contains($" {file[..7]}: ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void TheSamplesPolicy_IsValid_Exit0()
    {
        var root = EndToEnd.InstalledTool.RepoRootOf();
        var run = ToolRun.Of("validate", Path.Combine(root, "samples", "policy", "allow-list.json"),
            Path.Combine(root, "samples", "Contoso.Support", "finetune-policy.json"), "--today", Today);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("FineTunePolicy: 2 files validated (judged on 2026-11-30): 0 errors, 0 warnings\n", run.Out);
    }

    [Fact]
    public void AllowListAlone_IsCheckedForItsOwnConsistency()
    {
        var allowList = Path.Combine(_temp, "allow-list.json");
        var text = File.ReadAllText(GoodAllowList);
        using (var doc = JsonDocument.Parse(text))
        {
            var firstId = doc.RootElement.GetProperty("providers")[0].GetProperty("id").GetString()!;
            var secondId = doc.RootElement.GetProperty("providers")[1].GetProperty("id").GetString()!;
            File.WriteAllText(allowList, text.Replace($"\"id\": \"{secondId}\"", $"\"id\": \"{firstId}\"", StringComparison.Ordinal));
        }

        var run = ToolRun.Of("validate", allowList, "--today", Today);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(": error FTP1020: The provider id ", run.Out, StringComparison.Ordinal);
        Assert.EndsWith("FineTunePolicy: 1 file validated (judged on 2026-11-30): 1 error, 0 warnings\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void AReviewDueSoon_IsAWarning_AndAnErrorWithStrict()
    {
        var root = EndToEnd.InstalledTool.RepoRootOf();
        string[] files = { Path.Combine(root, "samples", "policy", "allow-list.json"),
            Path.Combine(root, "samples", "Contoso.Support", "finetune-policy.json") };

        var lenient = ToolRun.Of(new[] { "validate" }.Concat(files).Concat(new[] { "--today", "2031-09-10" }).ToArray());
        var strict = ToolRun.Of(new[] { "validate" }.Concat(files).Concat(new[] { "--today", "2031-09-10", "--strict" }).ToArray());

        Assert.True(lenient.ExitCode == 0, lenient.ToString());
        Assert.Contains(": warning FTP1040: Provider 'ollama'", lenient.Out, StringComparison.Ordinal);
        Assert.True(strict.ExitCode == 1, strict.ToString());
        Assert.Contains(": error FTP1040: Provider 'ollama'", strict.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Sarif_HasOneRulePerCode_AndResultsWithRegions()
    {
        var manifest = Path.Combine(Corpus, "manifest", "bad", "FTP1013-unknown-class-secret.json");

        var run = ToolRun.Of("validate", GoodAllowList, manifest, "--today", Today, "--format", "sarif");

        Assert.Equal(1, run.ExitCode);
        var sarif = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal("2.1.0", sarif.GetProperty("version").GetString());
        var runElement = sarif.GetProperty("runs")[0];
        Assert.Equal("FTP1013", runElement.GetProperty("tool").GetProperty("driver").GetProperty("rules")[0].GetProperty("id").GetString());
        var result = runElement.GetProperty("results")[0];
        Assert.Equal(("FTP1013", "error"), (result.GetProperty("ruleId").GetString(), result.GetProperty("level").GetString()));
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal(new Uri(manifest).AbsoluteUri, location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() > 1);
    }

    [Fact]
    public void MissingFile_Exit2()
    {
        var run = ToolRun.Of("validate", "no-such-allow-list.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("finetune-policy: error: The file no-such-allow-list.json does not exist. Usage: finetune-policy validate <allow-list> [manifest...]"
            + Environment.NewLine, run.Error);
    }

    [Fact]
    public void AFolderInsteadOfAFile_IsFTP1009_Exit2()
    {
        var run = ToolRun.Of("validate", _temp, "--today", Today);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"{_temp}: error FTP1009: The allow-list path names a folder, not a file. Point it at the JSON file itself.\n", run.Out,
            StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownFormat_Exit2()
    {
        var run = ToolRun.Of("validate", GoodAllowList, "--format", "xml");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("finetune-policy: error: Argument 'xml' not recognized. Must be one of:", run.Error, StringComparison.Ordinal);
    }

    private List<string> RunTask(string allowList, string manifest)
    {
        var engine = new Engine();
        var task = new ValidateFineTunePolicy
        {
            BuildEngine = engine,
            ProjectPath = Path.Combine(_temp, "App.csproj"),
            ManifestPath = manifest,
            AllowListPath = allowList,
            Today = Today,
            GlobalConfigPath = Path.Combine(_temp, "obj", "FineTunePolicy.Analyzers.globalconfig"),
            AuditPath = Path.Combine(_temp, "obj", "FineTunePolicy.audit.json"),
        };
        task.Execute();
        return engine.Logged;
    }

    /// <summary>Records the task's errors and warnings as the tool's text format prints them.</summary>
    private sealed class Engine : IBuildEngine
    {
        public List<string> Logged { get; } = new();

        public bool ContinueOnError => false;

        public int LineNumberOfTaskNode => 0;

        public int ColumnNumberOfTaskNode => 0;

        public string ProjectFileOfTaskNode => "App.csproj";

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
            throw new NotSupportedException();

        public void LogCustomEvent(CustomBuildEventArgs e)
        {
        }

        public void LogErrorEvent(BuildErrorEventArgs e) => Logged.Add($"{e.File}({e.LineNumber},{e.ColumnNumber}): error {e.Code}: {e.Message}");

        public void LogWarningEvent(BuildWarningEventArgs e) => Logged.Add($"{e.File}({e.LineNumber},{e.ColumnNumber}): warning {e.Code}: {e.Message}");

        public void LogMessageEvent(BuildMessageEventArgs e)
        {
        }
    }
}
