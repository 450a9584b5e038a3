using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace FineTunePolicy.Build.Tasks.Suppressions
{
    /// <summary>
    /// Reads the C# compiler's SARIF error log (ErrorLog=path,version=2.1; version 1.0 is understood too) for
    /// suppressed FTP diagnostics and for the proof that the analyzer ran.
    ///
    /// Verified with the .NET 10 SDK's compiler (see tests/FineTunePolicy.Build.Tasks.Tests/Sarif/README.md):
    /// SARIF 2.1 lists a suppressed diagnostic as a result with suppressions: [{ kind: "inSource",
    /// properties.suppressionType: "Pragma Directive" | "SuppressMessageAttribute", justification? }]; only
    /// [SuppressMessage(Justification = ...)] fills justification, a #pragma's comment is not in the log. The run's
    /// tool.driver.rules lists every rule of every analyzer that was loaded, with or without results, so FTP0001 there
    /// shows the analyzer ran. With RunAnalyzers=false the rules list is empty. Diagnostics disabled by NoWarn or by
    /// severity none do not appear at all. SARIF 1.0 marks suppressed results with suppressionStates:
    /// ["suppressedInSource"], carries no justification, and lists only rules that have results.
    /// </summary>
    internal static class SarifReader
    {
        public static void Read(string path, string projectDirectory, List<Suppression> into, AnalyzerRun run)
        {
            var bytes = File.ReadAllBytes(path);
            using (var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 256 }))
            {
                var root = document.RootElement;
                var version = root.ValueKind == JsonValueKind.Object
                    && root.TryGetProperty("version", out var v)
                    && v.ValueKind == JsonValueKind.String
                    ? v.GetString() ?? string.Empty
                    : string.Empty;
                run.SarifVersion = version;
                if (!root.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
                {
                    throw new FormatException("it has no 'runs' array");
                }

                var v1 = version.StartsWith("1.", StringComparison.Ordinal);
                var sawRules = false;
                var sawAnalyzer = false;
                foreach (var r in runs.EnumerateArray())
                {
                    if (v1)
                    {
                        if (r.TryGetProperty("rules", out var rules) && rules.ValueKind == JsonValueKind.Object)
                        {
                            foreach (var rule in rules.EnumerateObject())
                            {
                                sawAnalyzer |= IsFtp(rule.Name);
                            }
                        }
                    }
                    else if (r.TryGetProperty("tool", out var tool) && tool.TryGetProperty("driver", out var driver)
                        && driver.TryGetProperty("rules", out var rules) && rules.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var rule in rules.EnumerateArray())
                        {
                            sawRules = true;
                            sawAnalyzer |= rule.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == "FTP0001";
                        }
                    }

                    if (!r.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
                    {
                        continue;
                    }

                    foreach (var result in results.EnumerateArray())
                    {
                        var ruleId = String(result, "ruleId");
                        if (ruleId == null || !IsFtp(ruleId) || string.Equals(ruleId, Suppression.InventoryRule, StringComparison.OrdinalIgnoreCase))
                        {
                            continue;
                        }

                        sawAnalyzer = true;
                        var suppression = v1 ? FromV1(result) : FromV2(result);
                        if (suppression == null)
                        {
                            continue;
                        }

                        suppression.Rule = ruleId.ToUpperInvariant();
                        suppression.FindingMessage = Message(result);
                        Locate(result, v1, projectDirectory, suppression);
                        into.Add(suppression);
                    }
                }

                if (v1)
                {
                    run.Ran = sawAnalyzer ? true : (bool?)null;
                    if (!sawAnalyzer)
                    {
                        run.Reasons.Add("the compiler log is SARIF " + version + ", which lists only rules that have results and so cannot show that the "
                            + "analyzer ran; write it as version 2.1");
                    }
                }
                else
                {
                    run.Ran = sawAnalyzer;
                    if (!sawAnalyzer)
                    {
                        run.Reasons.Add(sawRules
                            ? "the compiler log lists the rules of the analyzers that ran, and FTP0001 is not among them"
                            : "the compiler log lists no analyzer rules at all: analyzers did not run in this compilation");
                    }
                }
            }
        }

        private static Suppression? FromV2(JsonElement result)
        {
            if (!result.TryGetProperty("suppressions", out var suppressions) || suppressions.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            foreach (var s in suppressions.EnumerateArray())
            {
                var status = String(s, "status");
                if (status != null && status != "accepted")
                {
                    continue; // underReview or rejected suppressions do not hide the result
                }

                var type = s.TryGetProperty("properties", out var properties) ? String(properties, "suppressionType") : null;
                return new Suppression
                {
                    Kind = type == "Pragma Directive" ? "pragma" : type == "SuppressMessageAttribute" ? "suppressMessage" : "other",
                    Justification = String(s, "justification"),
                    Source = type ?? String(s, "kind"),
                };
            }

            return null;
        }

        private static Suppression? FromV1(JsonElement result)
        {
            if (!result.TryGetProperty("suppressionStates", out var states) || states.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            foreach (var state in states.EnumerateArray())
            {
                if (state.ValueKind == JsonValueKind.String && state.GetString() == "suppressedInSource")
                {
                    // SARIF 1.0 does not say which kind; a #pragma is found from the source when the task reads it.
                    return new Suppression { Kind = "other", Source = "suppressedInSource" };
                }
            }

            return null;
        }

        private static void Locate(JsonElement result, bool v1, string projectDirectory, Suppression suppression)
        {
            if (!result.TryGetProperty("locations", out var locations) || locations.ValueKind != JsonValueKind.Array)
            {
                return;
            }

            foreach (var location in locations.EnumerateArray())
            {
                JsonElement holder;
                string? uri;
                if (v1)
                {
                    if (!location.TryGetProperty("resultFile", out holder))
                    {
                        continue;
                    }

                    uri = String(holder, "uri");
                }
                else
                {
                    if (!location.TryGetProperty("physicalLocation", out holder))
                    {
                        continue;
                    }

                    uri = holder.TryGetProperty("artifactLocation", out var artifact) ? String(artifact, "uri") : null;
                }

                suppression.FindingPath = ToPath(uri, projectDirectory);
                if (holder.TryGetProperty("region", out var region))
                {
                    suppression.FindingLine = Int(region, "startLine");
                    suppression.FindingColumn = Int(region, "startColumn");
                }

                return;
            }
        }

        internal static string? ToPath(string? uri, string projectDirectory)
        {
            if (string.IsNullOrEmpty(uri))
            {
                return null;
            }

            if (Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.IsFile)
            {
                return Path.GetFullPath(absolute.LocalPath);
            }

            try
            {
                return Path.GetFullPath(Path.Combine(projectDirectory, Uri.UnescapeDataString(uri)));
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                return null;
            }
        }

        private static string? Message(JsonElement result)
        {
            if (!result.TryGetProperty("message", out var message))
            {
                return null;
            }

            return message.ValueKind == JsonValueKind.String ? message.GetString() : String(message, "text");
        }

        private static bool IsFtp(string id) =>
            id.Length == 7
                && id.StartsWith("FTP", StringComparison.OrdinalIgnoreCase)
                && char.IsDigit(id[3])
                && char.IsDigit(id[4])
                && char.IsDigit(id[5])
                && char.IsDigit(id[6]);

        private static string? String(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object
                && element.TryGetProperty(name, out var value)
                && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;

        private static int Int(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object
                && element.TryGetProperty(name, out var value)
                && value.ValueKind == JsonValueKind.Number
                && value.TryGetInt32(out var number)
                ? number
                : 0;
    }
}
