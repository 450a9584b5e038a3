using FineTunePolicy.EndToEnd.Tests.Infrastructure;

namespace FineTunePolicy.EndToEnd.Tests;

/// <summary>
/// One consumer project with Restricted data in a prompt and an extra SDK package (OllamaSharp): the analyzer's
/// FTP0001 from SARIF, then the task's answers to a missing manifest (plain and strict), a malformed manifest and an
/// undeclared SDK package, from the binary log and the console.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PolicyErrorTests
{
    private const string Today = "FineTunePolicyToday=2026-12-01";

    private const string Code = """
        using FineTunePolicy;
        using OpenAI.Chat;

        namespace Scenario;

        public sealed class Customer
        {
            [Restricted(Categories = DataCategory.Personal)]
            public string Ssn { get; set; } = "";
        }

        public static class Verifier
        {
            public static async Task<string> VerifyAsync(ChatClient chat, Customer customer)
            {
                ChatCompletion completion = await chat.CompleteChatAsync(new ChatMessage[] { new UserChatMessage("Caller SSN: " + customer.Ssn) });
                return completion.Content[0].Text;
            }
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
              "ceilings": { "inference": "Confidential" },
              "reviewBy": "2028-12-31"
            },
            {
              "id": "ollama",
              "displayName": "Ollama on the developer cluster",
              "contract": { "hosting": "internal", "trainsOnCustomerData": false, "retentionDays": 0 },
              "ceilings": { "inference": "Confidential" },
              "reviewBy": "2028-12-31"
            }
          ]
        }
        """;

    private const string MalformedManifest = """
        {
          "schemaVersion": 1,
          "allowList": "allow-list.json"
          "uses": []
        }
        """;

    private const string ManifestWithoutOllama = """
        {
          "schemaVersion": 1,
          "allowList": "allow-list.json",
          "uses": [
            { "provider": "openai", "purpose": "inference", "maxClass": "Internal" }
          ]
        }
        """;

    private readonly ScenarioProject _project;

    public PolicyErrorTests(PackageFeed feed, ITestOutputHelper log)
    {
        _project = new ScenarioProject(feed, "Errors", new[] { "OllamaSharp/5.5.2" }, log);
    }

    [Fact]
    public void PolicyErrors_AreReportedAtTheirFilesAndLines()
    {
        var p = _project;
        p.Write("Verifier.cs", Code);
        p.Write("allow-list.json", AllowList);
        var manifest = p.PathOf("finetune-policy.json");
        var globalConfig = p.PathOf("obj/Debug/net10.0/FineTunePolicy.Analyzers.globalconfig");

        // 1. No manifest: FTP1001 is a warning, the analyzer runs with its defaults and reports FTP0001 (an error).
        var build = p.Build("no-manifest", Today);
        Assert.True(build.ExitCode != 0, build.Describe());
        var ftp0001 = Assert.Single(build.AnalyzerFindings);
        Assert.Equal(("FTP0001", "error", p.PathOf("Verifier.cs"), Text.Position(p.PathOf("Verifier.cs"), "new ChatMessage[]")),
            (ftp0001.Id, ftp0001.Severity, ftp0001.File, (ftp0001.Line, ftp0001.Column)));
        Assert.Contains("'Customer.Ssn'", ftp0001.Message);
        var ftp1001 = Assert.Single(build.TaskFindings);
        Assert.Equal(("FTP1001", "warning", manifest), (ftp1001.Id, ftp1001.Severity, ftp1001.File));
        Assert.Contains("finetune_policy.mode = default", File.ReadAllText(globalConfig));
        Assert.Contains("FineTunePolicy: no manifest, the analyzer's default ceilings apply", build.Process.Output);

        // 2. Still no manifest: the missing file keeps the check running on every build, so the warning never hides.
        build = p.Build("no-manifest-again", Today);
        Assert.True(build.TaskRan, build.Describe());
        Assert.Equal("FTP1001", Assert.Single(build.TaskFindings).Id);

        // 3. Strict mode (a build server): the missing manifest is an error, and the compiler does not run.
        build = p.Build("no-manifest-strict", Today, "FineTunePolicyStrict=true");
        Assert.True(build.ExitCode != 0, build.Describe());
        ftp1001 = Assert.Single(build.TaskFindings);
        Assert.Equal(("FTP1001", "error", manifest), (ftp1001.Id, ftp1001.Severity, ftp1001.File));
        Assert.False(build.CompilerRan, build.Describe());
        Assert.False(File.Exists(globalConfig));

        // 4. A manifest that is not JSON (a missing comma): FTP1005 at the token where the comma was expected.
        p.Write("finetune-policy.json", MalformedManifest);
        build = p.Build("malformed-manifest", Today);
        Assert.True(build.ExitCode != 0, build.Describe());
        var ftp1005 = Assert.Single(build.TaskFindings);
        p.Log.WriteLine(ftp1005.ToString());
        Assert.Equal(("FTP1005", "error", manifest, Text.Position(manifest, "\"uses\"")),
            (ftp1005.Id, ftp1005.Severity, ftp1005.File, (ftp1005.Line, ftp1005.Column)));
        Assert.Contains($"finetune-policy.json({ftp1005.Line},{ftp1005.Column}): error FTP1005: ", build.Process.Output);

        // 5. A valid manifest that does not declare the provider of a referenced SDK package (OllamaSharp): FTP1041.
        p.Write("finetune-policy.json", ManifestWithoutOllama);
        build = p.Build("undeclared-sdk", Today);
        Assert.True(build.ExitCode != 0, build.Describe());
        var ftp1041 = Assert.Single(build.TaskFindings);
        p.Log.WriteLine(ftp1041.ToString());
        var uses = Text.Position(manifest, "\"uses\": [");
        Assert.Equal(("FTP1041", "error", manifest, (uses.Line, uses.Column + "\"uses\": ".Length)),
            (ftp1041.Id, ftp1041.Severity, ftp1041.File, (ftp1041.Line, ftp1041.Column)));
        Assert.Contains("OllamaSharp", ftp1041.Message);
        Assert.Contains("ollama", ftp1041.Message);
        Assert.False(build.CompilerRan, build.Describe());
    }
}
