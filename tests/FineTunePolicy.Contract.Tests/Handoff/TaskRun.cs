extern alias task;
using System.Collections;
using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using ValidateFineTunePolicy = task::FineTunePolicy.Build.Tasks.ValidateFineTunePolicy;

namespace FineTunePolicy.Contract.Tests.Handoff;

/// <summary>
/// Runs the real validation task on an allow-list and a manifest laid out as in a repository
/// (policy/allow-list.json, app/finetune-policy.json) and returns the global config it hands to the analyzer.
/// </summary>
internal static class TaskRun
{
    /// <summary>The judged date: before every review and expiry date of the documentation's examples.</summary>
    public const string Today = "2026-06-01";

    /// <summary>The example allow-list and manifest of docs/policy-files.md, so that the page's handoff example is real.</summary>
    public static (string AllowList, string Manifest) DocumentedExamples()
    {
        var page = File.ReadAllText(RepositoryPaths.Of("docs/policy-files.md")).Replace("\r\n", "\n");
        return (JsonBlockAfter(page, "## Example allow-list"), JsonBlockAfter(page, "## Example manifest"));
    }

    /// <summary>The global config the task writes; the test fails with the task's messages when it does not pass.</summary>
    public static string GlobalConfig(string? allowList, string? manifest)
    {
        var root = Path.Combine(Path.GetTempPath(), "ftp-contract-" + Guid.NewGuid().ToString("N"));
        var app = Path.Combine(root, "app");
        Directory.CreateDirectory(app);
        Directory.CreateDirectory(Path.Combine(root, "policy"));
        try
        {
            if (allowList != null)
            {
                File.WriteAllText(Path.Combine(root, "policy", "allow-list.json"), allowList);
            }

            if (manifest != null)
            {
                File.WriteAllText(Path.Combine(app, "finetune-policy.json"), manifest);
            }

            var engine = new Engine();
            var validate = new ValidateFineTunePolicy
            {
                BuildEngine = engine,
                ProjectPath = Path.Combine(app, "app.csproj"),
                ManifestPath = Path.Combine(app, "finetune-policy.json"),
                Today = Today,
                GlobalConfigPath = Path.Combine(app, "obj", "FineTunePolicy.Analyzers.globalconfig"),
                AuditPath = Path.Combine(app, "obj", "FineTunePolicy.audit.json"),
                StampPath = Path.Combine(app, "obj", "FineTunePolicy.stamp"),
            };
            var passed = validate.Execute();
            Assert.True(passed && engine.Errors.Count == 0, "the task failed: " + string.Join(Environment.NewLine, engine.Errors));
            return File.ReadAllText(validate.GlobalConfigPath);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string JsonBlockAfter(string page, string heading)
    {
        var match = new Regex("^" + Regex.Escape(heading) + "\n\n```json\n(.*?)```\n", RegexOptions.Singleline | RegexOptions.Multiline).Match(page);
        Assert.True(match.Success, $"docs/policy-files.md has no JSON block under '{heading}'");
        return match.Groups[1].Value;
    }

    /// <summary>Records errors; the rest of what the task logs is not needed here.</summary>
    private sealed class Engine : IBuildEngine
    {
        public List<string> Errors { get; } = new();

        public bool ContinueOnError => false;

        public int LineNumberOfTaskNode => 0;

        public int ColumnNumberOfTaskNode => 0;

        public string ProjectFileOfTaskNode => "app.csproj";

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
            throw new NotSupportedException();

        public void LogCustomEvent(CustomBuildEventArgs e)
        {
        }

        public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add($"{e.File}({e.LineNumber},{e.ColumnNumber}): {e.Code}: {e.Message}");

        public void LogWarningEvent(BuildWarningEventArgs e)
        {
        }

        public void LogMessageEvent(BuildMessageEventArgs e)
        {
        }
    }
}
