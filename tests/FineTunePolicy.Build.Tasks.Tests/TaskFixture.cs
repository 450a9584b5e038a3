using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace FineTunePolicy.Build.Tasks.Tests;

/// <summary>A temporary project folder with a manifest and an allow-list, and a way to run the task on it.</summary>
public sealed class TaskFixture : IDisposable
{
    /// <param name="rootSuffix">Appended to the temporary folder's name, for paths with spaces and non-ASCII characters.</param>
    public TaskFixture(string rootSuffix = "")
    {
        Root = Path.Combine(Path.GetTempPath(), "ftp-task-" + Guid.NewGuid().ToString("N") + rootSuffix);
        Directory.CreateDirectory(Path.Combine(Root, "policy"));
        Directory.CreateDirectory(Path.Combine(Root, "app", "obj"));
        File.WriteAllText(ProjectPath, "<Project />");
    }

    public string Root { get; }

    public string ProjectDirectory => Path.Combine(Root, "app");

    public string ProjectPath => Path.Combine(ProjectDirectory, "App.csproj");

    public string ManifestPath => Path.Combine(ProjectDirectory, "finetune-policy.json");

    public string AllowListPath => Path.Combine(Root, "policy", "allow-list.json");

    public string GlobalConfigPath => Path.Combine(ProjectDirectory, "obj", "FineTunePolicy.Analyzers.globalconfig");

    public string AuditPath => Path.Combine(ProjectDirectory, "obj", "FineTunePolicy.audit.json");

    public string StampPath => Path.Combine(ProjectDirectory, "obj", "FineTunePolicy.stamp");

    public RecordingBuildEngine Engine { get; private set; } = new();

    public bool Strict { get; set; }

    public string Today { get; set; } = "2026-03-01";

    public string? AllowListOverride { get; set; }

    public List<ITaskItem> Packages { get; } = new();

    public ValidateFineTunePolicy? LastTask { get; private set; }

    public void WriteManifest(string json) => File.WriteAllText(ManifestPath, json);

    public void WriteAllowList(string json) => File.WriteAllText(AllowListPath, json);

    public void AddPackage(string id, string version) =>
        Packages.Add(new TaskItem(id, new Dictionary<string, string> { ["Version"] = version }));

    /// <summary>Runs the task; asserts it never throws.</summary>
    public bool Run()
    {
        Engine = new RecordingBuildEngine();
        var task = new ValidateFineTunePolicy
        {
            BuildEngine = Engine,
            ProjectPath = ProjectPath,
            AllowListPath = AllowListOverride,
            PackageReferences = Packages.ToArray(),
            Strict = Strict,
            Today = Today,
            GlobalConfigPath = GlobalConfigPath,
            AuditPath = AuditPath,
            StampPath = StampPath,
            ToolVersion = "1.2.3-test",
        };
        LastTask = task;
        return task.Execute();
    }

    /// <summary>Pre-creates the outputs so that a failing run must delete them.</summary>
    public void SeedStaleOutputs()
    {
        File.WriteAllText(GlobalConfigPath, "is_global = true\nfinetune_policy.mode = stale\n");
        File.WriteAllText(AuditPath, "{}\n");
        File.WriteAllText(StampPath, "stale\n");
    }

    public string ReadGlobalConfig() => File.ReadAllText(GlobalConfigPath, Encoding.UTF8);

    public string ReadAudit() => File.ReadAllText(AuditPath, Encoding.UTF8);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
