using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FineTunePolicy.Build.Tasks.Json;
using FineTunePolicy.Build.Tasks.Suppressions;

namespace FineTunePolicy.Build.Tasks.Output
{
    /// <summary>
    /// Adds (or replaces) the <c>suppressions</c> section of an audit record. The record is read back with the task's
    /// own parser and written again with <see cref="JsonText"/> (keys sorted, LF), so the rest of the record stays
    /// byte-identical and the result depends only on its inputs.
    /// </summary>
    internal static class AuditSuppressionsWriter
    {
        public static JsonObject Section(AnalyzerRun run, IEnumerable<Suppression> suppressions, string projectDirectory, IEnumerable<string> configFiles)
        {
            var entries = suppressions
                .Select(s => new
                {
                    Suppression = s,
                    File = s.FullPath == null ? null : PathDisplay.Relative(projectDirectory, s.FullPath),
                    Finding = s.FindingPath == null ? null : PathDisplay.Relative(projectDirectory, s.FindingPath),
                })
                .OrderBy(e => e.Suppression.Rule, StringComparer.Ordinal)
                .ThenBy(e => e.Suppression.Kind, StringComparer.Ordinal)
                .ThenBy(e => e.File ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(e => e.Suppression.Line)
                .ThenBy(e => e.Suppression.Column)
                .ThenBy(e => e.Finding ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(e => e.Suppression.FindingLine)
                .ThenBy(e => e.Suppression.FindingColumn)
                .ThenBy(e => e.Suppression.Source ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(e => e.Suppression.Justification ?? string.Empty, StringComparer.Ordinal)
                .Select(e => new JsonObject()
                    .Add("rule", e.Suppression.Rule)
                    .Add("kind", e.Suppression.Kind)
                    .Add("effect", e.Suppression.Effect)
                    .Add("file", e.File)
                    .Add("line", e.Suppression.Line > 0 ? (object)e.Suppression.Line : null)
                    .Add("column", e.Suppression.Column > 0 ? (object)e.Suppression.Column : null)
                    .Add("justification", e.Suppression.IsJustified ? e.Suppression.Justification : null)
                    .Add("severity", e.Suppression.Severity)
                    .Add("source", e.Suppression.Source)
                    .Add("finding", e.Finding == null && e.Suppression.FindingMessage == null ? null : new JsonObject()
                        .Add("file", e.Finding)
                        .Add("line", e.Suppression.FindingLine > 0 ? (object)e.Suppression.FindingLine : null)
                        .Add("column", e.Suppression.FindingColumn > 0 ? (object)e.Suppression.FindingColumn : null)
                        .Add("message", e.Suppression.FindingMessage)))
                .ToList();

            // Identical entries (the same directive reported twice) are listed once.
            var unique = new List<object?>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                if (seen.Add(JsonText.Write(entry, sortKeys: true)))
                {
                    unique.Add(entry);
                }
            }

            return new JsonObject()
                .Add("analyzer", new JsonObject()
                    .Add("ran", run.Ran.HasValue ? (object)run.Ran.Value : null)
                    .Add("errorLog", run.ErrorLog == null ? null : PathDisplay.Relative(projectDirectory, run.ErrorLog))
                    .Add("sarifVersion", run.SarifVersion)
                    .Add("reasons", run.Reasons.Cast<object?>().ToList()))
                .Add("configFiles", configFiles
                    .Select(f => PathDisplay.Relative(projectDirectory, f))
                    .Distinct(StringComparer.Ordinal)
                    .OrderBy(f => f, StringComparer.Ordinal)
                    .Cast<object?>()
                    .ToList())
                .Add("entries", unique)
                .Add("unjustified", unique.Cast<JsonObject>()
                    .Where(e => (string?)e.Members.First(m => m.Key == "effect").Value == "suppressed"
                        && Array.IndexOf(Suppression.GuardedRules, (string?)e.Members.First(m => m.Key == "rule").Value) >= 0
                        && e.Members.First(m => m.Key == "justification").Value == null)
                    .Count());
        }

        /// <summary>The audit record with its suppressions section set; null and a reason when the record is not one the task wrote.</summary>
        public static string? Merge(byte[] audit, JsonObject section, out string? error)
        {
            error = null;
            var source = SourceText.FromBytes(audit, out var decodeError);
            if (source == null)
            {
                error = decodeError;
                return null;
            }

            var problems = new List<JsonSyntaxProblem>();
            var root = PositionedJsonParser.Parse(source, problems);
            if (root == null || problems.Count > 0 || root.Kind != JsonKind.Object)
            {
                error = problems.Count > 0 ? $"line {problems[0].Line}, column {problems[0].Column}: {problems[0].Message}" : "it is not a JSON object";
                return null;
            }

            var record = (JsonObject)ToValue(root)!;
            record.Members.RemoveAll(m => m.Key == "suppressions");
            record.Add("suppressions", section);
            return JsonText.Write(record, sortKeys: true);
        }

        private static object? ToValue(JsonNode node)
        {
            switch (node.Kind)
            {
                case JsonKind.Object:
                    var obj = new JsonObject();
                    foreach (var member in node.Members)
                    {
                        obj.Add(member.Name, ToValue(member.Value));
                    }

                    return obj;
                case JsonKind.Array:
                    return node.Items.Select(ToValue).ToList();
                case JsonKind.String:
                    return node.Text;
                case JsonKind.Number:
                    if (long.TryParse(node.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                    {
                        return number;
                    }

                    throw new FormatException($"the number {node.Text} at line {node.Line} is not a whole number");
                case JsonKind.True:
                    return true;
                case JsonKind.False:
                    return false;
                default:
                    return null;
            }
        }
    }
}
