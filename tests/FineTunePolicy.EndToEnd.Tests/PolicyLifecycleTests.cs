using FineTunePolicy.EndToEnd.Tests.Infrastructure;

namespace FineTunePolicy.EndToEnd.Tests;

/// <summary>
/// One consumer project through the life of its policy: compliant, incremental, edited manifest, edited allow-list
/// (ceilings reaching the analyzer), a use above its ceiling, and approvals judged on other days. One restore, then
/// incremental builds; each step depends on the state the previous one left, as on a developer's machine.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PolicyLifecycleTests
{
    private const string Today = "FineTunePolicyToday=2026-12-01";

    private const string Code = """
        using FineTunePolicy;
        using OpenAI.Chat;

        namespace Scenario;

        public sealed class Ticket
        {
            [Confidential(Categories = DataCategory.Personal)]
            public string Body { get; set; } = "";
        }

        public static class Assistant
        {
            public static async Task<string> SummariseAsync(ChatClient chat, Ticket ticket)
            {
                ChatCompletion completion = await chat.CompleteChatAsync(new ChatMessage[] { new UserChatMessage("Summarise: " + ticket.Body) });
                return completion.Content[0].Text;
            }
        }
        """;

    private static string AllowList(string inferenceCeiling) => $$"""
        {
          "schemaVersion": 1,
          "organisation": "Contoso",
          "providers": [
            {
              "id": "openai",
              "displayName": "OpenAI API",
              "contract": { "hosting": "external", "trainsOnCustomerData": false, "retentionDays": 30, "regions": ["us"], "certifications": ["DPA"] },
              "ceilings": { "inference": "{{inferenceCeiling}}" },
              "reviewBy": "2028-12-31"
            }
          ],
          "requirements": {
            "classes": { "Confidential": { "trainsOnCustomerData": false, "maxRetentionDays": 30 } }
          },
          "requiredApprovals": [
            { "role": "privacy-officer", "purpose": "inference", "minClass": "Confidential", "reason": "Confidential data in prompts needs a DPIA" }
          ]
        }
        """;

    private static string Manifest(string maxClass, string description) => $$"""
        {
          "schemaVersion": 1,
          "allowList": "../policy/allow-list.json",
          "uses": [
            {
              "provider": "openai",
              "purpose": "inference",
              "maxClass": "{{maxClass}}",
              "categories": ["Personal"],
              "description": "{{description}}"
            }
          ],
          "approvals": [
            {
              "id": "APR-7",
              "who": "Priya Raman",
              "role": "privacy-officer",
              "approvedOn": "2026-01-10",
              "expires": "2027-06-30",
              "ticket": "PRIV-7",
              "covers": [ { "provider": "openai", "purpose": "inference" } ]
            }
          ]
        }
        """;

    private readonly ScenarioProject _project;

    public PolicyLifecycleTests(PackageFeed feed, ITestOutputHelper log)
    {
        _project = new ScenarioProject(feed, "Lifecycle", Array.Empty<string>(), log);
    }

    [Fact]
    public void PolicyLifecycle_ValidatesIncrementallyAndHandsCeilingsToTheAnalyzer()
    {
        var p = _project;
        p.Write("Assistant.cs", Code);
        var allowList = p.Write("../policy/allow-list.json", AllowList("Confidential"));
        var manifest = p.Write("finetune-policy.json", Manifest("Confidential", "ticket summaries"));
        var globalConfig = p.PathOf("obj/Debug/net10.0/FineTunePolicy.Analyzers.globalconfig");
        var audit = p.PathOf("obj/Debug/net10.0/FineTunePolicy.audit.json");

        // 1. Compliant: Confidential data to openai, which the policy grants Confidential for inference.
        var build = p.Build("compliant", Today);
        Assert.True(build.ExitCode == 0, build.Describe());
        Assert.True(build.TaskRan, build.Describe());
        Assert.True(build.CompilerRan, build.Describe());
        Assert.Empty(build.AnalyzerFindings);
        Assert.Empty(build.TaskFindings);
        Assert.Contains("finetune_policy.provider.openai.inference = Confidential", File.ReadAllText(globalConfig));
        Assert.Contains("\"judgedOn\": \"2026-12-01\"", File.ReadAllText(audit));
        Assert.Contains("FineTunePolicy: finetune-policy.json validated against ../policy/allow-list.json (judged on 2026-12-01)", build.Process.Output);

        // 2. Nothing changed: the target is skipped as up to date, and the analyzer still gets the global config.
        build = p.Build("incremental", Today);
        Assert.True(build.ExitCode == 0, build.Describe());
        Assert.False(build.TaskRan, "ValidateFineTunePolicy ran although no input changed.\n" + build.Describe());
        Assert.Contains(build.ValidateTarget.Children.OfType<Microsoft.Build.Logging.StructuredLogger.Message>(), m =>
            m.Text.Contains("Skipping target \"FineTunePolicyValidate\" because all output files are up-to-date"));
        Assert.Empty(build.AnalyzerFindings);

        // 3. The manifest is edited: the task runs again.
        File.WriteAllText(manifest, Manifest("Internal", "ticket summaries, Internal at most"));
        build = p.Build("manifest-edited", Today);
        Assert.True(build.ExitCode == 0, build.Describe());
        Assert.True(build.TaskRan, "Editing the manifest did not re-run the validation.\n" + build.Describe());

        // 4. The allow-list (named only inside the manifest) is edited: the task runs again, the ceiling drops to
        //    Internal, the global config changes, and the same code is now reported by the analyzer.
        File.WriteAllText(allowList, AllowList("Internal"));
        build = p.Build("allow-list-edited", Today);
        Assert.True(build.ExitCode == 0, build.Describe());
        Assert.True(build.TaskRan, "Editing the allow-list did not re-run the validation.\n" + build.Describe());
        Assert.Contains("finetune_policy.provider.openai.inference = Internal", File.ReadAllText(globalConfig));
        var ftp0003 = Assert.Single(build.AnalyzerFindings);
        Assert.Equal(("FTP0003", "warning", p.PathOf("Assistant.cs"), 16), (ftp0003.Id, ftp0003.Severity, ftp0003.File, ftp0003.Line));
        Assert.Contains("above the inference ceiling Internal (project policy)", ftp0003.Message);

        // 5. The use declares Confidential again, above the allow-list's ceiling: FTP1032 at the manifest's line, the
        //    build fails before the compiler, and the generated files are deleted (fail closed).
        File.WriteAllText(manifest, Manifest("Confidential", "ticket summaries"));
        build = p.Build("above-ceiling", Today);
        Assert.True(build.ExitCode != 0, build.Describe());
        var ftp1032 = Assert.Single(build.TaskFindings);
        p.Log.WriteLine(ftp1032.ToString());
        Assert.Equal(("FTP1032", "error", manifest, Text.Position(manifest, "\"Confidential\"")),
            (ftp1032.Id, ftp1032.Severity, ftp1032.File, (ftp1032.Line, ftp1032.Column)));
        Assert.False(build.CompilerRan, build.Describe());
        Assert.False(File.Exists(globalConfig), "The global config survived a failed validation.");
        Assert.False(File.Exists(audit), "The audit record survived a failed validation.");
        Assert.Contains($"finetune-policy.json({ftp1032.Line},{ftp1032.Column}): error FTP1032: ", build.Process.Output);

        // 6. Allow-list back to Confidential; judged two weeks before the approval expires: FTP1038, a warning.
        File.WriteAllText(allowList, AllowList("Confidential"));
        build = p.Build("approval-expiring", "FineTunePolicyToday=2027-06-15");
        Assert.True(build.ExitCode == 0, build.Describe());
        var ftp1038 = Assert.Single(build.TaskFindings);
        p.Log.WriteLine(ftp1038.ToString());
        Assert.Equal(("FTP1038", "warning", manifest), (ftp1038.Id, ftp1038.Severity, ftp1038.File));
        Assert.Equal(Text.Position(manifest, "\"2027-06-30\""), (ftp1038.Line, ftp1038.Column));
        Assert.Empty(build.AnalyzerFindings);

        // 7. Judged the day after the approval's last valid day: FTP1037, an error.
        build = p.Build("approval-expired", "FineTunePolicyToday=2027-07-01");
        Assert.True(build.ExitCode != 0, build.Describe());
        var ftp1037 = Assert.Single(build.TaskFindings);
        p.Log.WriteLine(ftp1037.ToString());
        Assert.Equal(("FTP1037", "error", manifest, (ftp1038.Line, ftp1038.Column)),
            (ftp1037.Id, ftp1037.Severity, ftp1037.File, (ftp1037.Line, ftp1037.Column)));
        Assert.False(File.Exists(globalConfig));
    }
}
