using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace FineTunePolicy.Build.Tasks.Suppressions
{
    /// <summary>
    /// Finds FTP severity settings in .editorconfig and global config files that suppress (none, silent, suggestion)
    /// or weaken (warning, for the rules that are errors by default) an FTP rule for at least one of the project's
    /// source files. The comment lines directly above a setting are its justification.
    /// </summary>
    internal static class EditorConfigScanner
    {
        private static readonly Regex DiagnosticKey =
            new Regex(@"^dotnet_diagnostic\.(ftp[0-9]{4})\.severity$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        private static readonly StringComparison PathComparison =
            Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

        /// <summary>
        /// The .editorconfig files the compiler applies to the sources: in each source file's folder and every folder
        /// above it, up to and including the first that says root = true.
        /// </summary>
        public static List<string> Discover(IEnumerable<string> sourceFiles, List<KeyValuePair<string, string>> problems)
        {
            var found = new List<string>();
            var seenDirectories = new HashSet<string>(StringComparer.Ordinal);
            foreach (var source in sourceFiles)
            {
                var directory = Path.GetDirectoryName(source);
                while (!string.IsNullOrEmpty(directory) && seenDirectories.Add(directory!))
                {
                    var candidate = Path.Combine(directory!, ".editorconfig");
                    var root = false;
                    if (File.Exists(candidate))
                    {
                        found.Add(candidate);
                        try
                        {
                            root = IsRoot(File.ReadAllLines(candidate));
                        }
                        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is System.Security.SecurityException)
                        {
                            problems.Add(new KeyValuePair<string, string>(candidate, ex.Message));
                        }
                    }

                    if (root)
                    {
                        break;
                    }

                    directory = Path.GetDirectoryName(directory);
                }
            }

            return found;
        }

        public static void Scan(string path, IReadOnlyList<string> sources, List<Suppression> into)
        {
            var lines = File.ReadAllLines(path);
            var global = IsGlobal(lines);
            var directory = Path.GetDirectoryName(path) ?? string.Empty;
            string? section = null;
            var sectionApplies = global;
            var comments = new List<string>();
            for (var i = 0; i < lines.Length; i++)
            {
                var text = lines[i].Trim();
                if (text.Length == 0)
                {
                    comments.Clear();
                    continue;
                }

                if (text[0] == '#' || text[0] == ';')
                {
                    comments.Add(text.Substring(1).Trim());
                    continue;
                }

                if (text[0] == '[' && text[text.Length - 1] == ']')
                {
                    section = text.Substring(1, text.Length - 2);
                    sectionApplies = global ? GlobalSectionApplies(section, sources) : SectionApplies(section, directory, sources);
                    comments.Clear();
                    continue;
                }

                var equals = text.IndexOfAny(new[] { '=', ':' });
                if (equals <= 0)
                {
                    comments.Clear();
                    continue;
                }

                var key = text.Substring(0, equals).Trim();
                var value = FirstWord(text.Substring(equals + 1)).ToLowerInvariant();
                var justification = string.Join(" ", comments.Where(c => c.Length > 0));
                comments.Clear();

                // A non-global .editorconfig applies only its sections; its preamble holds root = true.
                if (!sectionApplies || (section == null && !global))
                {
                    continue;
                }

                IEnumerable<string> rules;
                var match = DiagnosticKey.Match(key);
                if (match.Success)
                {
                    rules = new[] { match.Groups[1].Value.ToUpperInvariant() };
                    if (rules.Single() == Suppression.InventoryRule)
                    {
                        continue;
                    }
                }
                else if (string.Equals(key, "dotnet_analyzer_diagnostic.category-FineTunePolicy.severity", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(key, "dotnet_analyzer_diagnostic.severity", StringComparison.OrdinalIgnoreCase))
                {
                    rules = Suppression.AnalyzerRules;
                }
                else
                {
                    continue;
                }

                foreach (var rule in rules)
                {
                    var effect = value == "none" || value == "silent" || value == "suggestion"
                        ? "suppressed"
                        : value == "warning" && Array.IndexOf(AnalyzerRules.ErrorsByDefault, rule) >= 0 ? "weakened" : null;
                    if (effect == null)
                    {
                        continue;
                    }

                    into.Add(new Suppression
                    {
                        Rule = rule,
                        Kind = "editorconfig",
                        Effect = effect,
                        FullPath = path,
                        Line = i + 1,
                        Column = lines[i].Length - lines[i].TrimStart().Length + 1,
                        Justification = justification.Length == 0 ? null : justification,
                        Severity = value,
                        Source = key + " = " + value + (section == null ? string.Empty : " in [" + section + "]"),
                    });
                }
            }
        }

        public static bool IsGlobal(string[] lines) => PreambleFlag(lines, "is_global");

        private static bool IsRoot(string[] lines) => PreambleFlag(lines, "root");

        private static bool PreambleFlag(string[] lines, string name)
        {
            foreach (var line in lines)
            {
                var text = line.Trim();
                if (text.StartsWith("[", StringComparison.Ordinal))
                {
                    return false;
                }

                var equals = text.IndexOf('=');
                if (equals > 0 && string.Equals(text.Substring(0, equals).Trim(), name, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(FirstWord(text.Substring(equals + 1)), "true", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static string FirstWord(string value)
        {
            var trimmed = value.Trim();
            var end = trimmed.IndexOfAny(new[] { ' ', '\t', '#', ';' });
            return end < 0 ? trimmed : trimmed.Substring(0, end);
        }

        /// <summary>Global config sections name files by full path.</summary>
        private static bool GlobalSectionApplies(string section, IReadOnlyList<string> sources)
        {
            if (sources.Count == 0)
            {
                return true;
            }

            var wanted = section.Replace('\\', '/');
            return sources.Any(s => string.Equals(s.Replace('\\', '/'), wanted, PathComparison));
        }

        /// <summary>
        /// Whether an .editorconfig section matches one of the sources below its folder. Unknown sources or a pattern
        /// that cannot be read count as a match: the audit would rather list one setting too many than miss one.
        /// </summary>
        internal static bool SectionApplies(string section, string directory, IReadOnlyList<string> sources)
        {
            if (sources.Count == 0)
            {
                return true;
            }

            var regex = GlobToRegex(section);
            if (regex == null)
            {
                return true;
            }

            var prefix = directory.Replace('\\', '/').TrimEnd('/') + "/";
            foreach (var source in sources)
            {
                var normalized = source.Replace('\\', '/');
                if (normalized.StartsWith(prefix, PathComparison) && regex.IsMatch(normalized.Substring(prefix.Length)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>An editorconfig glob as a regular expression over the path relative to the file's folder; null when it cannot be read.</summary>
        internal static Regex? GlobToRegex(string glob)
        {
            var pattern = glob.Contains("/") ? glob.TrimStart('/') : "**/" + glob;
            var builder = new StringBuilder("^");
            var index = 0;
            if (!Convert(pattern, ref index, builder, inBraces: false) || index != pattern.Length)
            {
                return null;
            }

            builder.Append('$');
            try
            {
                return new Regex(builder.ToString(), RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        private static bool Convert(string pattern, ref int i, StringBuilder regex, bool inBraces)
        {
            while (i < pattern.Length)
            {
                var c = pattern[i];
                if (inBraces && (c == ',' || c == '}'))
                {
                    return true;
                }

                switch (c)
                {
                    case '*':
                        if (i + 1 < pattern.Length && pattern[i + 1] == '*')
                        {
                            if (i + 2 < pattern.Length && pattern[i + 2] == '/')
                            {
                                regex.Append("(?:.*/)?");
                                i += 3;
                            }
                            else
                            {
                                regex.Append(".*");
                                i += 2;
                            }
                        }
                        else
                        {
                            regex.Append("[^/]*");
                            i++;
                        }

                        break;
                    case '?':
                        regex.Append("[^/]");
                        i++;
                        break;
                    case '[':
                    {
                        var close = pattern.IndexOf(']', i + 1);
                        if (close < 0)
                        {
                            return false;
                        }

                        var body = pattern.Substring(i + 1, close - i - 1);
                        var negate = body.StartsWith("!", StringComparison.Ordinal);
                        if (negate)
                        {
                            body = body.Substring(1);
                        }

                        regex.Append('[').Append(negate ? "^" : string.Empty).Append(body.Replace("\\", "\\\\").Replace("[", "\\[")).Append(']');
                        i = close + 1;
                        break;
                    }

                    case '{':
                    {
                        var close = pattern.IndexOf('}', i + 1);
                        if (close > 0 && Regex.IsMatch(pattern.Substring(i + 1, close - i - 1), @"^-?[0-9]+\.\.-?[0-9]+$"))
                        {
                            regex.Append("-?[0-9]+"); // numeric range: any number (a wider match is the safe side)
                            i = close + 1;
                            break;
                        }

                        i++;
                        regex.Append("(?:");
                        while (true)
                        {
                            if (!Convert(pattern, ref i, regex, inBraces: true) || i >= pattern.Length)
                            {
                                return false;
                            }

                            if (pattern[i] == '}')
                            {
                                i++;
                                break;
                            }

                            regex.Append('|');
                            i++;
                        }

                        regex.Append(')');
                        break;
                    }

                    case '\\':
                        if (i + 1 >= pattern.Length)
                        {
                            return false;
                        }

                        regex.Append(Regex.Escape(pattern[i + 1].ToString()));
                        i += 2;
                        break;
                    default:
                        regex.Append(Regex.Escape(c.ToString()));
                        i++;
                        break;
                }
            }

            return !inBraces;
        }
    }
}
