using System.Text.Json;

namespace FineTunePolicy.Build.Tasks.Tests;

/// <summary>
/// Issue 5 §3, no silent bypass: AuditFineTunePolicySuppressions against real compiler SARIF logs (Sarif/README.md),
/// configuration files and project properties.
/// </summary>
public sealed class SuppressionAuditTests
{
    /// <summary>The codes this task reports, each exercised below (ErrorPathTests checks that every code is covered somewhere).</summary>
    public static readonly string[] CoveredCodes = { "FTP1060", "FTP1061", "FTP1062" };

    private static (int Line, int Column) Finding(SuppressionFixture f, int line)
    {
        var text = File.ReadAllLines(f.SourcePath)[line - 1];
        return (line, text.IndexOf("\"ssn \"", StringComparison.Ordinal) + 1);
    }

    private static string Str(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? "null" : e.GetProperty(name).ToString();

    [Fact]
    public void InSourceSuppressions_AreListedWithLocationAndJustification()
    {
        using var f = new SuppressionFixture();
        f.UseSarif("in-source.sarif");

        Assert.True(f.Run(), string.Join("\n", f.Engine.Logged));

        var entries = f.Entries();
        Assert.Equal(4, entries.Count);
        Assert.All(entries, e => Assert.Equal("FTP0001", Str(e, "rule")));
        Assert.All(entries, e => Assert.Equal("Program.cs", Str(e, "file")));

        var pragmas = entries.Where(e => Str(e, "kind") == "pragma").ToList();
        Assert.Equal(new[] { "25:1:customer asked for it", "35:1:null" },
            pragmas.Select(e => $"{Str(e, "line")}:{Str(e, "column")}:{Str(e, "justification")}"));
        Assert.Equal("26", Str(pragmas[0].GetProperty("finding"), "line"));

        var attributes = entries.Where(e => Str(e, "kind") == "suppressMessage").ToList();
        Assert.Equal(
            new[] { $"31:{Finding(f, 31).Column}:Reviewed: SEC-42, test tenant only", $"41:{Finding(f, 41).Column}:null" },
            attributes.Select(e => $"{Str(e, "line")}:{Str(e, "column")}:{Str(e, "justification")}"));
        Assert.StartsWith("Restricted data from 'Customer.Ssn'", Str(attributes[0].GetProperty("finding"), "message"));

        Assert.True(f.Section().GetProperty("analyzer").GetProperty("ran").GetBoolean());
        Assert.Equal("obj/FineTunePolicy.sarif", Str(f.Section().GetProperty("analyzer"), "errorLog"));
        Assert.Equal(2, f.Section().GetProperty("unjustified").GetInt32());

        // Outside strict mode: one warning per unjustified FTP0001/FTP0002 suppression, at the suppression.
        Assert.All(f.Engine.Logged, l => Assert.False(l.IsError));
        Assert.Equal(
            new[] { ("FTP1060", f.SourcePath, 35, 1), ("FTP1060", f.SourcePath, 41, Finding(f, 41).Column) },
            f.Engine.Warnings.Select(w => (w.Code, w.File, w.Line, w.Column)));
        Assert.Contains("#pragma warning disable FTP0001 // <why", f.Engine.Warnings.First().Message);
    }

    [Fact]
    public void StrictMode_UnjustifiedSuppressions_FailAtTheirLocation_AndFailClosed()
    {
        using var f = new SuppressionFixture { Strict = true };
        f.UseSarif("in-source.sarif");

        var result = true;
        Assert.Null(Record.Exception(() => result = f.Run()));

        Assert.False(result);
        Assert.Equal(
            new[] { ("FTP1060", f.SourcePath, 35, 1), ("FTP1060", f.SourcePath, 41, Finding(f, 41).Column) },
            f.Engine.Errors.Select(w => (w.Code, w.File, w.Line, w.Column)));
        Assert.Equal("https://github.com/finetunepolicy/finetunepolicy/blob/main/docs/rules/FTP1060.md", f.Engine.Errors.First().HelpLink);
        Assert.False(File.Exists(f.Task.AuditPath), "the audit record must be deleted");
        Assert.False(File.Exists(f.Task.StampPath), "the stamp must be deleted, so that the next build validates again");
        Assert.Empty(f.LastTask!.Suppressions);
    }

    [Fact]
    public void StrictMode_PragmaCommentIsTheJustification()
    {
        using var f = new SuppressionFixture { Strict = true };
        f.UseSarif("in-source.sarif");
        var source = File.ReadAllText(f.SourcePath);
        var second = source.LastIndexOf("#pragma warning disable FTP0001\n", StringComparison.Ordinal);
        File.WriteAllText(f.SourcePath, source.Substring(0, second) + "#pragma warning disable FTP0001 // PRIV-77: synthetic data only\n"
            + source.Substring(second + "#pragma warning disable FTP0001\n".Length));

        Assert.False(f.Run());

        // Only the [SuppressMessage] without Justification is left.
        var error = Assert.Single(f.Engine.Errors);
        Assert.Equal(("FTP1060", 41), (error.Code, error.Line));
    }

    [Fact]
    public void StrictMode_AnalyzerRanAndNothingSuppressed_Passes()
    {
        using var f = new SuppressionFixture { Strict = true };
        f.UseSarif("nowarn.sarif");

        Assert.True(f.Run(), string.Join("\n", f.Engine.Logged));
        Assert.Empty(f.Engine.Logged);
        Assert.Empty(f.Entries());
        Assert.Equal(0, f.Section().GetProperty("unjustified").GetInt32());
    }

    [Fact]
    public void NoWarnAndWarningsNotAsErrors_AreCounted_NoWarnOfFtp0001FailsStrictMode()
    {
        using var f = new SuppressionFixture { NoWarn = "1701;CS1591;ftp0001, FTP0003", WarningsNotAsErrors = "FTP0002;CA2000", Strict = true };
        f.UseSarif("nowarn.sarif");

        Assert.False(f.Run());

        var error = Assert.Single(f.Engine.Errors);
        Assert.Equal(("FTP1060", f.Task.ProjectPath, 0, 0), (error.Code, error.File, error.Line, error.Column));
        Assert.Contains("NoWarn cannot carry a justification", error.Message);

        f.Strict = false;
        f.Task.Run();
        Assert.True(f.Run());
        var entries = f.Entries().Select(e => $"{Str(e, "rule")} {Str(e, "kind")} {Str(e, "effect")} {Str(e, "file")}").ToList();
        Assert.Equal(new[] { "FTP0001 noWarn suppressed App.csproj", "FTP0002 warningsNotAsErrors weakened App.csproj", "FTP0003 noWarn suppressed "
            + "App.csproj" }, entries);
    }

    [Theory]
    [InlineData("RunAnalyzers")]
    [InlineData("RunAnalyzersDuringBuild")]
    public void AnalyzersDisabled_IsCounted_AndFailsStrictMode(string property)
    {
        using var f = new SuppressionFixture { Strict = true };
        f.UseSarif("analyzers-off.sarif");
        if (property == "RunAnalyzers")
        {
            f.RunAnalyzers = "false";
        }
        else
        {
            f.RunAnalyzersDuringBuild = "False";
        }

        Assert.False(f.Run());
        var error = Assert.Single(f.Engine.Errors);
        Assert.Equal(("FTP1061", f.Task.ProjectPath), (error.Code, error.File));
        Assert.Contains(property + " is false", error.Message);
        Assert.False(File.Exists(f.Task.AuditPath));
        Assert.False(File.Exists(f.Task.StampPath));

        f.Strict = false;
        f.Task.Run();
        Assert.True(f.Run());
        Assert.Equal("FTP1061", Assert.Single(f.Engine.Warnings).Code);
        var entry = Assert.Single(f.Entries());
        Assert.Equal(("FTP*", "analyzersDisabled", property + "=false"), (Str(entry, "rule"), Str(entry, "kind"), Str(entry, "source")));
        Assert.False(f.Section().GetProperty("analyzer").GetProperty("ran").GetBoolean());
    }

    [Fact]
    public void AnalyzerLogWithoutItsRules_MeansItDidNotRun()
    {
        // RunAnalyzers=false in the log, although the properties say nothing: the compiler did not run analyzers.
        using var f = new SuppressionFixture { Strict = true };
        f.UseSarif("analyzers-off.sarif");

        Assert.False(f.Run());
        var error = Assert.Single(f.Engine.Errors);
        Assert.Equal("FTP1061", error.Code);
        Assert.Contains("lists no analyzer rules at all", error.Message);
    }

    [Fact]
    public void AnalyzerMissingWhileTheTaskRuns_IsCounted_AndFailsStrictMode()
    {
        using var f = new SuppressionFixture { Strict = true };
        f.UseSarif("nowarn.sarif");
        f.Analyzers.Remove(SuppressionFixture.AnalyzerPath);

        Assert.False(f.Run());
        Assert.Equal("FTP1061", Assert.Single(f.Engine.Errors).Code);

        f.Strict = false;
        f.Task.Run();
        Assert.True(f.Run());
        var entry = Assert.Single(f.Entries());
        Assert.Equal(("FTP*", "analyzerMissing"), (Str(entry, "rule"), Str(entry, "kind")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("obj/nowhere.sarif,version=2.1")]
    public void NoCompilerLog_FailsStrictMode_WarnsOtherwise(string? errorLog)
    {
        using var f = new SuppressionFixture { Strict = true, ErrorLog = errorLog };

        Assert.False(f.Run());
        Assert.Equal("FTP1061", Assert.Single(f.Engine.Errors).Code);

        f.Strict = false;
        f.Task.Run();
        Assert.True(f.Run());
        Assert.Equal("FTP1061", Assert.Single(f.Engine.Warnings).Code);
        Assert.Equal(JsonValueKind.Null, f.Section().GetProperty("analyzer").GetProperty("ran").ValueKind);
    }

    [Fact]
    public void Sarif1_IsUnderstood_PragmasAreFoundInTheSource()
    {
        using var f = new SuppressionFixture();
        f.UseSarif("in-source-v1.sarif");
        f.ErrorLog = "obj/FineTunePolicy.sarif";

        Assert.True(f.Run(), string.Join("\n", f.Engine.Logged));
        var kinds = f.Entries().Select(e => $"{Str(e, "kind")}:{Str(e, "line")}:{Str(e, "justification")}").ToList();
        Assert.Equal(new[] { "other:31:null", "other:41:null", "pragma:25:customer asked for it", "pragma:35:null" }, kinds);
        Assert.Equal("1.0.0", Str(f.Section().GetProperty("analyzer"), "sarifVersion"));
    }

    [Fact]
    public void EditorConfigSeverities_AreCounted_WithTheCommentAboveAsJustification()
    {
        using var f = new SuppressionFixture { Strict = true };
        f.UseSarif("nowarn.sarif");
        var editorConfig = Path.Combine(f.ProjectDirectory, ".editorconfig");
        File.WriteAllText(editorConfig, string.Join("\n",
            "[*.cs]",
            "# SEC-7: the legacy exporter only sees synthetic data",
            "dotnet_diagnostic.FTP0002.severity = none",
            "",
            "dotnet_diagnostic.FTP0001.severity = silent",
            "dotnet_diagnostic.FTP0003.severity = suggestion",
            "dotnet_diagnostic.FTP0004.severity = warning",
            "dotnet_diagnostic.FTP0005.severity = error",
            "",
            "[*.md]",
            "dotnet_diagnostic.FTP0006.severity = none",
            "",
            "[{Generated,Legacy}/**.cs]",
            "dotnet_diagnostic.FTP0007.severity = none",
            ""));

        Assert.False(f.Run());
        var error = Assert.Single(f.Engine.Errors);
        Assert.Equal(("FTP1060", editorConfig, 5, 1), (error.Code, error.File, error.Line, error.Column));

        f.Strict = false;
        f.Task.Run();
        Assert.True(f.Run());
        var entries = f.Entries().Select(e => $"{Str(e, "rule")} {Str(e, "effect")} {Str(e, "severity")} {Str(e, "file")}:{Str(e, "line")} "
            + $"{Str(e, "justification")}").ToList();
        Assert.Equal(new[]
        {
            "FTP0001 suppressed silent .editorconfig:5 null",
            "FTP0002 suppressed none .editorconfig:3 SEC-7: the legacy exporter only sees synthetic data",
            "FTP0003 suppressed suggestion .editorconfig:6 null",
            "FTP0004 weakened warning .editorconfig:7 null",
        }, entries);
        Assert.Equal(new[] { "../.editorconfig", ".editorconfig" }, f.Section().GetProperty("configFiles").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void EditorConfigDiscovery_WalksUpToRootTrue()
    {
        using var f = new SuppressionFixture();
        f.UseSarif("nowarn.sarif");
        File.WriteAllText(f.RootEditorConfig, "root = true\n[*.cs]\ndotnet_diagnostic.FTP0003.severity = none\n");
        var src = Path.Combine(f.ProjectDirectory, "src", "deep");
        Directory.CreateDirectory(src);
        File.Move(f.SourcePath, Path.Combine(src, "Program.cs"));
        f.Sources.Clear();
        f.Sources.Add(Path.Combine(src, "Program.cs"));
        File.WriteAllText(Path.Combine(f.ProjectDirectory, "src", ".editorconfig"), "[deep/*.cs]\ndotnet_diagnostic.FTP0005.severity = "
            + "none\n[other/*.cs]\ndotnet_diagnostic.FTP0006.severity = none\n");

        Assert.True(f.Run());
        Assert.Equal(new[] { "FTP0003 ../.editorconfig", "FTP0005 src/.editorconfig" }, f.Entries().Select(e => $"{Str(e, "rule")} {Str(e, "file")}"));

        // root = true in the project folder hides the file above it.
        File.WriteAllText(Path.Combine(f.ProjectDirectory, ".editorconfig"), "root = true\n");
        f.Task.Run();
        Assert.True(f.Run());
        Assert.Equal(new[] { "FTP0005 src/.editorconfig" }, f.Entries().Select(e => $"{Str(e, "rule")} {Str(e, "file")}"));
    }

    [Fact]
    public void GlobalConfig_CategoryAndAllAnalyzerSeverities_CoverEveryRule()
    {
        using var f = new SuppressionFixture();
        f.UseSarif("nowarn.sarif");
        var global = Path.Combine(f.Task.Root, "company.globalconfig");
        File.WriteAllText(global, "is_global = true\n# ARCH-1: rolled out later\ndotnet_analyzer_diagnostic.category-FineTunePolicy.severity = "
            + "none\n[/elsewhere/File.cs]\ndotnet_diagnostic.FTP0001.severity = none\n");
        f.EditorConfigFiles.Add(global);
        f.EditorConfigFiles.Add(Path.Combine(f.Task.Root, "missing.globalconfig"));

        Assert.True(f.Run());
        var entries = f.Entries();
        // Every analyzer rule, FTP0008 to FTP0010 included (the contract tests compare the list with the compiler's).
        Assert.Equal(10, entries.Count);
        Assert.All(entries, e => Assert.Equal("ARCH-1: rolled out later", Str(e, "justification")));
        Assert.Equal(
            new[] { "FTP0001", "FTP0002", "FTP0003", "FTP0004", "FTP0005", "FTP0006", "FTP0007", "FTP0008", "FTP0009", "FTP0010" },
            entries.Select(e => Str(e, "rule")));
        Assert.Empty(f.Engine.Logged);
    }

    [Fact]
    public void InventorySwitch_IsNoSuppression()
    {
        // FTP0100 lists LLM use and finds nothing: the package's own global config turns it on with severity suggestion, and
        // turning it off (in a config file or in NoWarn) suppresses no finding.
        using var f = new SuppressionFixture { NoWarn = "FTP0100;FTP0003" };
        f.UseSarif("nowarn.sarif");
        var global = Path.Combine(f.Task.Root, "FineTunePolicy.Inventory.globalconfig");
        File.WriteAllText(global, "is_global = true\nglobal_level = -1\ndotnet_diagnostic.FTP0100.severity = suggestion\n");
        f.EditorConfigFiles.Add(global);
        File.WriteAllText(Path.Combine(f.ProjectDirectory, ".editorconfig"), "[*.cs]\ndotnet_diagnostic.FTP0100.severity = none\n");

        Assert.True(f.Run());
        Assert.Equal(new[] { "FTP0003 noWarn" }, f.Entries().Select(e => $"{Str(e, "rule")} {Str(e, "kind")}"));
    }

    [Theory]
    [InlineData("*.cs", "a/b/File.cs", true)]
    [InlineData("*.cs", "File.md", false)]
    [InlineData("/src/*.cs", "src/File.cs", true)]
    [InlineData("/src/*.cs", "src/sub/File.cs", false)]
    [InlineData("src/**.cs", "src/sub/File.cs", true)]
    [InlineData("*.{cs,vb}", "x/File.vb", true)]
    [InlineData("{Legacy,Old}/*.cs", "Legacy/File.cs", true)]
    [InlineData("{Legacy,Old}/*.cs", "New/File.cs", false)]
    [InlineData("File[0-9].cs", "File7.cs", true)]
    [InlineData("File[!0-9].cs", "File7.cs", false)]
    [InlineData("File{1..3}.cs", "File2.cs", true)]
    [InlineData("{unclosed", "anything.cs", true)]
    public void EditorConfigSections_MatchLikeTheCompiler(string section, string relative, bool expected)
    {
        var directory = Path.Combine(Path.GetTempPath(), "ftp-glob");
        Assert.Equal(expected, FineTunePolicy.Build.Tasks.Suppressions.EditorConfigScanner.SectionApplies(section, directory,
            new[] { Path.Combine(directory, relative) }));
    }

    [Theory]
    [InlineData("{ \"version\": \"2.1.0\" }")]
    [InlineData("not json at all")]
    [InlineData("")]
    public void UnreadableCompilerLog_IsACodedError_AndFailsClosed(string content)
    {
        using var f = new SuppressionFixture();
        File.WriteAllText(f.ErrorLogPath, content);

        var result = true;
        Assert.Null(Record.Exception(() => result = f.Run()));
        Assert.False(result);
        var error = f.Engine.Errors.First();
        Assert.Equal(("FTP1062", f.ErrorLogPath), (error.Code, error.File));
        Assert.False(File.Exists(f.Task.AuditPath));
        Assert.False(File.Exists(f.Task.StampPath));
    }

    [Fact]
    public void CorruptOrMissingAuditRecord_IsACodedError()
    {
        using var f = new SuppressionFixture();
        f.UseSarif("nowarn.sarif");
        File.WriteAllText(f.Task.AuditPath, "{ \"formatVersion\": 1, ");
        Assert.False(f.Run());
        Assert.Equal(("FTP1062", f.Task.AuditPath), (f.Engine.Errors.First().Code, f.Engine.Errors.First().File));
        Assert.False(File.Exists(f.Task.StampPath));

        Assert.False(f.Run());
        Assert.Equal("FTP1062", f.Engine.Errors.First().Code);
    }

    [Fact]
    public void UnreadableEditorConfig_IsACodedError()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // symbolic links need a privilege on Windows
        }

        using var f = new SuppressionFixture();
        f.UseSarif("nowarn.sarif");

        // As root, permissions do not stop reading: a link that loops is honestly unreadable.
        var loop = Path.Combine(f.Task.Root, "loop.globalconfig");
        File.CreateSymbolicLink(loop, loop + ".2");
        File.CreateSymbolicLink(loop + ".2", loop);
        var dangling = Path.Combine(f.ProjectDirectory, ".editorconfig");
        File.CreateSymbolicLink(dangling, Path.Combine(f.Task.Root, "gone"));

        var result = true;
        Assert.Null(Record.Exception(() => result = f.Run()));
        Assert.False(result);
        Assert.Contains(f.Engine.Errors, e => e.Code == "FTP1062" && e.File == dangling);
    }

    [Fact]
    public void PathsWithSpacesAndNonAscii_AreReportedRelative()
    {
        using var f = new SuppressionFixture(" dossier été Ω");
        f.UseSarif("in-source.sarif");

        Assert.True(f.Run(), string.Join("\n", f.Engine.Logged));
        Assert.All(f.Entries(), e => Assert.Equal("Program.cs", Str(e, "file")));
        Assert.Equal(f.SourcePath, f.Engine.Warnings.First().File);
    }

    [Fact]
    public void RestOfTheAuditRecord_IsUnchanged_AndRerunsAreIdempotent()
    {
        using var f = new SuppressionFixture();
        f.UseSarif("in-source.sarif");
        var before = File.ReadAllText(f.Task.AuditPath);

        Assert.True(f.Run());
        var after = File.ReadAllText(f.Task.AuditPath);
        Assert.Equal(before.Length, before.Replace("\r", string.Empty).Length);
        Assert.DoesNotContain("\r", after);
        Assert.Equal(Without(before, "suppressions"), Without(after, "suppressions"));

        // The validation is skipped on an incremental build: the section is replaced, not added twice.
        Assert.True(f.Run());
        Assert.Equal(after, File.ReadAllText(f.Task.AuditPath));

        static string Without(string json, string key)
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
            node.Remove(key);
            return node.ToJsonString();
        }
    }

    [Fact]
    public void SameInputsAndDate_GiveAByteIdenticalAuditRecord_Across20Runs()
    {
        byte[]? first = null;
        for (var run = 0; run < 20; run++)
        {
            // A fresh validation and audit each time, in the same folder layout.
            using var f = new SuppressionFixture();
            f.UseSarif("in-source.sarif");
            f.NoWarn = "FTP0003";
            f.WarningsNotAsErrors = "FTP0002";
            File.WriteAllText(Path.Combine(f.ProjectDirectory, ".editorconfig"), "[*.cs]\n# reviewed\ndotnet_diagnostic.FTP0005.severity = none\n");
            Assert.True(f.Run(), string.Join("\n", f.Engine.Logged));

            // Only the temporary folder's name differs between runs, and the record holds relative paths only.
            var bytes = File.ReadAllBytes(f.Task.AuditPath);
            Assert.DoesNotContain(f.Task.Root, System.Text.Encoding.UTF8.GetString(bytes));
            first ??= bytes;
            Assert.Equal(first, bytes);
        }
    }
}
