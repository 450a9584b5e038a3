extern alias task;
using System.Reflection;
using TaskCodes = task::FineTunePolicy.Build.Tasks.Diagnostics.Codes;
using TaskRules = task::FineTunePolicy.Shared.AnalyzerRules;
using TaskScanner = task::FineTunePolicy.Build.Tasks.Suppressions.EditorConfigScanner;
using TaskSuppression = task::FineTunePolicy.Build.Tasks.Suppressions.Suppression;

namespace FineTunePolicy.Contract.Tests.Vocabulary;

/// <summary>
/// The analyzer and the task compile one shared vocabulary (src/Shared); these tests tie it to the public annotations
/// and to what the compiler reports about the analyzer's rules.
/// </summary>
public sealed class VocabularyTests
{
    private static readonly Assembly AnalyzerAssembly = typeof(Analyzers.Descriptors).Assembly;
    private static readonly Assembly TaskAssembly = typeof(TaskCodes).Assembly;

    public static TheoryData<string> SharedEnums => new() { "DataClass", "DataCategory", "LlmPurpose" };

    [Theory]
    [MemberData(nameof(SharedEnums))]
    public void SharedEnum_HasTheAnnotationsNamesAndValues_InTheAnalyzerAndTheTask(string name)
    {
        var annotations = typeof(FineTunePolicy.DataClass).Assembly.GetType("FineTunePolicy." + name, throwOnError: true)!;
        var expected = Members(annotations);

        Assert.Equal(expected, Members(AnalyzerAssembly.GetType("FineTunePolicy.Shared." + name, throwOnError: true)!));
        Assert.Equal(expected, Members(TaskAssembly.GetType("FineTunePolicy.Shared." + name, throwOnError: true)!));
        Assert.Equal(annotations.IsDefined(typeof(FlagsAttribute)),
            AnalyzerAssembly.GetType("FineTunePolicy.Shared." + name)!.IsDefined(typeof(FlagsAttribute)));
    }

    [Fact]
    public void TaskAnalyzerRules_AreTheRulesTheCompilerLists()
    {
        // The inventory of LLM use is no finding, and off by default (the package's targets turn it on for the SARIF log).
        var findings = CompilerSarif.FtpRules.Where(r => r.Id != TaskRules.Inventory).ToList();
        Assert.Equal(findings.Select(r => r.Id), TaskRules.All);
        Assert.All(findings, rule => Assert.True(rule.Enabled, rule.Id + " is not enabled by default"));
        Assert.False(Assert.Single(CompilerSarif.FtpRules, r => r.Id == TaskRules.Inventory).Enabled);
    }

    [Fact]
    public void TaskErrorsByDefault_AreTheRulesWhoseDefaultLevelIsError()
    {
        Assert.Equal(CompilerSarif.FtpRules.Where(r => r.Level == "error").Select(r => r.Id), TaskRules.ErrorsByDefault);
        Assert.All(TaskRules.Guarded, id => Assert.Contains(id, TaskRules.ErrorsByDefault));
    }

    [Fact]
    public void SuppressionAudit_JudgesWeakened_ExactlyTheRulesThatAreErrorsByDefault()
    {
        // Every FTP rule lowered to warning in one global config: the audit must call exactly the error rules weakened.
        var path = Path.Combine(Path.GetTempPath(), "ftp-weakened-" + Guid.NewGuid().ToString("N") + ".globalconfig");
        File.WriteAllLines(path, new[] { "is_global = true" }
            .Concat(CompilerSarif.FtpRules.Select(r => "dotnet_diagnostic." + r.Id + ".severity = warning")));
        try
        {
            var found = new List<TaskSuppression>();
            TaskScanner.Scan(path, Array.Empty<string>(), found);
            Assert.Equal(
                CompilerSarif.FtpRules.Where(r => r.Level == "error").Select(r => r.Id),
                found.Where(s => s.Effect == "weakened").Select(s => s.Rule).OrderBy(id => id, StringComparer.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void HelpLinks_OfRulesAndCodes_ShareOneBase()
    {
        Assert.All(CompilerSarif.FtpRules, rule => Assert.Equal(Shared.HelpLinks.For(rule.Id), rule.HelpUri));
        Assert.Equal(Shared.HelpLinks.For("FTP1001"), TaskCodes.HelpLink("FTP1001"));
    }

    private static string[] Members(Type enumType) =>
        Enum.GetNames(enumType).Select(n => n + "=" + Convert.ToInt64(Enum.Parse(enumType, n))).ToArray();
}
