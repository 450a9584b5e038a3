using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FineTunePolicy.Tool.Validate;

/// <summary>The three renderings of validate's results: compiler-style text, JSON, and SARIF 2.1 for code scanning.</summary>
internal static class ValidationOutput
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, NewLine = "\n",
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One line per diagnostic, as MSBuild prints the task's (file(line,col): error FTP1xxx: message), and a summary.</summary>
    public static string Text(IReadOnlyList<ValidationResult> results, string judgedOn, int files)
    {
        var text = new StringBuilder();
        foreach (var r in results)
        {
            text.Append(r.File);
            if (r.Line > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"({r.Line},{r.Column})");
            }

            text.Append(CultureInfo.InvariantCulture, $": {r.Severity} {r.Code}: {r.Message}\n");
        }

        var errors = results.Count(r => r.Severity == "error");
        var warnings = results.Count - errors;
        text.Append(CultureInfo.InvariantCulture, $"FineTunePolicy: {files} {(files == 1 ? "file" : "files")} validated (judged on {judgedOn}): {errors} "
            + $"{(errors == 1 ? "error" : "errors")}, {warnings} {(warnings == 1 ? "warning" : "warnings")}\n");
        return text.ToString();
    }

    public static string Json(IReadOnlyList<ValidationResult> results, string judgedOn, bool strict, IReadOnlyList<string> files)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Indented))
        {
            json.WriteStartObject();
            json.WriteNumber("formatVersion", 1);
            json.WriteString("judgedOn", judgedOn);
            json.WriteBoolean("strict", strict);
            json.WriteStartArray("files");
            foreach (var file in files)
            {
                json.WriteStringValue(file.Replace('\\', '/'));
            }

            json.WriteEndArray();
            json.WriteNumber("errors", results.Count(r => r.Severity == "error"));
            json.WriteNumber("warnings", results.Count(r => r.Severity == "warning"));
            json.WriteStartArray("diagnostics");
            foreach (var r in results)
            {
                json.WriteStartObject();
                json.WriteString("code", r.Code);
                json.WriteString("severity", r.Severity);
                json.WriteString("file", r.File);
                json.WriteNumber("line", r.Line);
                json.WriteNumber("column", r.Column);
                json.WriteString("message", r.Message);
                json.WriteString("helpUri", r.HelpUri);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>SARIF 2.1.0: one rule per code used, one result per diagnostic, file-level results without a region.</summary>
    public static string Sarif(IReadOnlyList<ValidationResult> results)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Indented))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "finetune-policy");
            json.WriteString("informationUri", "https://github.com/finetunepolicy/finetunepolicy");
            json.WriteStartArray("rules");
            var codes = results.Select(r => r.Code).Distinct().Order(StringComparer.Ordinal).ToList();
            foreach (var code in codes)
            {
                json.WriteStartObject();
                json.WriteString("id", code);
                json.WriteString("helpUri", FineTunePolicy.Build.Tasks.Diagnostics.Codes.HelpLink(code));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var r in results)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", r.Code);
                json.WriteNumber("ruleIndex", codes.IndexOf(r.Code));
                json.WriteString("level", r.Severity);
                json.WriteStartObject("message");
                json.WriteString("text", r.Message);
                json.WriteEndObject();
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                json.WriteString("uri", Uri(r.File));
                json.WriteEndObject();
                if (r.Line > 0)
                {
                    json.WriteStartObject("region");
                    json.WriteNumber("startLine", r.Line);
                    json.WriteNumber("startColumn", Math.Max(1, r.Column));
                    json.WriteEndObject();
                }

                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>A relative path stays relative (code scanning resolves it against the checkout); an absolute one becomes a file URI.</summary>
    private static string Uri(string file) =>
        Path.IsPathRooted(file) ? new Uri(file).AbsoluteUri : string.Join("/", file.Split('/').Select(System.Uri.EscapeDataString));
}
