namespace FineTunePolicy.Tool.Tests;

/// <summary>Every bad input ends with one clear message and exit code 2, never a stack trace.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly Outputs _outputs = new();

    public void Dispose() => _outputs.Dispose();

    private ToolRun Report(params string[] extra) =>
        ToolRun.Of(new[] { "report", _outputs.Root, "--output", Path.Combine(_outputs.Root, "out"), "--today", "2026-11-30" }.Concat(extra).ToArray());

    private static void AssertUsageError(ToolRun run, string expected)
    {
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("finetune-policy: error: " + expected + Environment.NewLine, run.Error);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFolder_Exit2()
    {
        var run = ToolRun.Of("report", "no-such-folder", "--output", Path.Combine(_outputs.Root, "out"));

        AssertUsageError(run, "The folder no-such-folder does not exist. Give the folders to search (a repository after dotnet build, or a build's artifacts), "
            + "for example: finetune-policy report . --output report");
    }

    [Fact]
    public void TruncatedSarif_Exit2_WithFileLineAndColumn()
    {
        _outputs.Project("A", findings: new[] { ("FTP0001", "error", Messages.Ftp0001, 1) });
        var sarif = Path.Combine(_outputs.Obj("A"), "FineTunePolicy.sarif");
        var text = File.ReadAllText(sarif).Replace("\r", "");
        File.WriteAllText(sarif, text[..(text.Length / 2)]);
        var lines = text[..(text.Length / 2)].Split('\n');

        var run = Report();

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"finetune-policy: error: {_outputs.Root}/A/obj/Debug/net10.0/FineTunePolicy.sarif({lines.Length},", run.Error,
            StringComparison.Ordinal);
        Assert.Contains("): the SARIF log is not valid JSON (", run.Error, StringComparison.Ordinal);
        Assert.EndsWith("A log that ends early was usually cut short by a build that was stopped or ran out of disk; build the project again."
            + Environment.NewLine, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptySarif_Exit2()
    {
        _outputs.Project("A");
        File.WriteAllText(Path.Combine(_outputs.Obj("A"), "FineTunePolicy.sarif"), "");

        AssertUsageError(Report(), $"{_outputs.Root}/A/obj/Debug/net10.0/FineTunePolicy.sarif: the SARIF log is empty. A build that was stopped leaves an "
            + $"empty file; build the project again.");
    }

    [Fact]
    public void AuditRecordOfANewerFormat_Exit2()
    {
        _outputs.Project("A");
        File.WriteAllText(Path.Combine(_outputs.Obj("A"), "FineTunePolicy.audit.json"), Outputs.Audit("openai", "2027-01-01", "2027-01-01", formatVersion: 2));

        AssertUsageError(Report(), $"{_outputs.Root}/A/obj/Debug/net10.0/FineTunePolicy.audit.json: the audit record has format 2, written by a newer "
            + $"FineTunePolicy; this tool reads format 1. Update the tool (dotnet tool update FineTunePolicy.Tool) to the version of the "
            + $"FineTunePolicy.Analyzers package that wrote the record.");
    }

    [Fact]
    public void JsonThatIsNotAnAuditRecord_Exit2()
    {
        _outputs.Project("A");
        File.WriteAllText(Path.Combine(_outputs.Obj("A"), "FineTunePolicy.audit.json"), "{\"name\": 1}");

        AssertUsageError(Report(), $"{_outputs.Root}/A/obj/Debug/net10.0/FineTunePolicy.audit.json: this is not a FineTunePolicy audit record (no "
            + $"'formatVersion'). Audit records are written by the FineTunePolicy build task as obj/<configuration>/<tfm>/FineTunePolicy.audit.json.");
    }

    [Fact]
    public void FolderWithoutOutputs_Exit2()
    {
        AssertUsageError(Report(), $"No audit record (FineTunePolicy.audit.json) and no SARIF log (*.sarif) was found under {_outputs.Root}. Build the "
            + $"projects first (dotnet build writes both into obj/), or point the tool at the folder that holds a build's artifacts.");
    }

    [Fact]
    public void BadToday_Exit2()
    {
        _outputs.Project("A");

        var run = ToolRun.Of("report", _outputs.Root, "--output", Path.Combine(_outputs.Root, "out"), "--today", "30/11/2026");

        AssertUsageError(run, "--today is '30/11/2026', which is not a date. Write it yyyy-MM-dd, for example 2026-06-30.");
    }

    [Fact]
    public void BaselineOfANewerFormat_Exit2()
    {
        _outputs.Project("A");
        var baseline = Path.Combine(_outputs.Root, "old.json");
        File.WriteAllText(baseline, "{\"formatVersion\": 7}");

        AssertUsageError(Report("--baseline", baseline), $"{baseline}: the baseline report has format 7, written by a newer finetune-policy; this tool reads "
            + $"format 1. Update the tool (dotnet tool update FineTunePolicy.Tool).");
    }

    [Fact]
    public void MissingOutputOption_Exit2_WithUsageHint()
    {
        var run = ToolRun.Of("report", _outputs.Root);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("finetune-policy: error: Option '--output' is required." + Environment.NewLine + "Run 'finetune-policy --help' for the commands and their "
            + "options." + Environment.NewLine, run.Error);
    }
}
