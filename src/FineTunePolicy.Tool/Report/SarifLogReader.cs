using System.Text.Json;

namespace FineTunePolicy.Tool.Report;

/// <summary>An FTP result of a SARIF log, as the compiler wrote it.</summary>
internal sealed record SarifResult(
    string Rule,
    string Level,
    string? File,
    int Line,
    int Column,
    string Message,
    IReadOnlyList<(string? File, int? Line)> Related,
    bool Suppressed,
    string? SuppressionKind,
    string? Justification,
    IReadOnlyDictionary<string, string> Properties);

/// <summary>What one SARIF log says about FineTunePolicy: its results, and whether the analyzer's rules were loaded.</summary>
internal sealed record SarifLog(string Path, string Version, bool ListsFtpRules, IReadOnlyList<SarifResult> Results);

/// <summary>
/// Reads the compiler's error log (SARIF 2.1, which the package targets force, and the compiler's default 1.0) and
/// keeps the FTP results. A file that is not JSON (a build stopped while writing it), not SARIF, or of an unknown
/// SARIF version is a <see cref="ToolError"/>.
/// </summary>
internal static class SarifLogReader
{
    public static SarifLog Read(string path, string display)
    {
        using var document = ReadJson(path, display, "SARIF log");
        var root = document.RootElement;
        var version = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("version", out var v)
            && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (version == null || !root.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
        {
            throw new ToolError($"{display}: this is not a SARIF log (no 'version' and 'runs'). Pass the compiler's error log "
                + $"(-p:ErrorLog=<file>%2Cversion=2.1), or leave the file out.");
        }

        var v2 = version.StartsWith("2.", StringComparison.Ordinal);
        if (!v2 && version != "1.0.0")
        {
            throw new ToolError($"{display}: SARIF version {version} is not supported; this tool reads SARIF 2.1 and 1.0, as the C# compiler writes them.");
        }

        var listsFtpRules = false;
        var results = new List<SarifResult>();
        foreach (var run in runs.EnumerateArray())
        {
            listsFtpRules |= ListsFtpRules(run, v2);
            if (run.TryGetProperty("results", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var result in list.EnumerateArray())
                {
                    var rule = Text(result, "ruleId");
                    if (rule != null && rule.StartsWith("FTP", StringComparison.Ordinal))
                    {
                        results.Add(v2 ? ReadV2(result, rule) : ReadV1(result, rule));
                    }
                }
            }
        }

        return new SarifLog(path, version, listsFtpRules, results);
    }

    internal static JsonDocument ReadJson(string path, string display, string kind)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ToolError($"{display}: the {kind} cannot be read: {ex.Message} Check that the file exists and that you may read it.");
        }

        if (bytes.Length == 0)
        {
            throw new ToolError($"{display}: the {kind} is empty. A build that was stopped leaves an empty file; build the project again.");
        }

        try
        {
            return JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            throw ToolError.InvalidJson(display, kind, ex);
        }
    }

    private static bool ListsFtpRules(JsonElement run, bool v2)
    {
        if (v2)
        {
            if (run.TryGetProperty("tool", out var tool) && tool.TryGetProperty("driver", out var driver)
                && driver.TryGetProperty("rules", out var rules) && rules.ValueKind == JsonValueKind.Array)
            {
                return rules.EnumerateArray().Any(r => Text(r, "id")?.StartsWith("FTP", StringComparison.Ordinal) == true);
            }

            return false;
        }

        return run.TryGetProperty("rules", out var v1Rules) && v1Rules.ValueKind == JsonValueKind.Object
            && v1Rules.EnumerateObject().Any(r => r.Name.StartsWith("FTP", StringComparison.Ordinal));
    }

    private static SarifResult ReadV2(JsonElement result, string rule)
    {
        var level = Text(result, "level") ?? "warning";
        var message = result.TryGetProperty("message", out var m) ? Text(m, "text") ?? "" : "";
        var (file, line, column) = result.TryGetProperty("locations", out var locations) ? FirstLocation(locations) : (null, 0, 0);
        var related = new List<(string?, int?)>();
        if (result.TryGetProperty("relatedLocations", out var rel) && rel.ValueKind == JsonValueKind.Array)
        {
            foreach (var location in rel.EnumerateArray())
            {
                var (f, l, _) = Physical(location);
                related.Add((f, l == 0 ? null : l));
            }
        }

        var suppressed = false;
        string? kind = null;
        string? justification = null;
        if (result.TryGetProperty("suppressions", out var suppressions) && suppressions.ValueKind == JsonValueKind.Array)
        {
            foreach (var s in suppressions.EnumerateArray())
            {
                if (Text(s, "status") is null or "accepted")
                {
                    suppressed = true;
                    kind = s.TryGetProperty("properties", out var p) ? Text(p, "suppressionType") : null;
                    kind ??= Text(s, "kind");
                    justification = Text(s, "justification");
                }
            }
        }

        return new SarifResult(rule, level, file, line, column, message, related, suppressed, kind, justification, CustomProperties(result));
    }

    private static SarifResult ReadV1(JsonElement result, string rule)
    {
        var level = Text(result, "level") ?? "warning";
        var message = Text(result, "message") ?? "";
        string? file = null;
        int line = 0, column = 0;
        if (result.TryGetProperty("locations", out var locations) && locations.ValueKind == JsonValueKind.Array && locations.GetArrayLength() > 0
            && locations[0].TryGetProperty("resultFile", out var resultFile))
        {
            file = FilePath(Text(resultFile, "uri"));
            if (resultFile.TryGetProperty("region", out var region))
            {
                line = Int(region, "startLine");
                column = Int(region, "startColumn");
            }
        }

        var suppressed = result.TryGetProperty("suppressionStates", out var states) && states.ValueKind == JsonValueKind.Array
            && states.EnumerateArray().Any(s => s.GetString() == "suppressedInSource");
        return new SarifResult(rule, level, file, line, column, message, Array.Empty<(string?, int?)>(), suppressed, suppressed ? "inSource" : null, null,
            CustomProperties(result));
    }

    /// <summary>The diagnostic's properties, which the compiler writes as properties.customProperties.</summary>
    private static IReadOnlyDictionary<string, string> CustomProperties(JsonElement result)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (result.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            && properties.TryGetProperty("customProperties", out var custom) && custom.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in custom.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    values[property.Name] = property.Value.GetString()!;
                }
            }
        }

        return values;
    }

    private static (string? File, int Line, int Column) FirstLocation(JsonElement locations) =>
        locations.ValueKind == JsonValueKind.Array && locations.GetArrayLength() > 0 ? Physical(locations[0]) : (null, 0, 0);

    private static (string? File, int Line, int Column) Physical(JsonElement location)
    {
        if (!location.TryGetProperty("physicalLocation", out var physical))
        {
            return (null, 0, 0);
        }

        var file = physical.TryGetProperty("artifactLocation", out var artifact) ? FilePath(Text(artifact, "uri")) : null;
        return physical.TryGetProperty("region", out var region) ? (file, Int(region, "startLine"), Int(region, "startColumn")) : (file, 0, 0);
    }

    private static string? FilePath(string? uri)
    {
        if (uri == null)
        {
            return null;
        }

        return Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? parsed.LocalPath : Uri.UnescapeDataString(uri);
    }

    internal static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    internal static int Int(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt32(out var n) ? n : 0;
}
