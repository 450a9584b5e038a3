using System.Text.Json;
using FineTunePolicy.EndToEnd.Tests.Infrastructure;

namespace FineTunePolicy.EndToEnd.Tests;

/// <summary>
/// No silent bypass: suppressions of FTP findings land in the audit record with their location and justification,
/// and a build server (strict mode) fails on an unjustified suppression of FTP0001 and on a build whose analyzer
/// did not run.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SuppressionAuditTests
{
    private const string Today = "FineTunePolicyToday=2026-12-01";

    private const string JustifiedPragma = "#pragma warning disable FTP0001 // Approved in PRIV-77: the on-premises proxy strips the SSN";

    private const string Code = """
        using System.Diagnostics.CodeAnalysis;
        using FineTunePolicy;
        using OpenAI.Chat;

        namespace Scenario;

        public sealed class Customer
        {
            [Restricted] public string Ssn { get; set; } = "";
            [Confidential] public string Email { get; set; } = "";
        }

        public static class Bot
        {
            public static void Verify(ChatClient chat, Customer customer)
            {
        PRAGMA
                chat.CompleteChat("SSN: " + customer.Ssn);
        #pragma warning restore FTP0001
            }

            [SuppressMessage("FineTunePolicy", "FTP0003", Justification = "The gateway hashes e-mail addresses")]
            public static void Mail(ChatClient chat, Customer customer) => chat.CompleteChat("Mail: " + customer.Email);
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

    public SuppressionAuditTests(PackageFeed feed, ITestOutputHelper log)
    {
        _project = new ScenarioProject(feed, "Suppressions", Array.Empty<string>(), log);
    }

    [Fact]
    public void Suppressions_AreAuditedAndStrictModeRefusesTheUnjustified()
    {
        var p = _project;
        p.Write("allow-list.json", AllowList);
        p.Write("finetune-policy.json", Manifest);
        var source = p.Write("Bot.cs", Code.Replace("PRAGMA", JustifiedPragma));
        var audit = p.PathOf("obj/Debug/net10.0/FineTunePolicy.audit.json");

        // 1. Both findings suppressed in source, with justifications: the build passes and the audit record lists them.
        var build = p.Build("justified", Today);
        Assert.True(build.ExitCode == 0, build.Describe());
        Assert.Empty(build.AnalyzerFindings);
        var entries = Entries(audit);
        var pragma = Assert.Single(entries, e => e.GetProperty("kind").GetString() == "pragma");
        Assert.Equal("FTP0001", pragma.GetProperty("rule").GetString());
        Assert.Equal(Text.Position(source, "#pragma warning disable FTP0001").Line, pragma.GetProperty("line").GetInt32());
        Assert.Contains("PRIV-77", pragma.GetProperty("justification").GetString());
        var attribute = Assert.Single(entries, e => e.GetProperty("kind").GetString() == "suppressMessage");
        Assert.Equal("FTP0003", attribute.GetProperty("rule").GetString());
        Assert.Equal("The gateway hashes e-mail addresses", attribute.GetProperty("justification").GetString());

        // 2. A build server with an unjustified suppression of FTP0001: FTP1060, and the audit record is gone.
        p.Write("Bot.cs", Code.Replace("PRAGMA", "#pragma warning disable FTP0001"));
        build = p.Build("unjustified-strict", Today, "FineTunePolicyStrict=true");
        Assert.True(build.ExitCode != 0, build.Describe());
        var ftp1060 = Assert.Single(build.TaskFindings, f => f.Id == "FTP1060");
        Assert.Equal(("error", source), (ftp1060.Severity, ftp1060.File));
        Assert.False(File.Exists(audit));

        // 3. A build server on which the analyzer did not run: FTP1061.
        p.Write("Bot.cs", Code.Replace("PRAGMA", JustifiedPragma));
        build = p.Build("analyzers-off-strict", Today, "FineTunePolicyStrict=true", "RunAnalyzers=false");
        Assert.True(build.ExitCode != 0, build.Describe());
        Assert.Contains(build.TaskFindings, f => f.Id == "FTP1061" && f.Severity == "error");
    }

    private static List<JsonElement> Entries(string auditPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(auditPath));
        return document.RootElement.GetProperty("suppressions").GetProperty("entries").EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
