using System.Diagnostics;
using System.Text;

namespace FineTunePolicy.Build.Tasks.Tests;

/// <summary>
/// Issue 5 §2: bad policy input of every kind fails closed with a coded FTP1xxx error that names the file (and the
/// line and column where a position makes sense): no exception, Execute() false, no outputs left, bounded time.
/// The exact messages of one case per code are pinned by <see cref="ErrorPathTests"/>; here the point is breadth.
/// </summary>
public sealed class BadPolicyInputTests
{
    /// <summary>A bad input: what to write, and the error expected first.</summary>
    public sealed record BadInput(string Name, string Code, Where File, (int Line, int Column)? Position, Action<TaskFixture> Arrange,
        string? MessagePart = null, string? FileSuffix = null)
    {
        public override string ToString() => Name;
    }

    private static readonly string DeepArrays = new string('[', 10_000) + new string(']', 10_000);

    public static readonly BadInput[] Cases =
    {
        new("EmptyManifest", "FTP1005", Where.Manifest, (1, 1), f => f.WriteManifest(string.Empty), "is empty"),
        new("WhitespaceOnlyAllowList", "FTP1005", Where.AllowList, (3, 1), f => f.WriteAllowList("  \n\t\n")),
        new("TruncatedManifest", "FTP1005", Where.Manifest, (8, 62),
            f => f.WriteManifest(Policies.Manifest.Substring(0, Policies.Manifest.IndexOf("\"maxClass\": \"Restricted\"", StringComparison.Ordinal) + 5))),
        new("TruncatedAllowListAtEnd", "FTP1005", Where.AllowList, null, f => f.WriteAllowList(Policies.AllowList.TrimEnd().TrimEnd('}'))),
        new("ManifestIsYaml", "FTP1005", Where.Manifest, (1, 1), f => f.WriteManifest("schemaVersion: 1\nallowList: ../policy/allow-list.json\n")),
        new("AllowListIsXml", "FTP1005", Where.AllowList, (1, 1), f => f.WriteAllowList("<allowList><provider id=\"openai\"/></allowList>")),
        new("ManifestIsBinary", "FTP1005", Where.Manifest, (1, 1), f =>
            File.WriteAllBytes(f.ManifestPath, new byte[] { 0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0 })),
        new("ManifestHasComment", "FTP1005", Where.Manifest, (2, 3), f => f.WriteManifest("{\n  // who wrote this\n" + Policies.Manifest.Substring(2))),
        new("TwoRootValues", "FTP1005", Where.Manifest, null, f => f.WriteManifest(Policies.Manifest + "{}")),
        new("UsesIsAString", "FTP1010", Where.Manifest, null, f => f.WriteManifest(ReplaceUses(Policies.Manifest, "\"openai\""))),
        new("RetentionIsBoolean", "FTP1010", Where.AllowList, null, f =>
            f.WriteAllowList(Policies.AllowList.ReplaceOnce("\"retentionDays\": 30,", "\"retentionDays\": true,"))),
        new("RootIsNumber", "FTP1010", Where.AllowList, (1, 1), f => f.WriteAllowList("42")),
        new("UnknownRootKeyInManifest", "FTP1012", Where.Manifest, null, f =>
            f.WriteManifest(Policies.Manifest.ReplaceOnce("\"schemaVersion\": 1,", "\"schemaVersion\": 1,\n  \"owner\": \"team\","))),
        new("DuplicateProviderIds", "FTP1020", Where.AllowList, null, f =>
            f.WriteAllowList(Policies.AllowList.ReplaceOnce("\"id\": \"contoso-gateway\"", "\"id\": \"llamasharp\""))),
        new("DuplicateApprovalIds", "FTP1022", Where.Manifest, null, f => f.WriteManifest(Policies.Manifest.ReplaceOnce(
            "\"covers\": [ { \"provider\": \"azure-openai\", \"purpose\": \"fineTuning\" } ]\n    }",
            "\"covers\": [ { \"provider\": \"azure-openai\", \"purpose\": \"fineTuning\" } ]\n    },\n    { \"id\": \"APR-1042\", \"who\": \"Joe\", \"role\": "
                + "\"team-lead\", \"approvedOn\": \"2026-01-01\", \"expires\": \"2026-12-31\", \"covers\": [ { \"dataset\": \"support-tickets-2025\" } ] }"))),
        new("UnknownClass", "FTP1013", Where.Manifest, null, f =>
            f.WriteManifest(Policies.Manifest.ReplaceOnce("\"maxClass\": \"Internal\" }", "\"maxClass\": \"Secret\" }"))),
        new("UnknownPurpose", "FTP1013", Where.Manifest, null, f =>
            f.WriteManifest(Policies.Manifest.ReplaceOnce("{ \"provider\": \"anthropic\", \"purpose\": \"inference\"", "{ \"provider\": \"anthropic\", "
            + "\"purpose\": \"training\""))),
        new("UnknownCategoryKey", "FTP1012", Where.AllowList, null, f =>
            f.WriteAllowList(Policies.AllowList.ReplaceOnce("\"Payment\": {", "\"Biometric\": {"))),
        new("UnknownCategoryValue", "FTP1013", Where.Manifest, null, f =>
            f.WriteManifest(Policies.Manifest.ReplaceOnce("\"categories\": [\"Personal\"], \"description\"", "\"categories\": [\"Biometric\"], "
            + "\"description\""))),
        new("UnknownProvider", "FTP1030", Where.Manifest, null, f =>
            f.WriteManifest(Policies.Manifest.ReplaceOnce("{ \"provider\": \"anthropic\", \"purpose\": \"inference\"", "{ \"provider\": \"gemini\", "
            + "\"purpose\": \"inference\""))),
        new("ImpossibleDateFebruary30", "FTP1014", Where.AllowList, null, f =>
            f.WriteAllowList(Policies.AllowList.ReplaceOnce("\"reviewBy\": \"2026-09-30\"", "\"reviewBy\": \"2026-02-30\""))),
        new("ImpossibleMonth13", "FTP1014", Where.Manifest, null, f =>
            f.WriteManifest(Policies.Manifest.ReplaceOnce("\"approvedOn\": \"2026-01-15\"", "\"approvedOn\": \"2026-13-01\""))),
        new("DateWithTime", "FTP1014", Where.Manifest, null, f =>
            f.WriteManifest(Policies.Manifest.ReplaceOnce("\"expires\": \"2026-12-31\"", "\"expires\": \"2026-12-31T00:00:00Z\""))),
        new("NotADateAtAll", "FTP1014", Where.Manifest, null, f =>
            f.WriteManifest(Policies.Manifest.ReplaceOnce("\"expires\": \"2026-12-31\"", "\"expires\": \"next year\""))),
        new("Utf8BomWithError", "FTP1005", Where.Manifest, (2, 15),
            f => File.WriteAllBytes(f.ManifestPath, Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{\n  \"allowList\" \"x\"\n}")).ToArray())),
        new("Utf16LeWithError", "FTP1005", Where.AllowList, (2, 15),
            f => File.WriteAllBytes(f.AllowListPath, new UnicodeEncoding(false, true).GetPreamble()
                .Concat(new UnicodeEncoding(false, false).GetBytes("{\n  \"providers\" []\n}")).ToArray())),
        new("Utf16BeWithError", "FTP1005", Where.AllowList, (2, 15),
            f => File.WriteAllBytes(f.AllowListPath, new UnicodeEncoding(true, true).GetPreamble()
                .Concat(new UnicodeEncoding(true, false).GetBytes("{\n  \"providers\" []\n}")).ToArray())),
        new("Utf16BrokenSurrogate", "FTP1004", Where.AllowList, (0, 0),
            f => File.WriteAllBytes(f.AllowListPath, new byte[] { 0xFE, 0xFF, 0x00, 0x7B, 0xDC, 0x00, 0x00, 0x7D })),
        new("ManifestOf20MB", "FTP1008", Where.Manifest, null,
            f => WriteLarge(f.ManifestPath, 20 * 1024 * 1024), "at least 20971520 bytes"),
        new("AllowListOneByteOverTheLimit", "FTP1008", Where.AllowList, null,
            f => WriteLarge(f.AllowListPath, 5 * 1024 * 1024 + 1)),
        new("ManifestNested10000Deep", "FTP1018", Where.Manifest, (1, 65), f => f.WriteManifest(DeepArrays), "more than 64 levels"),
        new("AllowListNested10000DeepInsideAKey", "FTP1018", Where.AllowList, (2, 126),
            f => f.WriteAllowList("{\n  \"schemaVersion\": 1, \"organisation\": \"Contoso\", \"providers\": " + DeepArrays + "\n}")),
        new("ManifestIsAFolder", "FTP1009", Where.Manifest, (0, 0), f => { File.Delete(f.ManifestPath); Directory.CreateDirectory(f.ManifestPath); }),
        new("AllowListIsAFolder", "FTP1009", Where.AllowList, (0, 0), f => { File.Delete(f.AllowListPath); Directory.CreateDirectory(f.AllowListPath); }),
        new("ManifestIsASymlinkLoop", "FTP1004", Where.Manifest, (0, 0), f =>
        {
            File.Delete(f.ManifestPath);
            File.CreateSymbolicLink(f.ManifestPath, f.ManifestPath + ".other");
            File.CreateSymbolicLink(f.ManifestPath + ".other", f.ManifestPath);
        }, "symbolic link"),
        new("ManifestIsADanglingSymlink", "FTP1004", Where.Manifest, (0, 0), f =>
        {
            File.Delete(f.ManifestPath);
            File.CreateSymbolicLink(f.ManifestPath, Path.Combine(f.Root, "gone.json"));
        }, "symbolic link"),
        new("ManifestIsASelfLoopSymlink", "FTP1004", Where.Manifest, (0, 0), f => OddFiles.Link(f.ManifestPath, f.ManifestPath), "loops back on itself"),
        new("ManifestIsAFifo", "FTP1004", Where.Manifest, (0, 0), f => OddFiles.MakeFifo(f.ManifestPath), "named pipe (FIFO)"),
        new("AllowListIsAFifo", "FTP1004", Where.AllowList, (0, 0), f => OddFiles.MakeFifo(f.AllowListPath), "named pipe (FIFO)"),
        new("ManifestIsASymlinkToDevZero", "FTP1008", Where.Manifest, (0, 0), f => OddFiles.Link(f.ManifestPath, "/dev/zero"), "at least 5242881 bytes"),
        new("AllowListIsASymlinkToDevZero", "FTP1008", Where.AllowList, (0, 0), f => OddFiles.Link(f.AllowListPath, "/dev/zero"), "at least 5242881 bytes"),
        new("AllowListUnderAFile", "FTP1004", Where.AllowList, (0, 0), f =>
        {
            // The manifest names policy/allow-list.json/inner.json: its parent is a file.
            f.WriteManifest(Policies.Manifest.ReplaceOnce("\"../policy/allow-list.json\"", "\"../policy/allow-list.json/inner.json\""));
        }, "is a file, not a folder", FileSuffix: "/inner.json"),
        new("ManifestPointsAtMissingAllowList", "FTP1002", Where.Manifest, null, f =>
            f.WriteManifest(Policies.Manifest.ReplaceOnce("\"../policy/allow-list.json\"", "\"../policy/allow-list-2027.json\""))),
        new("AllowListPathWithNulCharacter", "FTP1002", Where.Manifest, null, f =>
            f.WriteManifest(Policies.Manifest.ReplaceOnce("\"../policy/allow-list.json\"", "\"../policy/\\u0000.json\"")), "not a valid path"),
    };

    public static IEnumerable<object[]> Data => Cases.Select(c => new object[] { c });

    [Theory]
    [MemberData(nameof(Data))]
    public void BadInput_FailsClosedWithACodedPositionedError(BadInput input)
    {
        using var fixture = new TaskFixture();
        fixture.WriteManifest(Policies.Manifest);
        fixture.WriteAllowList(Policies.AllowList);
        fixture.AddPackage("OpenAI", "2.15.0");
        fixture.SeedStaleOutputs();
        if ((input.Name.Contains("Symlink", StringComparison.Ordinal) || input.Name.Contains("Fifo", StringComparison.Ordinal)) && !OddFiles.Supported)
        {
            return; // creating symbolic links needs a privilege on Windows, and named pipes are Unix only
        }

        input.Arrange(fixture);

        var watch = Stopwatch.StartNew();
        var result = true;
        var exception = Record.Exception(() => result = fixture.Run());
        watch.Stop();

        Assert.Null(exception);
        Assert.False(result);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.NotEmpty(fixture.Engine.Errors);
        Assert.All(fixture.Engine.Logged, l => Assert.Matches("^FTP1[0-9]{3}$", l.Code));
        Assert.DoesNotContain(fixture.Engine.Logged, l => l.Code == "FTP1999");
        var first = fixture.Engine.Errors.First();
        Assert.True(input.Code == first.Code, $"expected {input.Code}, got {first}");
        Assert.Equal((input.File == Where.AllowList ? fixture.AllowListPath : fixture.ManifestPath)
            + input.FileSuffix?.Replace('/', Path.DirectorySeparatorChar), first.File);
        if (input.Position is { } position)
        {
            Assert.Equal(position, (first.Line, first.Column));
        }
        else if (input.Code != "FTP1008")
        {
            Assert.True(first.Line > 0 && first.Column > 0, $"{first} has no position");
        }

        if (input.MessagePart != null)
        {
            Assert.Contains(input.MessagePart, first.Message);
        }

        Assert.False(File.Exists(fixture.GlobalConfigPath), "the global config must be deleted");
        Assert.False(File.Exists(fixture.AuditPath), "the audit record must be deleted");
        Assert.False(File.Exists(fixture.StampPath), "the stamp must be deleted");
        Assert.Empty(fixture.LastTask!.GeneratedFiles);
    }

    [Fact]
    public void ManifestIsAFolder_FailsEvenOutsideStrictMode_InsteadOfFallingBackToTheDefaults()
    {
        using var fixture = new TaskFixture();
        Directory.CreateDirectory(fixture.ManifestPath);
        fixture.WriteAllowList(Policies.AllowList);

        Assert.False(fixture.Run());
        Assert.Equal("FTP1009", Assert.Single(fixture.Engine.Logged).Code);
        Assert.False(File.Exists(fixture.AuditPath));
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void EncodedWithByteOrderMark_ValidFilesPass_WithTheSameAuditRecord(string encoding)
    {
        using var plain = new TaskFixture();
        plain.WriteManifest(Policies.Manifest);
        plain.WriteAllowList(Policies.AllowList);
        Assert.True(plain.Run(), string.Join("\n", plain.Engine.Logged));

        using var fixture = new TaskFixture();
        Encoding enc = encoding switch
        {
            "utf-8-bom" => new UTF8Encoding(true),
            "utf-16le" => new UnicodeEncoding(false, true),
            _ => new UnicodeEncoding(true, true),
        };
        File.WriteAllBytes(fixture.ManifestPath, enc.GetPreamble().Concat(enc.GetBytes(Policies.Manifest)).ToArray());
        File.WriteAllBytes(fixture.AllowListPath, enc.GetPreamble().Concat(enc.GetBytes(Policies.AllowList)).ToArray());

        Assert.True(fixture.Run(), string.Join("\n", fixture.Engine.Logged));
        Assert.Empty(fixture.Engine.Logged);

        // Only the hashes (of the bytes as on disk) differ.
        static string WithoutHashes(string audit) => System.Text.RegularExpressions.Regex.Replace(audit, "\"sha256\": \"[0-9a-f]{64}\"", "\"sha256\": \"-\"");
        Assert.Equal(WithoutHashes(plain.ReadAudit()), WithoutHashes(fixture.ReadAudit()));
    }

    [Fact]
    public void PathsWithSpacesAndNonAscii_Work()
    {
        using var fixture = new TaskFixture(" Projet été Ωmega 東京");
        fixture.WriteManifest(Policies.Manifest.ReplaceOnce("\"../policy/allow-list.json\"", "\"../policy/liste autorisée ü.json\""));
        File.WriteAllText(Path.Combine(fixture.Root, "policy", "liste autorisée ü.json"), Policies.AllowList);
        fixture.AddPackage("OpenAI", "2.15.0");

        Assert.True(fixture.Run(), string.Join("\n", fixture.Engine.Logged));
        Assert.Empty(fixture.Engine.Logged);
        Assert.Contains("\"path\": \"../policy/liste autorisée ü.json\"", fixture.ReadAudit());
        Assert.Contains("liste autorisée ü.json", fixture.ReadGlobalConfig());
    }

    [Fact]
    public void PathsWithSpacesAndNonAscii_AreReportedExactly()
    {
        using var fixture = new TaskFixture(" Projet été Ωmega 東京");
        var allowList = Path.Combine(fixture.Root, "policy", "liste autorisée ü.json");
        fixture.WriteManifest(Policies.Manifest.ReplaceOnce("\"../policy/allow-list.json\"", "\"../policy/liste autorisée ü.json\""));
        File.WriteAllText(allowList, Policies.AllowList.ReplaceOnce("\"retentionDays\": 30,", "\"retentionDays\": \"30\","));

        Assert.False(fixture.Run());
        var error = Assert.Single(fixture.Engine.Logged);
        Assert.Equal("FTP1010", error.Code);
        Assert.Equal(allowList, error.File);
        Assert.Equal(Policies.Position(Policies.AllowList.ReplaceOnce("\"retentionDays\": 30,", "\"retentionDays\": \"30\","), "\"30\""),
            (error.Line, error.Column));
    }

    [Fact]
    public void MissingAllowListWithNonAsciiName_NamesTheFullPath()
    {
        using var fixture = new TaskFixture(" dossier é");
        fixture.WriteManifest(Policies.Manifest.ReplaceOnce("\"../policy/allow-list.json\"", "\"../policy/règles ß.json\""));

        Assert.False(fixture.Run());
        var error = Assert.Single(fixture.Engine.Logged);
        Assert.Equal("FTP1002", error.Code);
        Assert.Equal(fixture.ManifestPath, error.File);
        Assert.Contains(Path.Combine(fixture.Root, "policy", "règles ß.json"), error.Message);
    }

    private static string ReplaceUses(string manifest, string replacement)
    {
        var start = manifest.IndexOf("\"uses\": [", StringComparison.Ordinal) + "\"uses\": ".Length;
        var end = manifest.IndexOf("],\n  \"datasets\"", StringComparison.Ordinal) + 1;
        return manifest.Substring(0, start) + replacement + manifest.Substring(end);
    }

    private static void WriteLarge(string path, int size)
    {
        using var stream = File.Create(path);
        stream.WriteByte((byte)'[');
        var spaces = new byte[1024 * 1024];
        Array.Fill(spaces, (byte)' ');
        long left = size - 2;
        while (left > 0)
        {
            var n = (int)Math.Min(spaces.Length, left);
            stream.Write(spaces, 0, n);
            left -= n;
        }

        stream.WriteByte((byte)']');
    }
}
