using FineTunePolicy.EndToEnd.Tests.Infrastructure;

namespace FineTunePolicy.EndToEnd.Tests;

/// <summary>
/// Odd things where the manifest belongs: each is a coded FTP1xxx error naming the path, from the task, never an
/// MSBuild evaluation error (MSB4184) from the targets, never a hang or an unbounded read, and the project builds
/// again once the manifest is back.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class OddManifestPathTests
{
    private const string Today = "FineTunePolicyToday=2026-12-01";

    private const string Code = """
        using OpenAI.Chat;

        namespace Scenario;

        public static class Greeter
        {
            public static string Greet(ChatClient chat) => chat.CompleteChat("Say hello").Value.Content[0].Text;
        }
        """;

    private const string AllowList = """
        {
          "schemaVersion": 1,
          "providers": [
            {
              "id": "openai",
              "displayName": "OpenAI API",
              "contract": { "hosting": "external", "trainsOnCustomerData": false, "retentionDays": 30 },
              "ceilings": { "inference": "Internal" },
              "reviewBy": "2028-12-31"
            }
          ]
        }
        """;

    private const string Manifest = """
        {
          "schemaVersion": 1,
          "allowList": "allow-list.json",
          "uses": [ { "provider": "openai", "purpose": "inference", "maxClass": "Internal" } ]
        }
        """;

    private readonly ScenarioProject _project;

    public OddManifestPathTests(PackageFeed feed, ITestOutputHelper log)
    {
        _project = new ScenarioProject(feed, "OddPaths", Array.Empty<string>(), log);
    }

    [Fact]
    public void OddManifestPaths_AreCodedErrorsAtThePath_NeverEvaluationErrors()
    {
        if (!OddFiles.Supported)
        {
            return; // symbolic links need a privilege on Windows, and named pipes are Unix only
        }

        var p = _project;
        p.Write("Greeter.cs", Code);
        p.Write("allow-list.json", AllowList);
        var manifest = p.Write("finetune-policy.json", Manifest);

        var build = p.Build("compliant", Today);
        Assert.True(build.ExitCode == 0, build.Describe());

        // A dangling link, a link to itself: FTP1004 (the targets used to fail here with MSB4184).
        OddFiles.Link(manifest, p.PathOf("gone.json"));
        AssertCodedError(p.Build("dangling-link", Today), "FTP1004", manifest, "symbolic link whose target does not exist or that loops back on itself");

        OddFiles.Link(manifest, manifest);
        AssertCodedError(p.Build("self-loop-link", Today), "FTP1004", manifest, "symbolic link whose target does not exist or that loops back on itself");

        // A named pipe nobody writes to: opening it would wait forever, so it is refused before it is opened.
        OddFiles.MakeFifo(manifest);
        AssertCodedError(p.Build("fifo", Today), "FTP1004", manifest, "named pipe (FIFO)");

        // A folder: FTP1009.
        OddFiles.Clear(manifest);
        Directory.CreateDirectory(manifest);
        AssertCodedError(p.Build("directory", Today), "FTP1009", manifest, "names a folder, not a file");
        OddFiles.Clear(manifest);

        // A device that never ends, as the property: read up to the 5 MiB limit and refused (FTP1008).
        AssertCodedError(p.Build("dev-zero", Today, "FineTunePolicyManifest=/dev/zero"), "FTP1008", "/dev/zero", "policy files are limited to 5242880 bytes");

        // A file the build account may not read: FTP1004. Root reads every file, so there this step proves nothing
        // and is left out.
        p.Write("finetune-policy.json", Manifest);
        File.SetUnixFileMode(manifest, UnixFileMode.None);
        if (!CanRead(manifest))
        {
            AssertCodedError(p.Build("unreadable", Today), "FTP1004", manifest, "cannot be read");
        }
        else
        {
            p.Log.WriteLine("Running with the privilege to read a file with mode 000 (root): the unreadable-file step is skipped.");
        }

        // The manifest back: the build passes again (nothing of the failed builds was kept as up to date).
        File.SetUnixFileMode(manifest, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        p.Write("finetune-policy.json", Manifest);
        build = p.Build("back-to-compliant", Today);
        Assert.True(build.ExitCode == 0, build.Describe());
        Assert.True(build.TaskRan, build.Describe());
    }

    private static void AssertCodedError(BuildResult build, string code, string file, string messagePart)
    {
        Assert.True(build.ExitCode != 0, build.Describe());
        Assert.DoesNotContain("MSB4184", build.Process.Output);
        Assert.DoesNotContain("MSB4018", build.Process.Output);
        var finding = Assert.Single(build.TaskFindings);
        Assert.Equal((code, "error", file, 0, 0), (finding.Id, finding.Severity, finding.File, finding.Line, finding.Column));
        Assert.Contains(messagePart, finding.Message);
        Assert.False(build.CompilerRan, build.Describe());
    }

    private static bool CanRead(string path)
    {
        try
        {
            File.ReadAllBytes(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
