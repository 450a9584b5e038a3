using System;
using System.IO;
using System.Text.RegularExpressions;

namespace FineTunePolicy.Build.Tasks.Suppressions
{
    /// <summary>
    /// Finds the <c>#pragma warning disable</c> that suppresses a finding, for its position and its comment. The
    /// compiler's log says only that a pragma suppressed the finding; the comment after the rule ids
    /// (<c>#pragma warning disable FTP0001 // reviewed in SEC-42</c>) is the justification.
    /// </summary>
    internal static class PragmaLocator
    {
        private const long MaxSourceBytes = 16 * 1024 * 1024;

        private static readonly Regex Directive =
            new Regex(@"^\s*#\s*pragma\s+warning\s+(?<verb>disable|restore)\b(?<rest>.*)$", RegexOptions.CultureInvariant);

        /// <summary>Returns false when the source cannot be read or holds no matching directive above the finding.</summary>
        public static bool TryLocate(string? path, int findingLine, string rule, out int line, out int column, out string? comment)
        {
            line = 0;
            column = 0;
            comment = null;
            if (string.IsNullOrEmpty(path) || findingLine <= 0)
            {
                return false;
            }

            string[] lines;
            try
            {
                var info = new FileInfo(path);
                if (!info.Exists || info.Length > MaxSourceBytes)
                {
                    return false;
                }

                lines = File.ReadAllLines(path);
            }
            catch (Exception ex) when (ex is IOException
                || ex is UnauthorizedAccessException
                || ex is System.Security.SecurityException
                || ex is ArgumentException
                || ex is NotSupportedException)
            {
                return false;
            }

            // The finding's own line may start with the directive's effect but cannot hold it; scan upwards.
            for (var i = Math.Min(findingLine - 1, lines.Length) - 1; i >= 0; i--)
            {
                var match = Directive.Match(lines[i]);
                if (!match.Success)
                {
                    continue;
                }

                var rest = match.Groups["rest"].Value;
                string? trailing = null;
                var slash = rest.IndexOf("//", StringComparison.Ordinal);
                if (slash >= 0)
                {
                    trailing = rest.Substring(slash + 2).Trim();
                    rest = rest.Substring(0, slash);
                }

                var names = Names(rest, rule);
                if (!names)
                {
                    continue;
                }

                if (match.Groups["verb"].Value == "restore")
                {
                    return false;
                }

                line = i + 1;
                column = lines[i].IndexOf('#') + 1;
                comment = string.IsNullOrEmpty(trailing) ? null : trailing;
                return true;
            }

            return false;
        }

        /// <summary>True when the directive's id list names the rule, or names nothing (all warnings).</summary>
        private static bool Names(string ids, string rule)
        {
            var any = false;
            foreach (var part in ids.Split(','))
            {
                var id = part.Trim();
                if (id.Length == 0)
                {
                    continue;
                }

                any = true;
                if (string.Equals(id, rule, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return !any;
        }
    }
}
