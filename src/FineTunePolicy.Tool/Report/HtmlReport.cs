using System.Globalization;
using System.Text;

namespace FineTunePolicy.Tool.Report;

/// <summary>
/// report.html: one self-contained page (inline CSS and SVG, no script, nothing loaded from anywhere), readable on
/// screen, printed, and by colour-blind readers (every colour is also a word or a pattern).
/// </summary>
internal static class HtmlReport
{
    private const string Css = """
        :root { --ink: #1b1b1b; --muted: #555; --line: #ccc; --bad: #B00020; --warn: #8a5a00; --ok: #1d6b3a; }
        * { box-sizing: border-box; }
        body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0 auto; padding: 24px; max-width: 1120px; }
        h1 { font-size: 1.6em; margin: 0 0 4px; } h2 { font-size: 1.25em; margin: 32px 0 8px; border-bottom: 2px solid var(--ink); padding-bottom: 2px; }
        .subtitle { color: var(--muted); margin: 0 0 16px; }
        .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; padding: 0; list-style: none; }
        .cards li { border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; min-width: 130px; }
        .cards .n { display: block; font-size: 1.6em; font-weight: 700; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 0.92em; }
        th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
        th { background: #f2f2f2; }
        code { font-family: ui-monospace, "Cascadia Mono", Consolas, monospace; font-size: 0.92em; overflow-wrap: anywhere; }
        .badge { display: inline-block; border: 1.5px solid currentColor; border-radius: 4px; padding: 0 6px; font-weight: 600; font-size: 0.85em; }
        .sev-error, .st-overdue, .st-blocked { color: var(--bad); } .sev-warning, .st-dueSoon, .st-flagged { color: var(--warn); } .st-ok, .st-allowed { color: var(--ok); }
        .sev-note, .sev-none, .st-suppressed { color: var(--muted); }
        .cls { display: inline-block; border-radius: 4px; padding: 0 6px; font-weight: 600; font-size: 0.85em; border: 2px solid; }
        .picture { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; padding: 8px; }
        .column-heading { font-weight: 700; font-size: 15px; fill: var(--ink); }
        .node-label { font-size: 13px; font-weight: 600; fill: var(--ink); } .node-detail { font-size: 11px; fill: var(--muted); }
        .edge-label { font-size: 11px; fill: var(--ink); paint-order: stroke; stroke: #fff; stroke-width: 4px; stroke-linejoin: round; }
        .edge-label.blocked { fill: var(--bad); font-weight: 700; } .edge-label.flagged { fill: var(--warn); font-weight: 700; }
        .legend { display: flex; flex-wrap: wrap; gap: 6px 18px; list-style: none; padding: 0; margin: 8px 0; font-size: 0.9em; }
        .finding { border: 1px solid var(--line); border-left: 6px solid var(--muted); border-radius: 6px; padding: 8px 12px; margin: 10px 0; break-inside: avoid; }
        .finding.sev-error { border-left-color: var(--bad); } .finding.sev-warning { border-left-color: var(--warn); }
        .finding h3 { font-size: 1em; margin: 0 0 4px; color: var(--ink); } .finding p { margin: 4px 0; color: var(--ink); }
        .finding dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 6px 0 0; color: var(--ink); }
        .finding dt { font-weight: 600; color: var(--muted); } .finding dd { margin: 0; }
        .muted { color: var(--muted); }
        h4 { font-size: 0.98em; margin: 14px 0 4px; }
        @media print {
          body { padding: 0; font-size: 10pt; max-width: none; }
          .picture { overflow: visible; border: none; } .picture svg { width: 100%; height: auto; }
          h2 { break-after: avoid; } .finding, tr { break-inside: avoid; }
        }
        """;

    public static string Write(ReportModel model)
    {
        var s = model.Summary;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
        html.Append("<title>FineTunePolicy report ").Append(model.Today).Append("</title>\n<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n");
        html.Append("<header><h1>FineTunePolicy report</h1><p class=\"subtitle\">Where the code calls LLMs, with which data, to which providers, and what the "
            + "policy decided. Judged on <strong>")
            .Append(model.Today).Append("</strong>.</p></header>\n");

        html.Append("<section id=\"summary\"><h2>Summary</h2><ul class=\"cards\">");
        Card(html, s.Projects, "projects");
        Card(html, s.CallSites, "LLM call sites");
        Card(html, s.Findings, "findings");
        Card(html, s.Suppressed, "suppressed");
        Card(html, s.Providers.Count, "providers");
        Card(html, s.Overdue, "overdue");
        Card(html, s.DueSoon, "due within 30 days");
        html.Append("</ul><p><strong>Providers:</strong> ").Append(s.Providers.Count == 0 ? "none" : string.Join(", ",
            s.Providers.Select(p => "<code>" + E(p) + "</code>")))
            .Append(". <strong>Purposes:</strong> ").Append(s.Purposes.Count == 0 ? "none" : E(string.Join(", ", s.Purposes.Select(Purpose)))).Append(".</p>");
        if (s.FindingsByRule.Count > 0)
        {
            html.Append("<table id=\"findings-by-rule\"><thead><tr><th>Rule</th><th>Findings</th></tr></thead><tbody>");
            foreach (var (rule, n) in s.FindingsByRule)
            {
                html.Append("<tr><td>").Append(E(rule)).Append("</td><td>").Append(n).Append("</td></tr>");
            }

            html.Append("</tbody></table><table id=\"findings-by-severity\"><thead><tr><th>Severity</th><th>Findings</th></tr></thead><tbody>");
            foreach (var (severity, n) in s.FindingsBySeverity)
            {
                html.Append("<tr><td><span class=\"badge sev-").Append(E(severity)).Append("\">").Append(E(severity)).Append("</span></td><td>").Append(n)
                    .Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("</section>\n");

        if (model.Changes is { } changes)
        {
            Changes(html, changes);
        }

        html.Append("<section id=\"flows\"><h2>Data flows</h2><p class=\"muted\">Classified sources named by findings and by the inventory's call sites, the "
            + "projects that send data, and the providers it reaches. Edges are coloured, dashed and labelled by class; flows the policy forbids are marked ✕ "
            + "BLOCKED (the build fails) or ⚠ FLAGGED (the build only warns).</p>")
            .Append(FlowPicture.Legend()).Append("<div class=\"picture\">").Append(FlowPicture.Render(model)).Append("</div></section>\n");

        html.Append("<section id=\"findings\"><h2>Findings (").Append(model.Findings.Count).Append(")</h2>");
        if (model.Findings.Count == 0)
        {
            html.Append("<p>No FineTunePolicy findings.</p>");
        }

        for (var i = 0; i < model.Findings.Count; i++)
        {
            FindingArticle(html, model.Findings[i], "finding-" + (i + 1).ToString(CultureInfo.InvariantCulture));
        }

        html.Append("</section>\n");

        html.Append("<section id=\"due\"><h2>Approvals and contract reviews</h2>");
        if (model.DueDates.Count == 0)
        {
            html.Append("<p>No approval or review date in the audit records.</p>");
        }
        else
        {
            html.Append("<table><thead><tr><th>Due</th><th>Days left</th><th>Status</th><th>What</th><th>Projects</th></tr></thead><tbody>");
            foreach (var d in model.DueDates)
            {
                html.Append("<tr data-kind=\"").Append(d.Kind).Append("\"><td>").Append(d.Date).Append("</td><td>").Append(d.DaysLeft)
                    .Append("</td><td><span class=\"badge st-").Append(d.Status).Append("\">")
                        .Append(d.Status switch { "overdue" => "overdue", "dueSoon" => "due soon", _ => "ok" })
                    .Append("</span></td><td>").Append(DueKind(d.Kind, capital: true)).Append("<code>").Append(E(d.Subject))
                        .Append("</code>")
                    .Append(d.Detail == null ? "" : " <span class=\"muted\">(" + E(d.Detail) + ")</span>")
                    .Append("</td><td>").Append(E(string.Join(", ", d.Projects))).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("</section>\n");

        html.Append("<section id=\"providers\"><h2>Providers</h2><table><thead><tr>")
            .Append("<th>Provider</th><th>Hosting</th><th>Purposes</th><th>Projects</th><th>Review by</th></tr></thead><tbody>");
        foreach (var p in model.Providers)
        {
            html.Append("<tr><td><code>").Append(E(p.Id)).Append("</code>").Append(p.DisplayName == null ? "" : "<br>" + E(p.DisplayName))
                .Append("</td><td>").Append(E(p.Hosting ?? "not in an audit record"))
                .Append("</td><td>").Append(E(string.Join(", ", p.Purposes.Select(Purpose))))
                .Append("</td><td>").Append(E(string.Join(", ", p.Projects)))
                .Append("</td><td>").Append(p.ReviewBy == null ? "" : E(p.ReviewBy) + " ("
                    + (p.ReviewDaysLeft < 0 ? -p.ReviewDaysLeft + " days overdue" : p.ReviewDaysLeft + " days left") + ")")
                .Append("</td></tr>");
        }

        html.Append("</tbody></table></section>\n");

        html.Append("<section id=\"projects\"><h2>Projects</h2>");
        foreach (var p in model.Projects)
        {
            ProjectSection(html, p);
        }

        html.Append("</section>\n<footer class=\"muted\"><p>Written by <code>finetune-policy report</code> from the audit records and SARIF logs listed under "
            + "each project.</p></footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Card(StringBuilder html, int n, string label) =>
        html.Append("<li><span class=\"n\">").Append(n).Append("</span>").Append(E(label)).Append("</li>");

    private static void FindingArticle(StringBuilder html, Finding f, string id)
    {
        var severity = f.Suppressed ? "none" : f.Severity;
        html.Append("<article class=\"finding sev-").Append(E(severity)).Append("\" id=\"").Append(id).Append("\" data-rule=\"").Append(E(f.Rule))
            .Append("\" data-project=\"").Append(E(f.Project)).Append("\"><h3>").Append(E(f.Rule)).Append(' ')
            .Append("<span class=\"badge sev-").Append(E(severity)).Append("\">").Append(f.Suppressed ? "suppressed" : E(f.Severity)).Append("</span> ")
            .Append("<code>").Append(E($"{f.Project}: {f.File}({f.Line},{f.Column})")).Append("</code></h3><p>").Append(E(f.Message)).Append("</p><dl>");
        Fact(html, "Sink", f.Sink == null ? null : "<code>" + E(f.Sink) + "</code>");
        Fact(html, "Provider", f.Provider == null ? null : "<code>" + E(f.Provider) + "</code>");
        Fact(html, "Purpose", f.Purpose == null ? null : E(Purpose(f.Purpose)));
        Fact(html, "Class", f.Class == null ? null : ClassBadge(f.Class) + (f.Categories.Count > 0 ? " " + E(string.Join(", ", f.Categories)) : ""));
        Fact(html, "Ceiling", f.Ceiling == null ? null : ClassBadge(f.Ceiling));
        if (f.Sources.Count > 0)
        {
            Fact(html, "Sources", string.Join(", ", f.Sources.Select(src => "<code>" + E(src) + "</code>"))
                + (f.SourceLocations.Count == 0 ? "" : " <span class=\"muted\">declared at "
                    + E(string.Join(", ", f.SourceLocations.Select(l => $"{l.File}({l.Line})"))) + "</span>"));
        }

        if (f.Suppressed)
        {
            Fact(html, "Suppressed by", E(f.SuppressionKind ?? "unknown"));
            Fact(html, "Justification", f.Justification == null ? "<strong class=\"sev-error\">none given</strong>" : E(f.Justification));
        }

        html.Append("</dl></article>");
    }

    private static void Fact(StringBuilder html, string name, string? valueHtml)
    {
        if (valueHtml != null)
        {
            html.Append("<dt>").Append(E(name)).Append("</dt><dd>").Append(valueHtml).Append("</dd>");
        }
    }

    private static string ClassBadge(string dataClass)
    {
        var colour = FlowPicture.Classes.TryGetValue(dataClass, out var c) ? c.Colour : "#777777";
        return $"<span class=\"cls\" style=\"border-color:{colour};background:{colour}22\">{E(dataClass)}</span>";
    }

    private static void ProjectSection(StringBuilder html, ProjectEntry p)
    {
        html.Append("<h3 data-project=\"").Append(E(p.Name)).Append("\">").Append(E(p.Name)).Append(" <span class=\"muted\">").Append(E(p.Path))
            .Append("</span></h3><ul>");
        html.Append("<li>Policy: ").Append(p.Mode switch
        {
            "manifest" => $"manifest <code>{E(p.Manifest?.Path ?? "")}</code> against allow-list <code>{E(p.AllowList?.Path ?? "")}</code>",
            "default" => "no manifest: the analyzer's default ceilings",
            _ => "no audit record (SARIF only)",
        });
        if (p.JudgedOn != null)
        {
            html.Append(", judged on ").Append(E(p.JudgedOn)).Append(p.Strict == true ? ", strict mode" : "");
        }

        html.Append("</li><li>Analyzer ran: ").Append(p.AnalyzerRan switch { true => "yes", false => "<strong class=\"sev-error\">no</strong>", null =>
            "not known" }).Append("</li>");
        html.Append("<li>Read: ").Append(E(string.Join(", ", new[] { p.AuditRecord }.Concat(p.SarifLogs).OfType<string>()))).Append("</li></ul>");
        if (p.Uses.Count > 0 || p.Datasets.Count > 0)
        {
            html.Append("<table><thead><tr>")
                .Append("<th>Declared</th><th>Provider</th><th>Purpose</th><th>Class</th><th>Ceiling</th><th>Decision</th></tr></thead><tbody>");
            foreach (var u in p.Uses)
            {
                html.Append("<tr><td>use").Append(u.Description == null ? "" : ": " + E(u.Description)).Append("</td><td><code>").Append(E(u.Provider))
                    .Append("</code></td><td>")
                    .Append(E(Purpose(u.Purpose))).Append("</td><td>").Append(ClassBadge(u.Class))
                        .Append(u.Categories.Count > 0 ? " " + E(string.Join(", ", u.Categories)) : "")
                    .Append("</td><td>").Append(u.Ceiling == null ? "" : ClassBadge(u.Ceiling)).Append("</td><td>").Append(Decision(u.Decision, u.Rule))
                        .Append("</td></tr>");
            }

            foreach (var d in p.Datasets)
            {
                html.Append("<tr><td>dataset <code>").Append(E(d.Name)).Append("</code>")
                    .Append(d.Sanitizers.Count > 0 ? " via " + E(string.Join(", ", d.Sanitizers)) : "")
                    .Append("</td><td><code>").Append(E(d.Provider)).Append("</code></td><td>fine-tuning</td><td>").Append(ClassBadge(d.Class))
                    .Append("</td><td>").Append(d.Ceiling == null ? "" : ClassBadge(d.Ceiling)).Append("</td><td>").Append(Decision(d.Decision, d.Rule))
                        .Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        Inventory(html, p);

        if (p.Suppressions.Count > 0)
        {
            html.Append("<table class=\"suppressions\"><thead><tr><th>Rule</th><th>Effect</th><th>Where</th><th>Justification</th></tr></thead><tbody>");
            foreach (var x in p.Suppressions)
            {
                html.Append("<tr><td>").Append(E(x.Rule)).Append("</td><td>").Append(E(x.Effect)).Append(" (").Append(E(x.Kind)).Append(")</td><td><code>")
                    .Append(E(x.File == null ? x.Source : x.File + (x.Line is { } l ? $":{l}" : ""))).Append("</code></td><td>")
                    .Append(x.Justification == null ? "<strong class=\"sev-error\">none</strong>" : E(x.Justification)).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }
    }

    /// <summary>The project's inventory of LLM use: call sites, declassifiers and classified declarations.</summary>
    private static void Inventory(StringBuilder html, ProjectEntry p)
    {
        var id = "inventory-" + Slug(p.Name);
        if (p.Inventory is not { } inventory)
        {
            html.Append("<p class=\"muted\" id=\"").Append(id).Append("\">No inventory of LLM use in the SARIF logs: built without it (FTP0100), or with "
                + "nothing to list.</p>");
            return;
        }

        html.Append("<div class=\"inventory\" id=\"").Append(id).Append("\" data-project=\"").Append(E(p.Name)).Append("\">");
        html.Append("<h4>LLM call sites (").Append(inventory.CallSites.Count).Append(")</h4>");
        if (inventory.CallSites.Count > 0)
        {
            html.Append("<table class=\"call-sites\"><thead><tr><th>Where</th><th>Sink</th><th>Provider</th><th>Purpose</th><th>Class</th>")
                .Append("<th>Sources</th><th>Ceiling</th><th>Policy</th></tr></thead><tbody>");
            foreach (var c in inventory.CallSites)
            {
                html.Append("<tr data-provider=\"").Append(E(c.Provider)).Append("\" data-allowed=\"").Append(c.Allowed ? "true" : "false")
                    .Append("\"><td><code>")
                    .Append(E($"{c.File}({c.Line},{c.Column})")).Append("</code></td><td><code>").Append(E(c.Sink)).Append("</code></td><td><code>")
                        .Append(E(c.Provider))
                    .Append("</code></td><td>").Append(E(Purpose(c.Purpose))).Append("</td><td>").Append(ClassBadge(c.Class))
                    .Append(c.Categories.Count > 0 ? " " + E(string.Join(", ", c.Categories)) : "")
                    .Append("</td><td>").Append(c.Sources.Count == 0 ? "<span class=\"muted\">nothing "
                        + "classified</span>" : string.Join(", ", c.Sources.Select(x => "<code>" + E(x) + "</code>")))
                    .Append("</td><td>").Append(c.Ceiling == null ? "<span class=\"muted\">none</span>" : ClassBadge(c.Ceiling))
                    .Append("</td><td>").Append(c.Allowed ? "<span class=\"badge st-allowed\">allowed</span>" : "<span class=\"badge st-blocked\">outside the "
                        + "policy</span>")
                    .Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("<h4>Declassifiers (").Append(inventory.Declassifiers.Count).Append(")</h4>");
        if (inventory.Declassifiers.Count > 0)
        {
            html.Append("<table class=\"declassifiers\"><thead><tr><th>Where</th><th>Method</th><th>Result at "
                + "most</th><th>Justification</th></tr></thead><tbody>");
            foreach (var d in inventory.Declassifiers)
            {
                html.Append("<tr><td><code>").Append(E($"{d.File}({d.Line})")).Append("</code></td><td><code>").Append(E(d.Method)).Append("</code></td><td>")
                    .Append(ClassBadge(d.Class)).Append("</td><td>")
                        .Append(d.Justification == null ? "<strong class=\"sev-error\">none</strong>" : E(d.Justification)).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("<h4>Classified declarations (").Append(inventory.Classified.Count).Append(")</h4>");
        if (inventory.Classified.Count > 0)
        {
            html.Append("<table class=\"classified\"><thead><tr><th>Where</th><th>Declaration</th><th>Kind</th><th>Class</th></tr></thead><tbody>");
            foreach (var c in inventory.Classified)
            {
                html.Append("<tr><td><code>").Append(E($"{c.File}({c.Line})")).Append("</code></td><td><code>").Append(E(c.Symbol)).Append("</code></td><td>")
                    .Append(E(c.Kind)).Append("</td><td>").Append(ClassBadge(c.Class))
                        .Append(c.Categories.Count > 0 ? " " + E(string.Join(", ", c.Categories)) : "").Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("</div>");
    }

    private static string Slug(string name) => new(name.Select(ch => char.IsAsciiLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '-').ToArray());

    private static string Decision(string decision, string? rule) =>
        $"<span class=\"badge st-{(decision == "allowed" ? "allowed" : "blocked")}\">{E(decision)}</span>{(rule == null ? "" : " " + E(rule))}";

    private static void Changes(StringBuilder html, ReportChanges c)
    {
        html.Append("<section id=\"changes\"><h2>Changes since ").Append(E(c.Baseline)).Append(" (").Append(E(c.BaselineDate)).Append(")</h2><ul>")
            .Append("<li>").Append(c.NewFindings.Count).Append(" new findings, ").Append(c.ResolvedFindings.Count).Append(" resolved</li>");
        void Names(string title, IReadOnlyList<string> names)
        {
            if (names.Count > 0)
            {
                html.Append("<li>").Append(title).Append(": ").Append(E(string.Join(", ", names))).Append("</li>");
            }
        }

        Names("New projects", c.NewProjects);
        Names("Removed projects", c.RemovedProjects);
        Names("New providers", c.NewProviders);
        Names("Removed providers", c.RemovedProviders);
        html.Append("<li>").Append(c.NewCallSites == null
            ? "LLM call sites: not compared (the baseline or this report holds no inventory of LLM use)"
            : $"{c.NewCallSites.Count} new LLM call sites, {c.RemovedCallSites!.Count} removed").Append("</li>");
        html.Append("</ul>");
        var siteLists = new[] { ("New LLM call sites", c.NewCallSites, "new-call-site"), ("Removed LLM call sites", c.RemovedCallSites, "removed-call-site") };
        foreach (var (title, list, cls) in siteLists)
        {
            if (list is { Count: > 0 })
            {
                html.Append("<h3>").Append(title).Append("</h3><ul class=\"").Append(cls).Append("\">");
                foreach (var site in list)
                {
                    html.Append("<li><code>").Append(E($"{site.Project}: {site.File}({site.Line})")).Append("</code> <code>").Append(E(site.Sink))
                        .Append("</code> to <code>").Append(E(site.Provider)).Append("</code> for ").Append(E(Purpose(site.Purpose))).Append(' ')
                        .Append(ClassBadge(site.Class)).Append("</li>");
                }

                html.Append("</ul>");
            }
        }

        foreach (var (title, list, cls) in new[] { ("New", c.NewFindings, "new-finding"), ("Resolved", c.ResolvedFindings, "resolved-finding") })
        {
            if (list.Count > 0)
            {
                html.Append("<h3>").Append(title).Append("</h3><ul class=\"").Append(cls).Append("\">");
                foreach (var f in list)
                {
                    html.Append("<li>").Append(E(f.Rule)).Append(" <code>").Append(E($"{f.Project}: {f.File}({f.Line})")).Append("</code> ")
                        .Append(E(f.Message)).Append("</li>");
                }

                html.Append("</ul>");
            }
        }

        html.Append("</section>\n");
    }

    private static string Purpose(string purpose) => purpose == "fineTuning" ? "fine-tuning" : purpose;

    /// <summary>What falls due, before its subject: an approval's expiry, a provider's contract review, a tuned model's review.</summary>
    internal static string DueKind(string kind, bool capital)
    {
        var text = kind switch
        {
            "approval" => "approval ",
            "modelReview" => "review of tuned model ",
            _ => "contract review of ",
        };
        return capital ? char.ToUpperInvariant(text[0]) + text[1..] : text;
    }

    private static string E(string text) => Html.Escape(text);
}
