using System;
using System.Collections.Generic;
using FineTunePolicy.Build.Tasks.Suppressions;

namespace FineTunePolicy.Build.Tasks.Diagnostics
{
    /// <summary>
    /// Every sentence the tasks show a developer, in one place to review (as the analyzer's Descriptors.cs holds its
    /// messages). Each message says what is wrong, where, and what to do.
    /// </summary>
    internal static class Messages
    {
        /// <summary>Ends an exception message with a full stop, so that the advice after it reads as its own sentence.</summary>
        public static string Sentence(string message)
        {
            string trimmed = message.TrimEnd();
            return trimmed.EndsWith(".", StringComparison.Ordinal) ? trimmed : trimmed + ".";
        }

        // FTP1001-FTP1003: finding the files

        public static string ManifestNotFound(string manifestPath) =>
            $"No FineTunePolicy manifest was found at {manifestPath}, so the analyzer's embedded default ceilings apply (inference and embedding up to Internal, fine-tuning Public only, Restricted never). Create finetune-policy.json beside the project (see docs/policy-files.md), or set FineTunePolicyManifest to its path.";

        public const string StrictNeedsManifest = " Strict mode (FineTunePolicyStrict) requires a manifest.";

        public static string AllowListPropertyNotFound(string path) =>
            $"The allow-list set by FineTunePolicyAllowList was not found at {path}. Correct the property (a relative path is relative to the project directory), or remove it to use the manifest's 'allowList'.";

        public static string AllowListNotAPath(string written) =>
            $"The allow-list '{written}' named by 'allowList' is not a valid path. Correct the path (it is relative to the manifest), or set the FineTunePolicyAllowList property to the allow-list's location.";

        public static string AllowListNotFound(string written, string path) =>
            $"The allow-list '{written}' named by 'allowList' was not found at {path}. Correct the path (it is relative to the manifest), or set the FineTunePolicyAllowList property to the allow-list's location.";

        public const string AllowListNotGiven =
            "The manifest names no allow-list. Add \"allowList\": \"<path relative to the manifest>\" to it, or set the FineTunePolicyAllowList property (for example on the build server).";

        // FTP1050

        public static string TodayNotADate(string today) =>
            $"FineTunePolicyToday is '{today}', which is not a date. Set it to a date written yyyy-MM-dd, for example 2026-06-30, or leave it empty to judge against today's date.";

        // FTP1060-FTP1062: the suppression audit

        public static string UnjustifiedSuppression(Suppression s)
        {
            string how = s.Kind switch
            {
                "pragma" => $"#pragma warning disable {s.Rule} suppresses it without a justification. Write the reason after the rule id: #pragma warning disable {s.Rule} // <why this data may go to the LLM, ticket>",
                "suppressMessage" => $"[SuppressMessage] suppresses it without a Justification. Add Justification = \"<why this data may go to the LLM, ticket>\"",
                "editorconfig" => $"'{s.Source}' turns it off without a justification. Write the reason in a comment on the line directly above the setting",
                "noWarn" => $"NoWarn turns it off for the whole project, and NoWarn cannot carry a justification. Remove {s.Rule} from NoWarn; suppress single findings in source with a justification instead",
                _ => $"it is suppressed ({s.Source}) without a justification",
            };
            return $"{s.Rule} is suppressed without a justification: {how}. In strict mode (FineTunePolicyStrict) an unjustified suppression of FTP0001 or FTP0002 fails the build; the audit record lists every suppression.";
        }

        public static string AnalyzerDidNotRun(IEnumerable<string> reasons) =>
            $"The FineTunePolicy analyzer is not known to have run in this compilation: {string.Join("; ", reasons)}. Without it no FTP0xxx finding is reported, so nothing stops classified data from reaching an LLM. Keep RunAnalyzers and RunAnalyzersDuringBuild on, keep the FineTunePolicy.Analyzers package's analyzer, and let the targets write the compiler's error log (version 2.1).";

        public static string ErrorLogUnreadable(Exception ex) =>
            $"The compiler's error log cannot be read as SARIF: {Sentence(ex.Message)} Without it suppressions in source cannot be counted. Rebuild (the compiler rewrites it), and check that ErrorLog names a SARIF file of its own.";

        public static string ConfigFileUnreadable(string problem) =>
            $"The configuration file cannot be read: {Sentence(problem)} Its severity settings cannot be audited; make it readable for the build account.";

        public static string AuditRecordUnreadable(Exception ex) =>
            $"The audit record cannot be read: {Sentence(ex.Message)} ValidateFineTunePolicy writes it before the compiler runs; rebuild so that it runs again.";

        public static string AuditRecordNotOurs(string? error) =>
            $"The audit record is not the JSON object ValidateFineTunePolicy writes ({error}). Rebuild so that the validation writes it again.";

        // FTP1999

        public static string Unexpected(string activity, string file, Exception ex, string consequence) =>
            $"FineTunePolicy failed unexpectedly while {activity} {file}: {ex.GetType().FullName}: {Sentence(ex.Message)} {consequence} Please report this with the message and the file; building with -v:diag shows the stack trace.";

        // FTP1007

        public static string CannotWrite(string path, Exception ex) =>
            $"FineTunePolicy cannot write {path}: {Sentence(ex.Message)} Check that the output folder is writable and that no other process holds the file.";

        public static string CannotDelete(string path, string step, Exception ex) =>
            $"FineTunePolicy cannot delete {path} after a failed {step}: {Sentence(ex.Message)} Delete it by hand (or run a clean build) so that the next build checks the policy again.";
    }
}
