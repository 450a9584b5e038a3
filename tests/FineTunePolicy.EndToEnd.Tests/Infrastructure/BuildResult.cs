using System.Text.Json;
using Microsoft.Build.Logging.StructuredLogger;

namespace FineTunePolicy.EndToEnd.Tests.Infrastructure;

/// <summary>A diagnostic as a build reported it: from SARIF (analyzer) or from the binary log (task).</summary>
public sealed record Finding(string Id, string Severity, string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{Path.GetFileName(File)}({Line},{Column}): {Severity} {Id}: {Message}";
}

/// <summary>One dotnet build: exit code, console output, the analyzer's SARIF results and the binary log.</summary>
/// <summary>An entry of the inventory of LLM use (FTP0100) in a SARIF log: its level, place, message and properties.</summary>
public sealed record InventoryEntry(string Level, string File, int Line, string Message, IReadOnlyDictionary<string, string> Properties);

public sealed class BuildResult
{
    private readonly Lazy<Build> _binlog;

    public BuildResult(string step, ProcessResult process, string sarifPath, string binlogPath)
    {
        Step = step;
        Process = process;
        SarifPath = sarifPath;
        BinlogPath = binlogPath;
        _binlog = new Lazy<Build>(() => BinaryLog.ReadBuild(binlogPath));
        var results = ReadSarif(sarifPath);
        AnalyzerFindings = results.Findings;
        Inventory = results.Inventory;
    }

    public string Step { get; }

    public ProcessResult Process { get; }

    public int ExitCode => Process.ExitCode;

    public string SarifPath { get; }

    public string BinlogPath { get; }

    /// <summary>
    /// FTP0xxx results from the compiler's SARIF log (suppressed ones left out); empty when the compiler did not run. The
    /// inventory of LLM use (FTP0100), which every build with a SARIF log writes, is no finding: see <see cref="Inventory"/>.
    /// </summary>
    public IReadOnlyList<Finding> AnalyzerFindings { get; }

    /// <summary>The inventory of LLM use (FTP0100 entries) in the compiler's SARIF log, with their properties.</summary>
    public IReadOnlyList<InventoryEntry> Inventory { get; }

    /// <summary>Whether the compiler wrote a SARIF log in this build.</summary>
    public bool CompilerRan => File.Exists(SarifPath);

    /// <summary>FTP1xxx errors and warnings from the binary log.</summary>
    public IReadOnlyList<Finding> TaskFindings => BuildLog.FindChildrenRecursive<AbstractDiagnostic>()
        .Where(d => d.Code != null && d.Code.StartsWith("FTP1", StringComparison.Ordinal))
        .Select(d => new Finding(d.Code, d is Error ? "error" : "warning", d.File ?? "", d.LineNumber, d.ColumnNumber, d.Text))
        .Distinct()
        .ToList();

    public Build BuildLog => _binlog.Value;

    /// <summary>True when ValidateFineTunePolicy executed; false when FineTunePolicyValidate was skipped as up to date.</summary>
    public bool TaskRan => BuildLog.FindChildrenRecursive<Microsoft.Build.Logging.StructuredLogger.Task>(t => t.Name == "ValidateFineTunePolicy").Any();

    /// <summary>The FineTunePolicyValidate target as the binary log recorded it.</summary>
    public Target ValidateTarget => BuildLog.FindChildrenRecursive<Target>(t => t.Name == "FineTunePolicyValidate").Single();

    /// <summary>Everything a failed assertion needs to explain itself.</summary>
    public string Describe()
    {
        return $"step '{Step}', exit code {ExitCode}\nanalyzer: {string.Join("\n  ", AnalyzerFindings)}\n" +
            $"task: {string.Join("\n  ", TaskFindings)}\noutput:\n{Process.Output}";
    }

    private static (IReadOnlyList<Finding> Findings, IReadOnlyList<InventoryEntry> Inventory) ReadSarif(string path)
    {
        if (!File.Exists(path))
        {
            return (Array.Empty<Finding>(), Array.Empty<InventoryEntry>());
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var findings = new List<Finding>();
        var inventory = new List<InventoryEntry>();
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            if (!run.TryGetProperty("results", out var results))
            {
                continue;
            }

            foreach (var result in results.EnumerateArray())
            {
                var id = result.GetProperty("ruleId").GetString()!;
                var suppressed = result.TryGetProperty("suppressions", out var suppressions) && suppressions.GetArrayLength() > 0;
                if (!id.StartsWith("FTP", StringComparison.Ordinal) || suppressed)
                {
                    continue;
                }

                var level = result.TryGetProperty("level", out var l) ? l.GetString()! : "warning";
                var message = result.GetProperty("message").GetProperty("text").GetString()!;
                var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
                var uri = location.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
                var region = location.GetProperty("region");
                if (id == "FTP0100")
                {
                    var properties = result.TryGetProperty("properties", out var p) && p.TryGetProperty("customProperties", out var custom)
                        ? custom.EnumerateObject().ToDictionary(e => e.Name, e => e.Value.GetString()!)
                        : new Dictionary<string, string>();
                    inventory.Add(new InventoryEntry(level, new Uri(uri).LocalPath, region.GetProperty("startLine").GetInt32(), message, properties));
                    continue;
                }

                findings.Add(new Finding(id, level, new Uri(uri).LocalPath, region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn")
                    .GetInt32(), message));
            }
        }

        return (findings, inventory);
    }
}
