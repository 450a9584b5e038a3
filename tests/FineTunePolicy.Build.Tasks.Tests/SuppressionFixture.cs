using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace FineTunePolicy.Build.Tasks.Tests;

/// <summary>
/// A validated project (audit record and stamp written by ValidateFineTunePolicy) with the sample source of the SARIF
/// fixtures, ready to run AuditFineTunePolicySuppressions on.
/// </summary>
public sealed class SuppressionFixture : IDisposable
{
    public const string AnalyzerPath = "/packages/finetunepolicy.analyzers/0.1.0/analyzers/dotnet/cs/FineTunePolicy.Analyzers.dll";

    public SuppressionFixture(string rootSuffix = "")
    {
        Task = new TaskFixture(rootSuffix);
        Task.WriteManifest(Policies.Manifest);
        Task.WriteAllowList(Policies.AllowList);
        Task.AddPackage("OpenAI", "2.15.0");
        Assert.True(Task.Run(), string.Join("\n", Task.Engine.Logged));
        File.Copy(FixtureFile("Program.cs.txt"), SourcePath);

        // Isolates the tests from .editorconfig files above the temporary folder.
        File.WriteAllText(RootEditorConfig, "root = true\n");
        Sources.Add(SourcePath);
        Analyzers.Add(AnalyzerPath);
        Analyzers.Add("/packages/microsoft.codeanalysis.netanalyzers/analyzers/dotnet/cs/Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll");
    }

    public TaskFixture Task { get; }

    public string ProjectDirectory => Task.ProjectDirectory;

    public string RootEditorConfig => Path.Combine(Task.Root, ".editorconfig");

    public string SourcePath => Path.Combine(ProjectDirectory, "Program.cs");

    public string ErrorLogPath => Path.Combine(ProjectDirectory, "obj", "FineTunePolicy.sarif");

    /// <summary>$(ErrorLog) as the targets pass it.</summary>
    public string? ErrorLog { get; set; } = "obj/FineTunePolicy.sarif,version=2.1";

    public List<string> Sources { get; } = new();

    public List<string> Analyzers { get; } = new();

    public List<string> EditorConfigFiles { get; } = new();

    public string? NoWarn { get; set; } = "1701;1702";

    public string? WarningsNotAsErrors { get; set; }

    public string? RunAnalyzers { get; set; }

    public string? RunAnalyzersDuringBuild { get; set; }

    public bool Strict { get; set; }

    public RecordingBuildEngine Engine { get; private set; } = new();

    public AuditFineTunePolicySuppressions? LastTask { get; private set; }

    public static string FixtureFile(string name) => Path.Combine(AppContext.BaseDirectory, "Sarif", name);

    /// <summary>Installs a SARIF fixture as the project's error log, pointing its file URIs at this project.</summary>
    public void UseSarif(string name)
    {
        var text = File.ReadAllText(FixtureFile(name));
        text = text.Replace("file:///tmp/sarifexp/", new Uri(ProjectDirectory + "/").AbsoluteUri);
        File.WriteAllText(ErrorLogPath, text);
    }

    public bool Run()
    {
        Engine = new RecordingBuildEngine();
        var task = new AuditFineTunePolicySuppressions
        {
            BuildEngine = Engine,
            ProjectPath = Task.ProjectPath,
            AuditPath = Task.AuditPath,
            StampPath = Task.StampPath,
            ErrorLog = ErrorLog,
            EditorConfigFiles = EditorConfigFiles.Select(f => (ITaskItem)new TaskItem(f)).ToArray(),
            SourceFiles = Sources.Select(f => (ITaskItem)new TaskItem(f)).ToArray(),
            Analyzers = Analyzers.Select(f => (ITaskItem)new TaskItem(f)).ToArray(),
            NoWarn = NoWarn,
            WarningsNotAsErrors = WarningsNotAsErrors,
            RunAnalyzers = RunAnalyzers,
            RunAnalyzersDuringBuild = RunAnalyzersDuringBuild,
            Strict = Strict,
        };
        LastTask = task;
        return task.Execute();
    }

    /// <summary>The audit record's suppressions section, parsed.</summary>
    public System.Text.Json.JsonElement Section()
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Task.AuditPath));
        return document.RootElement.GetProperty("suppressions").Clone();
    }

    public List<System.Text.Json.JsonElement> Entries() => Section().GetProperty("entries").EnumerateArray().ToList();

    public void Dispose() => Task.Dispose();
}
