using System.Text.Json;
using static FineTunePolicy.Tool.Report.SarifLogReader;

namespace FineTunePolicy.Tool.Report;

internal sealed record AuditApproval(string Id, string? Who, string? Role, string? Expires, string? Ticket, IReadOnlyList<string> Covers);

internal sealed record AuditProvider(string Id, string? DisplayName, string? Hosting, string? ReviewBy, IReadOnlyList<string> Purposes);

/// <summary>A tuned model the project declares (issue 13): its registry facts as the audit record lists them.</summary>
internal sealed record AuditModel(string Id, string? Provider, string? TrainedOnClass, string? ReviewBy, string? Decision);

/// <summary>The parts of an audit record (docs/audit-record.md) that the report shows.</summary>
internal sealed record AuditRecord(
    string Mode,
    string? JudgedOn,
    bool? Strict,
    PolicyFileRef? Manifest,
    PolicyFileRef? AllowList,
    bool? AnalyzerRan,
    IReadOnlyList<UseEntry> Uses,
    IReadOnlyList<DatasetEntry> Datasets,
    IReadOnlyList<AuditApproval> Approvals,
    IReadOnlyList<AuditProvider> Providers,
    IReadOnlyList<SuppressionEntry> Suppressions,
    IReadOnlyList<AuditModel> Models);

/// <summary>Reads FineTunePolicy.audit.json, format 1; a newer format or a file that is not an audit record is a <see cref="ToolError"/>.</summary>
internal static class AuditRecordReader
{
    public const int SupportedFormat = 1;

    public static AuditRecord Read(string path, string display)
    {
        using var document = ReadJson(path, display, "audit record");
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("formatVersion", out var format) || format.ValueKind != JsonValueKind.Number
            || !format.TryGetInt32(out var version) || version < 1)
        {
            throw new ToolError($"{display}: this is not a FineTunePolicy audit record (no 'formatVersion'). Audit records are written by the FineTunePolicy "
                + $"build task as obj/<configuration>/<tfm>/{InputFinder.AuditRecordName}.");
        }

        if (version > SupportedFormat)
        {
            throw new ToolError($"{display}: the audit record has format {version}, written by a newer FineTunePolicy; this tool reads format "
                + $"{SupportedFormat}. Update the tool (dotnet tool update FineTunePolicy.Tool) to the version of the FineTunePolicy.Analyzers package that "
                + $"wrote the record.");
        }

        try
        {
            return new AuditRecord(
                Text(root, "mode") ?? "manifest",
                Text(root, "judgedOn"),
                Bool(root, "strict"),
                FileRef(root, "manifest"),
                FileRef(root, "allowList"),
                root.TryGetProperty("suppressions", out var s) && s.TryGetProperty("analyzer", out var analyzer) ? Bool(analyzer, "ran") : null,
                Array(root, "uses").Select(ReadUse).ToList(),
                Array(root, "datasets").Select(ReadDataset).ToList(),
                Array(root, "approvals").Select(ReadApproval).ToList(),
                Array(root, "providers").Select(ReadProvider).ToList(),
                root.TryGetProperty("suppressions", out var suppressions) ? Array(suppressions, "entries").Select(ReadSuppression)
                    .ToList() : new List<SuppressionEntry>(),
                Array(root, "models").Select(ReadModel).ToList());
        }
        catch (InvalidOperationException ex)
        {
            throw new ToolError($"{display}: the audit record does not have the shape of format {SupportedFormat} ({ex.Message}). It may have been edited by "
                + $"hand; build the project again to write it anew.");
        }
    }

    private static UseEntry ReadUse(JsonElement use) => new(
        Required(use, "provider"),
        Required(use, "purpose"),
        Text(use, "class") ?? "Public",
        Strings(use, "categories"),
        Text(use, "ceiling"),
        Text(use, "decision") ?? "allowed",
        Text(use, "rule"),
        Text(use, "description"));

    private static DatasetEntry ReadDataset(JsonElement dataset) => new(
        Required(dataset, "name"),
        Required(dataset, "provider"),
        Text(dataset, "class") ?? "Public",
        Strings(dataset, "sourceClasses"),
        Array(dataset, "steps").Select(step => Text(step, "sanitizer")).OfType<string>().ToList(),
        Text(dataset, "ceiling"),
        Text(dataset, "decision") ?? "allowed",
        Text(dataset, "rule"));

    private static AuditApproval ReadApproval(JsonElement approval) => new(
        Required(approval, "id"),
        Text(approval, "who"),
        Text(approval, "role"),
        Text(approval, "expires"),
        Text(approval, "ticket"),
        Array(approval, "covers").Select(c => Text(c, "model") is { } model ? "model " + model : $"{Text(c, "provider")} {Text(c, "purpose")}".Trim())
            .ToList());

    private static AuditProvider ReadProvider(JsonElement provider) => new(
        Required(provider, "id"),
        Text(provider, "displayName"),
        Text(provider, "hosting"),
        Text(provider, "reviewBy"),
        provider.TryGetProperty("effectiveCeilings", out var ceilings) && ceilings.ValueKind == JsonValueKind.Object
            ? ceilings.EnumerateObject().Select(p => p.Name).ToList()
            : new List<string>());

    private static AuditModel ReadModel(JsonElement model) => new(
        Required(model, "id"),
        Text(model, "provider"),
        model.TryGetProperty("trainedOn", out var trainedOn) ? Text(trainedOn, "class") : null,
        Text(model, "reviewBy"),
        Text(model, "decision"));

    private static SuppressionEntry ReadSuppression(JsonElement entry) => new(
        Required(entry, "rule"),
        Text(entry, "kind") ?? "other",
        Text(entry, "effect") ?? "suppressed",
        Text(entry, "file"),
        entry.TryGetProperty("line", out var line) && line.ValueKind == JsonValueKind.Number ? line.GetInt32() : null,
        Text(entry, "justification"),
        Text(entry, "source") ?? "",
        entry.TryGetProperty("finding", out var finding) ? Text(finding, "message") : null);

    private static PolicyFileRef? FileRef(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object && Text(value, "path") is { } path
            ? new PolicyFileRef(path, Text(value, "sha256"))
            : null;

    private static string Required(JsonElement element, string name) =>
        Text(element, name) ?? throw new InvalidOperationException($"an entry has no '{name}'");

    private static bool? Bool(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : Enumerable.Empty<JsonElement>();

    private static IReadOnlyList<string> Strings(JsonElement element, string name) =>
        Array(element, name).Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList();
}
