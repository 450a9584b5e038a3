extern alias task;
using System.Reflection;
using FineTunePolicy.Analyzers;
using FineTunePolicy.Contract.Tests.Handoff;
using task::FineTunePolicy.Build.Tasks.Diagnostics;
using Microsoft.CodeAnalysis;

namespace FineTunePolicy.Contract.Tests.Docs;

/// <summary>
/// The documentation tables, written from the analyzer's descriptors (with <see cref="RuleSummaries"/>) and the task's
/// codes (<see cref="CodeSummaries"/>), as Meziantou.Analyzer's generator writes its README from its descriptors.
/// </summary>
internal static class DocTables
{
    public const string RuleSource = "src/FineTunePolicy.Analyzers/Descriptors.cs and RuleSummaries.cs";
    public const string CodeSource = "src/FineTunePolicy.Build.Tasks/Diagnostics/CodeSummaries.cs";
    public const string HandoffSource = "src/Shared/HandoffKeys.cs and the task's output for the examples above";

    public static IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } = typeof(Analyzers.Descriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToList();

    /// <summary>Every constant of the task's <c>Codes</c>, in order.</summary>
    public static IReadOnlyList<string> TaskCodes { get; } = typeof(Codes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .OrderBy(c => c, StringComparer.Ordinal)
        .ToList();

    public static IReadOnlyList<CodeSummary> Codes { get; } = CodeSummaries.All.OrderBy(c => c.Code, StringComparer.Ordinal).ToList();

    /// <summary>README.md: the rule table.</summary>
    public static IEnumerable<string> ReadmeRules()
    {
        yield return "| ID | Default | Fires when |";
        yield return "|---|---|---|";
        foreach (var d in Descriptors)
        {
            yield return $"| [{d.Id}](docs/rules/{d.Id}.md) | {d.DefaultSeverity} | {FiresWhen(d.Id)} |";
        }
    }

    /// <summary>docs/rules/README.md: the analyzer rules.</summary>
    public static IEnumerable<string> RuleCatalogue()
    {
        yield return "| ID | Title | Default severity | Fires when |";
        yield return "|---|---|---|---|";
        foreach (var d in Descriptors)
        {
            yield return $"| [{d.Id}]({d.Id}.md) | {d.Title} | {d.DefaultSeverity} | {FiresWhen(d.Id)} |";
        }
    }

    /// <summary>docs/rules/README.md: the build task's codes, one line each.</summary>
    public static IEnumerable<string> CodeCatalogue()
    {
        yield return "| Code | Title | Severity |";
        yield return "|---|---|---|";
        foreach (var c in Codes)
        {
            yield return $"| [{c.Code}]({c.Code}.md) | {c.Title} | {Severity(c.Severity)} |";
        }
    }

    /// <summary>docs/policy-files.md: the build task's codes with condition and remedy.</summary>
    public static IEnumerable<string> CodeTable()
    {
        yield return "| Code | Severity | Condition | What to change |";
        yield return "|---|---|---|---|";
        foreach (var c in Codes)
        {
            yield return $"| [{c.Code}](rules/{c.Code}.md) | {Severity(c.Severity)} | {c.FiresWhen} | {c.WhatToChange} |";
        }
    }

    /// <summary>docs/policy-files.md: what the task writes for the page's examples, and every key of the handoff.</summary>
    public static IEnumerable<string> Handoff()
    {
        var (allowList, manifest) = TaskRun.DocumentedExamples();
        yield return "```ini";
        foreach (var line in TaskRun.GlobalConfig(allowList, manifest).TrimEnd('\n').Split('\n'))
        {
            yield return line;
        }

        yield return "```";
        yield return string.Empty;
        yield return "| Key | Value | Meaning |";
        yield return "|---|---|---|";
        foreach (var row in Shared.HandoffKeys.Documented)
        {
            yield return $"| {row[0]} | {row[1]} | {row[2]} |";
        }

        yield return string.Empty;
        yield return Shared.HandoffKeys.ListRules;
    }

    /// <summary>The title line of a rule or code page.</summary>
    public static string PageTitle(string id) => "# " + id + ": " + (Descriptors.SingleOrDefault(d => d.Id == id)?.Title.ToString()
        ?? Codes.Single(c => c.Code == id).Title);

    /// <summary>The property table at the top of an analyzer rule page.</summary>
    public static IEnumerable<string> RulePageHeader(DiagnosticDescriptor d)
    {
        yield return "| | |";
        yield return "|---|---|";
        yield return $"| Rule ID | {d.Id} |";
        yield return $"| Category | {d.Category} |";
        yield return $"| Default severity | {d.DefaultSeverity} |";
        yield return $"| Enabled by default | {(d.IsEnabledByDefault ? "Yes" : "No")} |";
    }

    /// <summary>The property table at the top of a build task code page.</summary>
    public static IEnumerable<string> CodePageHeader(CodeSummary c)
    {
        yield return "| | |";
        yield return "|---|---|";
        yield return $"| Reported by | {c.ReportedBy} |";
        yield return $"| Severity | {Severity(c.Severity)} |";
        yield return $"| Position | {c.Position} |";
    }

    private static string FiresWhen(string id) => RuleSummaries.FiresWhen.TryGetValue(id, out var text)
        ? text
        : throw new InvalidOperationException($"{id} has no entry in RuleSummaries.FiresWhen.");

    private static string Severity(CodeSeverity severity) => severity switch
    {
        CodeSeverity.Error => "Error",
        CodeSeverity.WarningErrorInStrictMode => "Warning (error in strict mode)",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };
}
