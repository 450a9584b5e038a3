using System.Globalization;
using System.Text;

namespace FineTunePolicy.Tool.Report;

/// <summary>report.md: the summary, findings, due dates and changes, for pull-request comments and CI step summaries.</summary>
internal static class MarkdownReport
{
    public static string Write(ReportModel model)
    {
        var md = new StringBuilder();
        var s = model.Summary;
        md.Append("# FineTunePolicy report (").Append(model.Today).Append(")\n\n");
        md.Append(Plural(s.Projects, "project")).Append(s.CallSites > 0 ? ", " + Plural(s.CallSites, "LLM call site") : "").Append(", ")
            .Append(Plural(s.Findings, "finding"))
          .Append(s.Suppressed > 0 ? $" ({s.Suppressed} suppressed)" : "")
          .Append(", providers: ").Append(s.Providers.Count == 0 ? "none" : string.Join(", ", s.Providers.Select(Code)))
          .Append(", purposes: ").Append(s.Purposes.Count == 0 ? "none" : string.Join(", ", s.Purposes)).Append(".\n");
        if (s.Overdue > 0 || s.DueSoon > 0)
        {
            md.Append("\n**").Append(s.Overdue).Append(" overdue, ").Append(s.DueSoon).Append(" due within ").Append(ReportBuilder.DueSoonDays)
                .Append(" days** (approvals and contract reviews).\n");
        }

        if (s.FindingsByRule.Count > 0)
        {
            md.Append("\n| Rule | Findings |\n|---|---:|\n");
            foreach (var (rule, count) in s.FindingsByRule)
            {
                md.Append("| ").Append(rule).Append(" | ").Append(count).Append(" |\n");
            }

            md.Append("\n| Severity | Findings |\n|---|---:|\n");
            foreach (var (severity, count) in s.FindingsBySeverity)
            {
                md.Append("| ").Append(severity).Append(" | ").Append(count).Append(" |\n");
            }
        }

        if (model.Changes is { } changes)
        {
            md.Append("\n## Changes since ").Append(Cell(changes.Baseline)).Append(" (").Append(changes.BaselineDate).Append(")\n\n");
            md.Append(Plural(changes.NewFindings.Count, "new finding")).Append(", ").Append(Plural(changes.ResolvedFindings.Count, "resolved finding"))
                .Append(".\n");
            Names(md, "New projects", changes.NewProjects);
            Names(md, "Removed projects", changes.RemovedProjects);
            Names(md, "New providers", changes.NewProviders);
            Names(md, "Removed providers", changes.RemovedProviders);
            if (changes.NewCallSites is { } newSites && changes.RemovedCallSites is { } removedSites)
            {
                md.Append(Plural(newSites.Count, "new LLM call site")).Append(", ")
                  .Append(removedSites.Count.ToString(CultureInfo.InvariantCulture)).Append(" removed.\n");
                foreach (var (title, list) in new[] { ("New call sites", newSites), ("Removed call sites", removedSites) })
                {
                    if (list.Count > 0)
                    {
                        md.Append('\n').Append(title)
                          .Append(":\n\n| Project | Where | Sink | Provider | Purpose | Class |\n|---|---|---|---|---|---|\n");
                        foreach (var site in list)
                        {
                            md.Append("| ").Append(Cell(site.Project)).Append(" | ").Append(Cell($"{site.File}:{site.Line}"))
                              .Append(" | ").Append(Code(site.Sink)).Append(" | ").Append(Code(site.Provider))
                              .Append(" | ").Append(site.Purpose).Append(" | ").Append(site.Class).Append(" |\n");
                        }
                    }
                }
            }
            if (changes.NewFindings.Count > 0)
            {
                md.Append("\nNew:\n\n");
                FindingTable(md, changes.NewFindings);
            }

            if (changes.ResolvedFindings.Count > 0)
            {
                md.Append("\nResolved:\n\n");
                FindingTable(md, changes.ResolvedFindings);
            }
        }

        md.Append("\n## Findings\n\n");
        if (model.Findings.Count == 0)
        {
            md.Append("No FineTunePolicy findings.\n");
        }
        else
        {
            FindingTable(md, model.Findings);
        }

        md.Append("\n## Providers\n\n| Provider | Hosting | Purposes | Projects | Review by |\n|---|---|---|---|---|\n");
        foreach (var p in model.Providers)
        {
            md.Append("| ").Append(Code(p.Id)).Append(p.DisplayName == null ? "" : " " + Cell(p.DisplayName))
              .Append(" | ").Append(p.Hosting ?? "not in a record")
              .Append(" | ").Append(string.Join(", ", p.Purposes))
              .Append(" | ").Append(Cell(string.Join(", ", p.Projects)))
              .Append(" | ").Append(p.ReviewBy == null ? "" : $"{p.ReviewBy} ({Days(p.ReviewDaysLeft!.Value)})").Append(" |\n");
        }

        if (model.DueDates.Count > 0)
        {
            md.Append("\n## Approvals and contract reviews\n\n| Due | Days left | What | Projects |\n|---|---:|---|---|\n");
            foreach (var d in model.DueDates)
            {
                md.Append("| ").Append(d.Date).Append(" | ").Append(d.DaysLeft.ToString(CultureInfo.InvariantCulture))
                  .Append(d.Status == "ok" ? "" : d.Status == "overdue" ? " **overdue**" : " **due soon**")
                  .Append(" | ").Append(HtmlReport.DueKind(d.Kind, capital: false)).Append(Code(d.Subject))
                  .Append(d.Detail == null ? "" : " (" + Cell(d.Detail) + ")")
                  .Append(" | ").Append(Cell(string.Join(", ", d.Projects))).Append(" |\n");
            }
        }

        Inventory(md, model.Projects);

        var suppressions = model.Projects.SelectMany(p => p.Suppressions.Select(x => (p.Name, x))).ToList();
        if (suppressions.Count > 0)
        {
            md.Append("\n## Suppressions and weakenings\n\n| Project | Rule | Effect | Where | Justification |\n|---|---|---|---|---|\n");
            foreach (var (project, x) in suppressions)
            {
                md.Append("| ").Append(Cell(project)).Append(" | ").Append(x.Rule).Append(" | ").Append(x.Effect).Append(" (").Append(x.Kind).Append(')')
                  .Append(" | ").Append(x.File == null ? Cell(x.Source) : Cell(x.File + (x.Line is { } l ? $":{l}" : "")))
                  .Append(" | ").Append(x.Justification == null ? "**none**" : Cell(x.Justification)).Append(" |\n");
            }
        }

        return md.ToString();
    }

    /// <summary>The inventory of LLM use of every project: call sites, declassifiers, classified declarations.</summary>
    private static void Inventory(StringBuilder md, IReadOnlyList<ProjectEntry> projects)
    {
        var inventories = projects.Where(p => p.Inventory != null).ToList();
        if (inventories.Count == 0)
        {
            return;
        }

        md.Append("\n## Inventory of LLM use\n");
        foreach (var p in inventories)
        {
            var inventory = p.Inventory!;
            md.Append("\n### ").Append(Cell(p.Name)).Append("\n\n")
              .Append(Plural(inventory.CallSites.Count, "call site")).Append(", ").Append(Plural(inventory.Declassifiers.Count, "declassifier")).Append(", ")
              .Append(Plural(inventory.Classified.Count, "classified declaration")).Append(".\n");
            if (inventory.CallSites.Count > 0)
            {
                md.Append("\n| Where | Sink | Provider | Purpose | Class | Sources | Ceiling | Policy |\n|---|---|---|---|---|---|---|---|\n");
                foreach (var c in inventory.CallSites)
                {
                    md.Append("| ").Append(Cell($"{c.File}:{c.Line}")).Append(" | ").Append(Code(c.Sink)).Append(" | ").Append(Code(c.Provider))
                      .Append(" | ").Append(c.Purpose).Append(" | ").Append(c.Class)
                          .Append(c.Categories.Count > 0 ? " (" + string.Join(", ", c.Categories) + ")" : "")
                      .Append(" | ").Append(Cell(string.Join(", ", c.Sources))).Append(" | ").Append(c.Ceiling ?? "none")
                      .Append(" | ").Append(c.Allowed ? "allowed" : "**outside the policy**").Append(" |\n");
                }
            }

            if (inventory.Declassifiers.Count > 0)
            {
                md.Append("\n| Declassifier | Where | Result at most | Justification |\n|---|---|---|---|\n");
                foreach (var d in inventory.Declassifiers)
                {
                    md.Append("| ").Append(Code(d.Method)).Append(" | ").Append(Cell($"{d.File}:{d.Line}")).Append(" | ").Append(d.Class)
                      .Append(" | ").Append(d.Justification == null ? "**none**" : Cell(d.Justification)).Append(" |\n");
                }
            }

            if (inventory.Classified.Count > 0)
            {
                md.Append("\n| Classified | Where | Kind | Class |\n|---|---|---|---|\n");
                foreach (var c in inventory.Classified)
                {
                    md.Append("| ").Append(Code(c.Symbol)).Append(" | ").Append(Cell($"{c.File}:{c.Line}")).Append(" | ").Append(c.Kind)
                      .Append(" | ").Append(c.Class).Append(c.Categories.Count > 0 ? " (" + string.Join(", ", c.Categories) + ")" : "").Append(" |\n");
                }
            }
        }
    }

    private static void FindingTable(StringBuilder md, IReadOnlyList<Finding> findings)
    {
        md.Append("| Rule | Severity | Project | Where | Provider | Purpose | Class | Sources | Message |\n|---|---|---|---|---|---|---|---|---|\n");
        foreach (var f in findings)
        {
            md.Append("| ").Append(f.Rule).Append(" | ").Append(f.Suppressed ? "suppressed"
                + (f.Justification == null ? "" : ": " + Cell(f.Justification)) : f.Severity)
              .Append(" | ").Append(Cell(f.Project))
              .Append(" | ").Append(Cell($"{f.File}:{f.Line}"))
              .Append(" | ").Append(f.Provider == null ? "" : Code(f.Provider))
              .Append(" | ").Append(f.Purpose ?? "")
              .Append(" | ").Append(f.Class ?? "").Append(f.Categories.Count > 0 ? " (" + string.Join(", ", f.Categories) + ")" : "")
              .Append(" | ").Append(Cell(string.Join(", ", f.Sources)))
              .Append(" | ").Append(Cell(f.Message)).Append(" |\n");
        }
    }

    private static void Names(StringBuilder md, string title, IReadOnlyList<string> names)
    {
        if (names.Count > 0)
        {
            md.Append(title).Append(": ").Append(string.Join(", ", names.Select(Cell))).Append(".\n");
        }
    }

    private static string Plural(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");

    private static string Days(int n) => n < 0 ? $"{-n} days overdue" : $"{n} days left";

    private static string Code(string text) => "`" + text.Replace("`", "'", StringComparison.Ordinal) + "`";

    /// <summary>Text that cannot break a table row or start markup.</summary>
    private static string Cell(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("|", "\\|", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace("\r", " ", StringComparison.Ordinal)
        .Replace("\n", " ", StringComparison.Ordinal);
}
