using System.Globalization;

namespace FineTunePolicy.Tool.Report;

/// <summary>Turns the files found under the inputs into the report model, judged on one date, optionally against a baseline.</summary>
internal static class ReportBuilder
{
    /// <summary>Approvals and reviews due within this many days are "dueSoon", as in the build task (FTP1038, FTP1040).</summary>
    public const int DueSoonDays = 30;

    /// <summary>The analyzer's inventory of LLM use (docs/rules/FTP0100.md).</summary>
    public const string InventoryRule = "FTP0100";

    private static readonly string[] ClassOrder = { "Public", "Internal", "Confidential", "Restricted" };

    public static ReportModel Build(IReadOnlyList<ProjectFiles> inputs, DateOnly today, (string Display, ReportModel Model)? baseline = null)
    {
        var projects = new List<(ProjectEntry Entry, AuditRecord? Audit, List<Finding> Findings)>();
        foreach (var (files, name, projectFolder) in Name(inputs))
        {
            var audit = files.AuditRecord == null ? null : AuditRecordReader.Read(files.AuditRecord, Display(files, files.AuditRecord));
            var logs = files.SarifLogs.Select(log => SarifLogReader.Read(log, Display(files, log))).ToList();
            if (audit == null && !logs.Any(l => l.ListsFtpRules || l.Results.Count > 0))
            {
                continue; // another tool's SARIF, or a project without FineTunePolicy
            }

            // FTP0100 is the inventory of LLM use, not a finding.
            var projectFindings = logs.SelectMany(l => l.Results)
                .Where(r => r.Rule != InventoryRule)
                .Select(r => ToFinding(r, name, projectFolder))
                .DistinctBy(f => (f.Rule, f.File, f.Line, f.Column, f.Message))
                .ToList();
            var entry = new ProjectEntry(
                name,
                ProjectDisplay(files),
                files.AuditRecord == null ? null : Display(files, files.AuditRecord),
                files.SarifLogs.Select(l => Display(files, l)).ToList(),
                audit?.Mode,
                audit?.JudgedOn,
                audit?.Strict,
                audit?.Manifest,
                audit?.AllowList,
                audit?.AnalyzerRan ?? (logs.Count > 0 ? logs.Any(l => l.ListsFtpRules) : null),
                audit?.Uses ?? Array.Empty<UseEntry>(),
                audit?.Datasets ?? Array.Empty<DatasetEntry>(),
                (audit?.Suppressions ?? Array.Empty<SuppressionEntry>())
                    .OrderBy(s => s.Rule, StringComparer.Ordinal).ThenBy(s => s.Kind, StringComparer.Ordinal)
                    .ThenBy(s => s.File, StringComparer.Ordinal).ThenBy(s => s.Line).ToList(),
                Inventory(logs.SelectMany(l => l.Results).Where(r => r.Rule == InventoryRule), projectFolder));
            projects.Add((entry, audit, projectFindings));
        }

        if (projects.Count == 0)
        {
            throw new ToolError("The SARIF logs found hold no FineTunePolicy results and list no FTP rule, and no audit record was found: the projects do not "
                + "use FineTunePolicy, or the analyzer did not run. Reference the FineTunePolicy.Analyzers package and build again.");
        }

        projects.Sort((a, b) => string.CompareOrdinal(a.Entry.Name, b.Entry.Name));
        var findings = projects.SelectMany(p => p.Findings)
            .OrderBy(f => f.Project, StringComparer.Ordinal).ThenBy(f => f.File, StringComparer.Ordinal)
            .ThenBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.Rule, StringComparer.Ordinal).ToList();
        var providers = Providers(projects, findings, today);
        var flows = Flows(projects, findings);
        var due = DueDates(projects, providers, today);
        var summary = new ReportSummary(
            projects.Count,
            providers.Select(p => p.Id).ToList(),
            providers.SelectMany(p => p.Purposes).Distinct().OrderBy(p => p, StringComparer.Ordinal).ToList(),
            findings.Count(f => !f.Suppressed),
            findings.Count(f => f.Suppressed),
            Count(findings.Where(f => !f.Suppressed), f => f.Rule),
            Count(findings.Where(f => !f.Suppressed), f => f.Severity),
            due.Count(d => d.Status == "dueSoon"),
            due.Count(d => d.Status == "overdue"),
            projects.Sum(p => p.Entry.Inventory?.CallSites.Count ?? 0));
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var model = new ReportModel(ReportModel.CurrentFormat, day, summary, projects.Select(p => p.Entry).ToList(), providers, findings, flows, due, null);
        return baseline is { } b ? model with { Changes = Compare(b.Display, b.Model, model) } : model;
    }

    public static int Rank(string? dataClass) => dataClass == null ? -1 : Array.IndexOf(ClassOrder, dataClass);

    /// <summary>
    /// Names each folder's project: the folder above obj/ when the files are in obj/&lt;configuration&gt;/&lt;tfm&gt;/, else the
    /// folder itself; two folders of one project (two configurations or target frameworks) get the rest as a suffix.
    /// </summary>
    private static IEnumerable<(ProjectFiles Files, string Name, string ProjectFolder)> Name(IReadOnlyList<ProjectFiles> inputs)
    {
        var named = inputs.Select(files =>
        {
            var projectFolder = ProjectFolder(files.Folder);
            var rest = Path.GetRelativePath(projectFolder, files.Folder).Replace('\\', '/');
            return (Files: files, Name: Path.GetFileName(projectFolder.TrimEnd(Path.DirectorySeparatorChar)), ProjectFolder: projectFolder, Below: rest);
        }).ToList();
        var duplicates = named.GroupBy(n => n.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var n in named)
        {
            var name = duplicates.Contains(n.Name) ? $"{n.Name} ({(n.Below.StartsWith("obj/", StringComparison.Ordinal) ? n.Below[4..] : n.Below)})" : n.Name;
            if (duplicates.Contains(n.Name) && named.Count(o => o.Name == n.Name && o.Below == n.Below) > 1)
            {
                name = $"{n.Name} ({n.Files.DisplayFolder})";
            }

            yield return (n.Files, name, n.ProjectFolder);
        }
    }

    private static string ProjectFolder(string folder)
    {
        var parts = folder.Split(Path.DirectorySeparatorChar);
        var obj = Array.LastIndexOf(parts, "obj");
        return obj > 0 ? string.Join(Path.DirectorySeparatorChar, parts.Take(obj)) : folder;
    }

    private static string ProjectDisplay(ProjectFiles files)
    {
        var display = files.DisplayFolder;
        var obj = display.LastIndexOf("/obj/", StringComparison.Ordinal);
        if (obj >= 0)
        {
            return display[..obj];
        }

        return display.StartsWith("obj/", StringComparison.Ordinal) || display == "obj" ? "." : display;
    }

    private static string Display(ProjectFiles files, string file) => files.DisplayFolder + "/" + Path.GetFileName(file);

    private static Finding ToFinding(SarifResult result, string project, string projectFolder)
    {
        var facts = FindingFactsReader.Read(result.Rule, result.Message, result.Properties);
        var file = RelativeTo(projectFolder, result.File) ?? "";
        var locations = result.Related
            .Where(r => r.File != null && r.Line != null)
            .Select(r => new SourceLocation(RelativeTo(projectFolder, r.File)!, r.Line!.Value))
            .Distinct().ToList();
        return new Finding(
            result.Rule,
            result.Level,
            project,
            file,
            result.Line,
            result.Column,
            result.Message,
            facts.Sink,
            facts.Purpose,
            facts.Provider,
            facts.Class,
            facts.Categories,
            facts.SourceNames,
            locations,
            facts.Ceiling,
            result.Suppressed,
            result.SuppressionKind,
            result.Justification);
    }

    /// <summary>
    /// The FTP0100 entries of a project's logs, by the kind their Entry property names (docs/rules/FTP0100.md); an entry of
    /// another kind (a newer analyzer) is left out. A suppressed entry is listed too: the code calls the provider all the same.
    /// </summary>
    private static ProjectInventory? Inventory(IEnumerable<SarifResult> results, string projectFolder)
    {
        var calls = new List<CallSite>();
        var declassifiers = new List<DeclassifierEntry>();
        var classified = new List<ClassifiedEntry>();
        foreach (var result in results)
        {
            var p = result.Properties;
            var file = RelativeTo(projectFolder, result.File) ?? "";
            var dataClass = p.GetValueOrDefault(FindingFactsReader.Keys.Class) ?? "Public";
            var categories = p.TryGetValue(FindingFactsReader.Keys.Categories, out var c) ? FindingFactsReader.Split(c) : Array.Empty<string>();
            switch (p.GetValueOrDefault(FindingFactsReader.Keys.Entry))
            {
                case "sinkCall":
                    calls.Add(new CallSite(
                        file,
                        result.Line,
                        result.Column,
                        p.GetValueOrDefault(FindingFactsReader.Keys.Sink) ?? "",
                        p.GetValueOrDefault(FindingFactsReader.Keys.Provider) ?? "unknown",
                        FindingFactsReader.PurposeKey(p.GetValueOrDefault(FindingFactsReader.Keys.Purpose)) ?? "inference",
                        dataClass,
                        categories,
                        p.TryGetValue(FindingFactsReader.Keys.Sources, out var sources) ? FindingFactsReader.Split(sources) : Array.Empty<string>(),
                        p.GetValueOrDefault(FindingFactsReader.Keys.Ceiling),
                        p.GetValueOrDefault(FindingFactsReader.Keys.Allowed) == "true"));
                    break;
                case "declassifier":
                    declassifiers.Add(new DeclassifierEntry(file, result.Line, p.GetValueOrDefault(FindingFactsReader.Keys.Symbol) ?? "", dataClass,
                        p.GetValueOrDefault(FindingFactsReader.Keys.Justification)));
                    break;
                case "classified":
                    classified.Add(new ClassifiedEntry(file, result.Line, p.GetValueOrDefault(FindingFactsReader.Keys.Symbol) ?? "",
                        p.GetValueOrDefault(FindingFactsReader.Keys.SymbolKind) ?? "member", dataClass, categories));
                    break;
            }
        }

        if (calls.Count == 0 && declassifiers.Count == 0 && classified.Count == 0)
        {
            return null;
        }

        // Two logs of one folder (the compiler's and a project's own ErrorLog) list the same entries.
        return new ProjectInventory(
            calls.DistinctBy(x => (x.File, x.Line, x.Column, x.Sink, x.Provider, x.Purpose))
                .OrderBy(x => x.File, StringComparer.Ordinal).ThenBy(x => x.Line).ThenBy(x => x.Column).ThenBy(x => x.Sink, StringComparer.Ordinal).ToList(),
            declassifiers.DistinctBy(x => (x.File, x.Line, x.Method))
                .OrderBy(x => x.File, StringComparer.Ordinal).ThenBy(x => x.Line).ThenBy(x => x.Method, StringComparer.Ordinal).ToList(),
            classified.DistinctBy(x => (x.File, x.Line, x.Symbol, x.Kind))
                .OrderBy(x => x.File, StringComparer.Ordinal).ThenBy(x => x.Line).ThenBy(x => x.Symbol, StringComparer.Ordinal).ToList());
    }

    /// <summary>A path relative to the project folder with '/' separators when it lies below it; otherwise as it is.</summary>
    private static string? RelativeTo(string projectFolder, string? file)
    {
        if (file == null)
        {
            return null;
        }

        var relative = Path.GetRelativePath(projectFolder, file);
        return (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? file : relative).Replace('\\', '/');
    }

    private static List<ProviderEntry> Providers(List<(ProjectEntry Entry, AuditRecord? Audit, List<Finding> Findings)> projects, List<Finding> findings,
        DateOnly today)
    {
        var ids = new SortedDictionary<string, (AuditProvider? Facts, SortedSet<string> Projects, SortedSet<string> Purposes)>(StringComparer.Ordinal);

        void Add(string id, string project, string? purpose, AuditProvider? facts)
        {
            if (!ids.TryGetValue(id, out var entry))
            {
                entry = (facts, new SortedSet<string>(StringComparer.Ordinal), new SortedSet<string>(StringComparer.Ordinal));
            }

            entry.Facts ??= facts;
            entry.Projects.Add(project);
            if (purpose != null)
            {
                entry.Purposes.Add(purpose);
            }

            ids[id] = entry;
        }

        foreach (var (entry, audit, _) in projects)
        {
            foreach (var provider in audit?.Providers ?? Array.Empty<AuditProvider>())
            {
                Add(provider.Id, entry.Name, null, provider);
                foreach (var purpose in provider.Purposes)
                {
                    Add(provider.Id, entry.Name, purpose, provider);
                }
            }

            foreach (var use in entry.Uses)
            {
                Add(use.Provider, entry.Name, use.Purpose, null);
            }

            foreach (var dataset in entry.Datasets)
            {
                Add(dataset.Provider, entry.Name, "fineTuning", null);
            }

            foreach (var call in entry.Inventory?.CallSites ?? Array.Empty<CallSite>())
            {
                Add(call.Provider, entry.Name, call.Purpose, null);
            }
        }

        foreach (var finding in findings.Where(f => f.Provider != null))
        {
            Add(finding.Provider!, finding.Project, finding.Purpose, null);
        }

        return ids.Select(p => new ProviderEntry(
            p.Key,
            p.Value.Facts?.DisplayName,
            p.Value.Facts?.Hosting,
            p.Value.Facts?.ReviewBy,
            DaysLeft(p.Value.Facts?.ReviewBy, today),
            p.Value.Projects.ToList(),
            p.Value.Purposes.ToList())).ToList();
    }

    private static List<Flow> Flows(List<(ProjectEntry Entry, AuditRecord? Audit, List<Finding> Findings)> projects, List<Finding> findings)
    {
        var flows = new List<Flow>();
        foreach (var (entry, _, _) in projects)
        {
            flows.AddRange(entry.Uses.Select(u => new Flow(null, u.Class, entry.Name, u.Provider, u.Purpose, u.Decision == "allowed" ? "allowed" : "blocked",
                u.Rule)));
            flows.AddRange(entry.Datasets.Select(d => new Flow("dataset " + d.Name, d.Class, entry.Name, d.Provider, "fineTuning",
                d.Decision == "allowed" ? "allowed" : "blocked", d.Rule)));
        }

        // The inventory's call sites: what the code sends where. A call the policy forbids is drawn from its finding (blocked,
        // flagged or suppressed, as the build judged it); one without a finding had its rule turned off (suppressed).
        foreach (var (entry, _, projectFindings) in projects)
        {
            foreach (var call in entry.Inventory?.CallSites ?? Array.Empty<CallSite>())
            {
                if (!call.Allowed && projectFindings.Any(f => Reports(f, call)))
                {
                    continue;
                }

                var status = call.Allowed ? "allowed" : "suppressed";
                var names = call.Sources.Count > 0 ? call.Sources.ToList<string?>() : new List<string?> { null };
                foreach (var source in names)
                {
                    flows.Add(new Flow(source, call.Class, entry.Name, call.Provider, call.Purpose, status, null));
                }
            }
        }

        foreach (var finding in findings.Where(f => f.Provider != null && f.Purpose != null))
        {
            // An error stops the build (blocked); a warning or note reports the flow but lets the build pass (flagged).
            var status = finding.Suppressed ? "suppressed" : finding.Severity == "error" ? "blocked" : "flagged";
            var names = finding.Sources.Count > 0 ? finding.Sources.Distinct().ToList<string?>() : new List<string?> { null };
            foreach (var source in names)
            {
                flows.Add(new Flow(source, finding.Class ?? "Unknown", finding.Project, finding.Provider!, finding.Purpose!, status, finding.Rule));
            }
        }

        return flows.Distinct()
            .OrderBy(f => f.Project, StringComparer.Ordinal).ThenBy(f => f.Provider, StringComparer.Ordinal)
            .ThenBy(f => f.Purpose, StringComparer.Ordinal).ThenBy(f => f.Source ?? "", StringComparer.Ordinal)
            .ThenBy(f => f.Status, StringComparer.Ordinal).ThenBy(f => f.Class, StringComparer.Ordinal).ThenBy(f => f.Rule ?? "", StringComparer.Ordinal)
                .ToList();
    }

    /// <summary>Whether an FTP0001-FTP0004 finding is about this call: its sink, or a wrapper chain ending in it, with the same provider and purpose.</summary>
    private static bool Reports(Finding finding, CallSite call) =>
        finding.Provider == call.Provider && finding.Purpose == call.Purpose && finding.Sink is { } sink
        && (sink == call.Sink || sink.EndsWith(" → " + call.Sink, StringComparison.Ordinal));

    private static List<DueDate> DueDates(List<(ProjectEntry Entry, AuditRecord? Audit, List<Finding> Findings)> projects, List<ProviderEntry> providers,
        DateOnly today)
    {
        var due = new List<DueDate>();
        var approvals = projects
            .SelectMany(p => (p.Audit?.Approvals ?? Array.Empty<AuditApproval>()).Select(a => (Project: p.Entry.Name, Approval: a)))
            .Where(a => a.Approval.Expires != null)
            .GroupBy(a => (a.Approval.Id, a.Approval.Expires, a.Approval.Who, a.Approval.Role));
        foreach (var group in approvals)
        {
            var approval = group.First().Approval;
            var days = DaysLeft(approval.Expires, today) ?? 0;
            var detail = string.Join(", ", new[] { approval.Role, approval.Who, approval.Ticket }.Where(s => !string.IsNullOrEmpty(s)))
                + (approval.Covers.Count > 0 ? "; covers " + string.Join(", ", approval.Covers) : "");
            due.Add(new DueDate("approval", approval.Id, approval.Expires!, days, Status(days), group.Select(g => g.Project).Distinct()
                .OrderBy(p => p, StringComparer.Ordinal).ToList(), detail));
        }

        foreach (var provider in providers.Where(p => p.ReviewBy != null && p.ReviewDaysLeft != null))
        {
            due.Add(new DueDate("review", provider.Id, provider.ReviewBy!, provider.ReviewDaysLeft!.Value, Status(provider.ReviewDaysLeft.Value),
                provider.Projects, provider.DisplayName));
        }

        var models = projects
            .SelectMany(p => (p.Audit?.Models ?? Array.Empty<AuditModel>()).Select(m => (Project: p.Entry.Name, Model: m)))
            .Where(m => m.Model.ReviewBy != null)
            .GroupBy(m => (m.Model.Id, m.Model.ReviewBy));
        foreach (var group in models)
        {
            var model = group.First().Model;
            var days = DaysLeft(model.ReviewBy, today) ?? 0;
            var detail = string.Join(", ", new[] { model.Provider, model.TrainedOnClass is { } c ? "trained on " + c + " data" : null }
                .Where(s => !string.IsNullOrEmpty(s)));
            due.Add(new DueDate("modelReview", model.Id, model.ReviewBy!, days, Status(days), group.Select(g => g.Project).Distinct()
                .OrderBy(p => p, StringComparer.Ordinal).ToList(), detail));
        }

        return due.OrderBy(d => d.DaysLeft).ThenBy(d => d.Kind, StringComparer.Ordinal).ThenBy(d => d.Subject, StringComparer.Ordinal).ToList();
    }

    private static string Status(int daysLeft) => daysLeft < 0 ? "overdue" : daysLeft <= DueSoonDays ? "dueSoon" : "ok";

    private static int? DaysLeft(string? date, DateOnly today) =>
        date != null && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.DayNumber - today.DayNumber
            : null;

    private static SortedDictionary<string, int> Count(IEnumerable<Finding> findings, Func<Finding, string> key)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            counts[key(finding)] = counts.GetValueOrDefault(key(finding)) + 1;
        }

        return counts;
    }

    private static ReportChanges Compare(string display, ReportModel baseline, ReportModel current)
    {
        // A multiset comparison by key: two equal findings (or call sites) in one file count twice.
        static List<T> Missing<T>(IEnumerable<T> from, IEnumerable<T> other, Func<T, string> key)
        {
            var left = other.GroupBy(key).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var result = new List<T>();
            foreach (var item in from)
            {
                if (left.TryGetValue(key(item), out var n) && n > 0)
                {
                    left[key(item)] = n - 1;
                }
                else
                {
                    result.Add(item);
                }
            }

            return result;
        }

        static List<CallSiteChange> CallSites(ReportModel model) => model.Projects
            .SelectMany(p => (p.Inventory?.CallSites ?? Array.Empty<CallSite>())
                .Select(c => new CallSiteChange(p.Name, c.File, c.Line, c.Sink, c.Provider, c.Purpose, c.Class)))
            .ToList();

        // Call sites are compared only when both reports hold an inventory: against a report without one, every call would be new.
        var inventories = baseline.Projects.Any(p => p.Inventory != null) && current.Projects.Any(p => p.Inventory != null);
        var sitesNow = CallSites(current);
        var sitesThen = CallSites(baseline);

        var active = current.Findings.Where(f => !f.Suppressed).ToList();
        var before = baseline.Findings.Where(f => !f.Suppressed).ToList();
        var projectsNow = current.Projects.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var projectsThen = baseline.Projects.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var providersNow = current.Providers.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var providersThen = baseline.Providers.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        return new ReportChanges(
            display,
            baseline.Today,
            Missing(active, before, f => f.Key),
            Missing(before, active, f => f.Key),
            projectsNow.Except(projectsThen).OrderBy(p => p, StringComparer.Ordinal).ToList(),
            projectsThen.Except(projectsNow).OrderBy(p => p, StringComparer.Ordinal).ToList(),
            providersNow.Except(providersThen).OrderBy(p => p, StringComparer.Ordinal).ToList(),
            providersThen.Except(providersNow).OrderBy(p => p, StringComparer.Ordinal).ToList(),
            inventories ? Missing(sitesNow, sitesThen, c => c.Key) : null,
            inventories ? Missing(sitesThen, sitesNow, c => c.Key) : null);
    }
}
