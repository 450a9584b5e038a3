namespace FineTunePolicy.Tool.Report;

// The report as data: what report.json holds (docs/schemas/report.schema.json) and what the HTML and Markdown render.
// Every list is sorted and every map is ordinal-sorted, so equal inputs give byte-equal files.

/// <summary>The whole report.</summary>
internal sealed record ReportModel(
    int FormatVersion,
    string Today,
    ReportSummary Summary,
    IReadOnlyList<ProjectEntry> Projects,
    IReadOnlyList<ProviderEntry> Providers,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<Flow> Flows,
    IReadOnlyList<DueDate> DueDates,
    ReportChanges? Changes)
{
    /// <summary>The format this tool writes and reads as a baseline.</summary>
    public const int CurrentFormat = 1;
}

internal sealed record ReportSummary(
    int Projects,
    IReadOnlyList<string> Providers,
    IReadOnlyList<string> Purposes,
    int Findings,
    int Suppressed,
    SortedDictionary<string, int> FindingsByRule,
    SortedDictionary<string, int> FindingsBySeverity,
    int DueSoon,
    int Overdue,
    int CallSites);

/// <summary>One project: an audit record and/or SARIF logs found in one folder.</summary>
internal sealed record ProjectEntry(
    string Name,
    string Path,
    string? AuditRecord,
    IReadOnlyList<string> SarifLogs,
    string? Mode,
    string? JudgedOn,
    bool? Strict,
    PolicyFileRef? Manifest,
    PolicyFileRef? AllowList,
    bool? AnalyzerRan,
    IReadOnlyList<UseEntry> Uses,
    IReadOnlyList<DatasetEntry> Datasets,
    IReadOnlyList<SuppressionEntry> Suppressions,
    ProjectInventory? Inventory);

/// <summary>
/// The project's inventory of LLM use: the analyzer's FTP0100 entries in its SARIF logs (docs/rules/FTP0100.md). Null when
/// the logs hold none (a build without the inventory, or an earlier report read as a baseline).
/// </summary>
internal sealed record ProjectInventory(
    IReadOnlyList<CallSite> CallSites,
    IReadOnlyList<DeclassifierEntry> Declassifiers,
    IReadOnlyList<ClassifiedEntry> Classified);

/// <summary>A call the analyzer recognised as an LLM sink, with the highest class reaching it and the policy's verdict.</summary>
internal sealed record CallSite(
    string File,
    int Line,
    int Column,
    string Sink,
    string Provider,
    string Purpose,
    string Class,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Sources,
    string? Ceiling,
    bool Allowed);

/// <summary>A method whose result carries at most <see cref="Class"/> ([Declassifies], or an allow-list sanitizer).</summary>
internal sealed record DeclassifierEntry(string File, int Line, string Method, string Class, string? Justification);

/// <summary>A type, member or return value classified in source. Kind: type, member or return.</summary>
internal sealed record ClassifiedEntry(string File, int Line, string Symbol, string Kind, string Class, IReadOnlyList<string> Categories);

internal sealed record PolicyFileRef(string Path, string? Sha256);

/// <summary>A use declared in the manifest and what the task decided (from the audit record).</summary>
internal sealed record UseEntry(
    string Provider,
    string Purpose,
    string Class,
    IReadOnlyList<string> Categories,
    string? Ceiling,
    string Decision,
    string? Rule,
    string? Description);

internal sealed record DatasetEntry(
    string Name,
    string Provider,
    string Class,
    IReadOnlyList<string> SourceClasses,
    IReadOnlyList<string> Sanitizers,
    string? Ceiling,
    string Decision,
    string? Rule);

/// <summary>A suppression or weakening of an FTP rule (from the audit record's suppressions section).</summary>
internal sealed record SuppressionEntry(
    string Rule,
    string Kind,
    string Effect,
    string? File,
    int? Line,
    string? Justification,
    string Source,
    string? FindingMessage);

/// <summary>A provider in use by at least one project or reached by at least one finding.</summary>
internal sealed record ProviderEntry(
    string Id,
    string? DisplayName,
    string? Hosting,
    string? ReviewBy,
    int? ReviewDaysLeft,
    IReadOnlyList<string> Projects,
    IReadOnlyList<string> Purposes);

/// <summary>An FTP finding from a SARIF log.</summary>
internal sealed record Finding(
    string Rule,
    string Severity,
    string Project,
    string File,
    int Line,
    int Column,
    string Message,
    string? Sink,
    string? Purpose,
    string? Provider,
    string? Class,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Sources,
    IReadOnlyList<SourceLocation> SourceLocations,
    string? Ceiling,
    bool Suppressed,
    string? SuppressionKind,
    string? Justification)
{
    /// <summary>Identity across builds (lines move; the rule, place and message do not): used for --baseline.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Key => string.Join("|", Rule, Project, File, Message);
}

/// <summary>Where a finding's classified sources are declared (the diagnostic's additional locations).</summary>
internal sealed record SourceLocation(string File, int Line);

/// <summary>
/// One edge chain of the data-flow picture: a classified source (or the manifest's declaration) in a project reaching
/// a provider. Status: allowed (declared and approved), blocked (an error finding or a denied use: the build fails),
/// flagged (a warning or note finding: reported, but the build passes), suppressed (a finding switched off).
/// </summary>
internal sealed record Flow(
    string? Source,
    string Class,
    string Project,
    string Provider,
    string Purpose,
    string Status,
    string? Rule);

/// <summary>An approval expiry or a provider's contract review date, with the days left on the report's date.</summary>
internal sealed record DueDate(
    string Kind,
    string Subject,
    string Date,
    int DaysLeft,
    string Status,
    IReadOnlyList<string> Projects,
    string? Detail);

/// <summary>What changed since the baseline report.</summary>
internal sealed record ReportChanges(
    string Baseline,
    string BaselineDate,
    IReadOnlyList<Finding> NewFindings,
    IReadOnlyList<Finding> ResolvedFindings,
    IReadOnlyList<string> NewProjects,
    IReadOnlyList<string> RemovedProjects,
    IReadOnlyList<string> NewProviders,
    IReadOnlyList<string> RemovedProviders,
    IReadOnlyList<CallSiteChange>? NewCallSites,
    IReadOnlyList<CallSiteChange>? RemovedCallSites);

/// <summary>
/// An LLM call site of the inventory added or removed since the baseline, matched by project, file, sink, provider, purpose
/// and class (lines move; a call that now receives a higher class is a new call site). Null lists: not compared, because the
/// baseline or this report holds no inventory.
/// </summary>
internal sealed record CallSiteChange(string Project, string File, int Line, string Sink, string Provider, string Purpose, string Class)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string Key => string.Join("|", Project, File, Sink, Provider, Purpose, Class);
}
