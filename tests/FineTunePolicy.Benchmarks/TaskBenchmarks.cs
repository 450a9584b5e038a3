using System.Collections;
using System.Text;
using BenchmarkDotNet.Attributes;
using FineTunePolicy.Build.Tasks;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace FineTunePolicy.Benchmarks;

/// <summary>
/// The build task on a 200-provider allow-list and a 50-use manifest. "Validate" is a run whose outputs already hold
/// the same content (the common case when an input's time stamp changed but not its meaning): parse, check, compare,
/// rewrite only the stamp. "Validate, first run" writes every output. "Up-to-date check" is the work MSBuild does
/// instead of running the task when no input changed (Inputs/Outputs time stamps of FineTunePolicyValidate); that
/// MSBuild really skips the target is proved by the end-to-end tests.
/// </summary>
[MemoryDiagnoser]
public class TaskBenchmarks
{
    public const int Providers = 200;
    public const int Uses = 50;

    private string _root = null!;
    private string[] _inputs = null!;

    private string ProjectPath => Path.Combine(_root, "app", "App.csproj");

    private string Obj(string name) => Path.Combine(_root, "app", "obj", name);

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "ftp-task-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(Path.Combine(_root, "app", "obj"));
        Directory.CreateDirectory(Path.Combine(_root, "policy"));
        File.WriteAllText(ProjectPath, "<Project />");
        File.WriteAllText(Path.Combine(_root, "policy", "allow-list.json"), AllowList());
        File.WriteAllText(Path.Combine(_root, "app", "finetune-policy.json"), Manifest());
        File.WriteAllText(Obj("FineTunePolicy.inputs"), "date=2026-06-01\n");
        _inputs = [Obj("FineTunePolicy.inputs"), Path.Combine(_root, "app", "finetune-policy.json"), Path.Combine(_root, "policy", "allow-list.json"),
            typeof(ValidateFineTunePolicy).Assembly.Location];

        var engine = new CountingBuildEngine();
        if (!NewTask(engine).Execute() || engine.Errors > 0)
        {
            throw new InvalidOperationException("The benchmark policy must validate: " + string.Join("\n", engine.Lines.Take(5)));
        }

        Console.WriteLine($"// {Providers} providers, {Uses} uses: {engine.Warnings} warnings; global config "
            + $"{new FileInfo(Obj("FineTunePolicy.Analyzers.globalconfig")).Length} bytes");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark(Baseline = true, Description = "Validate (outputs unchanged)")]
    public bool Validate() => NewTask(new CountingBuildEngine()).Execute();

    [Benchmark(Description = "Validate, first run (writes outputs)")]
    public bool ValidateFirstRun()
    {
        File.Delete(Obj("FineTunePolicy.Analyzers.globalconfig"));
        File.Delete(Obj("FineTunePolicy.audit.json"));
        File.Delete(Obj("FineTunePolicy.stamp"));
        return NewTask(new CountingBuildEngine()).Execute();
    }

    [Benchmark(Description = "Up-to-date check (what MSBuild does instead of running the task)")]
    public bool UpToDateCheck()
    {
        var stamp = File.GetLastWriteTimeUtc(Obj("FineTunePolicy.stamp"));
        foreach (var input in _inputs)
        {
            if (File.GetLastWriteTimeUtc(input) > stamp)
            {
                return false;
            }
        }

        return true;
    }

    private ValidateFineTunePolicy NewTask(IBuildEngine engine) => new()
    {
        BuildEngine = engine,
        ProjectPath = ProjectPath,
        PackageReferences = [new TaskItem("OpenAI", new Dictionary<string, string> { ["Version"] = "2.15.0" }),
            new TaskItem("Anthropic", new Dictionary<string, string> { ["Version"] = "13.14.0" })],
        Today = "2026-06-01",
        GlobalConfigPath = Obj("FineTunePolicy.Analyzers.globalconfig"),
        AuditPath = Obj("FineTunePolicy.audit.json"),
        StampPath = Obj("FineTunePolicy.stamp"),
        ToolVersion = "0.1.0-bench",
    };

    public static string AllowList()
    {
        var text = new StringBuilder("{\n  \"schemaVersion\": 1,\n  \"organisation\": \"Benchmark\",\n  \"providers\": [\n");
        for (var i = 0; i < Providers; i++)
        {
            var id = i switch { 0 => "openai", 1 => "anthropic", _ => $"provider-{i:D3}" };
            text.Append($"    {{ \"id\": \"{id}\", \"displayName\": \"Provider {i}\", \"contract\": {{ \"hosting\": "
                + $"\"{(i % 3 == 0 ? "internal" : "external")}\", \"trainsOnCustomerData\": false, \"retentionDays\": {i % 30}, \"regions\": [\"eu\", \"us\"], "
                + $"\"isolatedFineTuning\": true, \"certifications\": [\"DPA\", \"SOC2\"] }}, ");
            text.Append("\"ceilings\": { \"inference\": \"Confidential\", \"embedding\": \"Confidential\", \"fineTuning\": \"Internal\" }, \"reviewBy\": "
                + "\"2027-12-31\" }");
            text.Append(i + 1 < Providers ? ",\n" : "\n");
        }

        text.Append("  ],\n  \"requirements\": { \"classes\": { \"Confidential\": { \"trainsOnCustomerData\": false, \"maxRetentionDays\": 30 } } },\n");
        text.Append("  \"sanitizers\": [ { \"method\": \"Contoso.Privacy.Masker.Mask\", \"result\": \"Public\" } ]\n}\n");
        return text.ToString();
    }

    public static string Manifest()
    {
        string[] purposes = ["inference", "embedding", "fineTuning"];
        var text = new StringBuilder("{\n  \"schemaVersion\": 1,\n  \"allowList\": \"../policy/allow-list.json\",\n  \"uses\": [\n");
        for (var i = 0; i < Uses; i++)
        {
            var provider = i switch { 0 => "openai", 1 => "anthropic", _ => $"provider-{i:D3}" };
            var purpose = purposes[i % 3];
            text.Append($"    {{ \"provider\": \"{provider}\", \"purpose\": \"{purpose}\", \"maxClass\": "
                + $"\"{(purpose == "fineTuning" ? "Internal" : "Confidential")}\", \"categories\": [\"Personal\"], \"description\": \"use {i}\" }}");
            text.Append(i + 1 < Uses ? ",\n" : "\n");
        }

        return text.Append("  ]\n}\n").ToString();
    }
}

/// <summary>An <see cref="IBuildEngine"/> that counts what the task logs.</summary>
internal sealed class CountingBuildEngine : IBuildEngine
{
    public int Errors { get; private set; }

    public int Warnings { get; private set; }

    public List<string> Lines { get; } = new();

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => "App.csproj";

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException();

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    public void LogErrorEvent(BuildErrorEventArgs e)
    {
        Errors++;
        Lines.Add($"error {e.Code}: {e.Message}");
    }

    public void LogWarningEvent(BuildWarningEventArgs e)
    {
        Warnings++;
        Lines.Add($"warning {e.Code}: {e.Message}");
    }

    public void LogMessageEvent(BuildMessageEventArgs e)
    {
    }
}
