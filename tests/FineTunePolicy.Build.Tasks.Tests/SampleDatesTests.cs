using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace FineTunePolicy.Build.Tasks.Tests;

/// <summary>
/// The quickstart keeps working for years. The sample's approvals expire and its providers fall due for review far
/// ahead (samples/Contoso.Support/README.md says why); judged against the real date, these tests fail two years
/// before any of those dates comes within a year, long before FTP1038 or FTP1040 (30 days) would change the output
/// the README shows, or FTP1037 or FTP1039 would fail the build.
/// </summary>
public sealed class SampleDatesTests
{
    private static readonly string[] PolicyFiles = { "samples/Contoso.Support/finetune-policy.json", "samples/policy/allow-list.json" };

    private static readonly Regex KeyedDate = new("\"(?<key>[A-Za-z]+)\"\\s*:\\s*\"(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})\"");

    // A date standing alone (in a value or in prose); not the base-model snapshot inside a tuned model's id
    // (ft:gpt-4o-mini-2024-07-18:contoso:...), which is part of a name, not a deadline.
    private static readonly Regex AnyDate = new("(?<![A-Za-z0-9-])[0-9]{4}-[0-9]{2}-[0-9]{2}(?![A-Za-z0-9:-])");

    [Fact]
    public void SampleDeadlines_AreMoreThanTwoYearsAhead()
    {
        var today = DateTime.UtcNow.Date;
        var problems = new List<string>();
        var deadlines = 0;
        foreach (var relative in PolicyFiles)
        {
            var text = File.ReadAllText(Path.Combine(SchemaTests.RepoRoot, relative));
            var dates = KeyedDate.Matches(text);
            Assert.True(AnyDate.Matches(text).Count == dates.Count, $"{relative} holds a date that is not the value of a key");
            foreach (Match match in dates)
            {
                var key = match.Groups["key"].Value;
                var date = DateTime.ParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (key == "approvedOn")
                {
                    if (date > today)
                    {
                        problems.Add($"{relative}: approvedOn {date:yyyy-MM-dd} is in the future");
                    }
                }
                else if (key is "expires" or "reviewBy")
                {
                    deadlines++;
                    if (date < today.AddYears(2))
                    {
                        problems.Add($"{relative}: {key} {date:yyyy-MM-dd} is less than two years ahead, and the README's output changes " +
                            "30 days before it. Move the sample's dates forward (see the sample's README).");
                    }
                }
                else
                {
                    problems.Add($"{relative}: '{key}' holds a date this test does not know; decide whether it is a deadline");
                }
            }
        }

        Assert.Equal(8, deadlines); // two approvals, five providers, one tuned model
        Assert.Empty(problems);
    }

    [Fact]
    public void SamplePolicy_PassesWithoutAWarning_TodayAndAYearFromNow()
    {
        var project = Path.Combine(SchemaTests.RepoRoot, "samples", "Contoso.Support", "Contoso.Support.csproj");
        var packages = XDocument.Load(project).Descendants("PackageReference")
            .Select(p => (ITaskItem)new TaskItem((string)p.Attribute("Include")!))
            .ToArray();
        Assert.NotEmpty(packages);
        var output = Path.Combine(Path.GetTempPath(), "ftp-sample-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var day in new[] { DateTime.UtcNow.Date, DateTime.UtcNow.Date.AddYears(1) })
            {
                var engine = new RecordingBuildEngine();
                var task = new ValidateFineTunePolicy
                {
                    BuildEngine = engine,
                    ProjectPath = project,
                    PackageReferences = packages,
                    Today = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    GlobalConfigPath = Path.Combine(output, "FineTunePolicy.Analyzers.globalconfig"),
                    AuditPath = Path.Combine(output, "FineTunePolicy.audit.json"),
                };

                Assert.True(task.Execute(), string.Join("\n", engine.Logged));
                Assert.True(engine.Logged.Count == 0, $"judged on {day:yyyy-MM-dd}:\n" + string.Join("\n", engine.Logged));
            }
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
