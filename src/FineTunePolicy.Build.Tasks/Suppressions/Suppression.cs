using System;
using System.Collections.Generic;

namespace FineTunePolicy.Build.Tasks.Suppressions
{
    /// <summary>One suppression or weakening of an FTP diagnostic, as the audit record lists it.</summary>
    internal sealed class Suppression
    {
        /// <summary>All analyzer rules: an entry that concerns every FTP rule at once (analyzers disabled or missing).</summary>
        public const string AllRules = "FTP*";

        /// <summary>The analyzer's rules, for settings that address them by category or all at once.</summary>
        public static readonly string[] AnalyzerRules = Shared.AnalyzerRules.All;

        /// <summary>
        /// The inventory of LLM use (FTP0100): no finding, so turning it off suppresses nothing, and the package's own global
        /// config turns it on with severity suggestion. Left out of the audit's suppressions.
        /// </summary>
        public const string InventoryRule = Shared.AnalyzerRules.Inventory;

        /// <summary>The rules whose suppression needs a justification (FTP1060).</summary>
        public static readonly string[] GuardedRules = Shared.AnalyzerRules.Guarded;

        public string Rule { get; set; } = string.Empty;

        /// <summary>pragma, suppressMessage, other, editorconfig, noWarn, warningsNotAsErrors, analyzersDisabled, analyzerMissing.</summary>
        public string Kind { get; set; } = string.Empty;

        /// <summary>suppressed (the build no longer reports it) or weakened (still reported, but no longer fails the build).</summary>
        public string Effect { get; set; } = "suppressed";

        /// <summary>Full path of the file that holds the suppression; null when not known.</summary>
        public string? FullPath { get; set; }

        /// <summary>1-based; 0 when not known.</summary>
        public int Line { get; set; }

        public int Column { get; set; }

        public string? Justification { get; set; }

        /// <summary>editorconfig: the severity set.</summary>
        public string? Severity { get; set; }

        /// <summary>In-source: the suppressed finding's full path, line, column and message.</summary>
        public string? FindingPath { get; set; }

        public int FindingLine { get; set; }

        public int FindingColumn { get; set; }

        public string? FindingMessage { get; set; }

        /// <summary>Setting, property or SARIF suppression type that produced the entry.</summary>
        public string? Source { get; set; }

        public bool IsJustified => !string.IsNullOrWhiteSpace(Justification);

        /// <summary>True when strict mode requires a justification for this entry (FTP1060).</summary>
        public bool NeedsJustification =>
            Effect == "suppressed" && Array.IndexOf(GuardedRules, Rule) >= 0 && !IsJustified;
    }

    /// <summary>What the task found out about whether the analyzer ran in the compilation.</summary>
    internal sealed class AnalyzerRun
    {
        /// <summary>true, false, or null when the compiler log cannot tell.</summary>
        public bool? Ran { get; set; }

        /// <summary>Full path of the SARIF log read; null when none.</summary>
        public string? ErrorLog { get; set; }

        public string? SarifVersion { get; set; }

        /// <summary>Why the analyzer is not known to have run; null when it ran.</summary>
        public List<string> Reasons { get; } = new List<string>();
    }
}
