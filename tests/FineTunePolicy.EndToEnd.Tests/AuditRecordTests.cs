using FineTunePolicy.EndToEnd.Tests.Infrastructure;

namespace FineTunePolicy.EndToEnd.Tests;

/// <summary>
/// The audit record is written only by a passing build: a build that passes the policy check but fails in the
/// compiler (FTP0001) leaves none, also when an earlier build had published one, and fixing the code publishes it,
/// also when the validation is skipped as up to date.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class AuditRecordTests
{
    private const string Today = "FineTunePolicyToday=2026-12-01";

    private const string LeakingCode = """
        using FineTunePolicy;
        using OpenAI.Chat;

        namespace Scenario;

        public sealed class Customer
        {
            [Restricted] public string Ssn { get; set; } = "";
            [Public] public string Name { get; set; } = "";
        }

        public static class Greeter
        {
            public static void Greet(ChatClient chat, Customer customer) => chat.CompleteChat("Greet " + customer.Ssn);
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

    public AuditRecordTests(PackageFeed feed, ITestOutputHelper log)
    {
        _project = new ScenarioProject(feed, "AuditRecord", Array.Empty<string>(), log);
    }

    [Fact]
    public void BuildFailingInTheCompiler_LeavesNoAuditRecord_AndTheFixedBuildLeavesOne()
    {
        var p = _project;
        p.Write("allow-list.json", AllowList);
        p.Write("finetune-policy.json", Manifest);
        p.Write("Greeter.cs", LeakingCode);
        var audit = p.PathOf("obj/Debug/net10.0/FineTunePolicy.audit.json");

        // 1. The policy passes, the compiler fails on FTP0001: no record.
        var build = p.Build("ftp0001", Today);
        Assert.True(build.ExitCode != 0, build.Describe());
        Assert.True(build.TaskRan, build.Describe());
        Assert.Equal("FTP0001", Assert.Single(build.AnalyzerFindings).Id);
        Assert.False(File.Exists(audit), "A build that failed on FTP0001 left an audit record.");

        // 2. The code is fixed; the policy is unchanged, so the validation is skipped as up to date, and the record
        //    of its passing check is published after the compiler.
        p.Write("Greeter.cs", LeakingCode.Replace("customer.Ssn", "customer.Name"));
        build = p.Build("fixed", Today);
        Assert.True(build.ExitCode == 0, build.Describe());
        Assert.False(build.TaskRan, build.Describe());
        var record = File.ReadAllText(audit);
        Assert.Contains("\"mode\": \"manifest\"", record);
        Assert.Contains("\"suppressions\": {", record);

        // 3. The leak comes back: the record of the earlier passing build is withdrawn, not left beside a failed build.
        p.Write("Greeter.cs", LeakingCode);
        build = p.Build("ftp0001-again", Today);
        Assert.True(build.ExitCode != 0, build.Describe());
        Assert.False(File.Exists(audit), "The record of an earlier build survived a build that failed on FTP0001.");

        // 4. Fixed again: published again.
        p.Write("Greeter.cs", LeakingCode.Replace("customer.Ssn", "customer.Name"));
        build = p.Build("fixed-again", Today);
        Assert.True(build.ExitCode == 0, build.Describe());
        Assert.Contains("\"mode\": \"manifest\"", File.ReadAllText(audit));
    }
}
