using System.Collections.Generic;

namespace FineTunePolicy.Build.Tasks.Diagnostics
{
    /// <summary>
    /// What each code means, in the words of the docs: its title, severity, the task that reports it, where it points,
    /// and in one sentence each when it fires and what to change. The FTP1xxx tables in docs/policy-files.md and
    /// docs/rules/README.md, and each code page's header, are generated from this table
    /// (tests/FineTunePolicy.Contract.Tests, Docs); the pages' longer text is written by hand.
    /// </summary>
    internal static class CodeSummaries
    {
        private const string Validation = "the build task (`" + nameof(ValidateFineTunePolicy) + "`)";
        private const string Audit = "the build task (`" + nameof(AuditFineTunePolicySuppressions) + "`, after the compiler)";

        public static readonly IReadOnlyList<CodeSummary> All = new[]
        {
            new CodeSummary(
                Codes.ManifestNotFound,
                "Manifest not found",
                CodeSeverity.WarningErrorInStrictMode,
                Validation,
                "the manifest path, no line",
                "The project has no manifest at FineTunePolicyManifest (default: finetune-policy.json beside the project). The analyzer's embedded "
                    + "defaults apply: inference and embedding up to Internal, fine-tuning Public only, Restricted never.",
                "Create finetune-policy.json beside the project, or set FineTunePolicyManifest to its path. In strict mode a manifest is required."),
            new CodeSummary(
                Codes.AllowListNotFound,
                "Allow-list not found",
                CodeSeverity.Error,
                Validation,
                "the manifest's allowList value, or the project file when the property was used",
                "The allow-list named by the manifest's allowList (relative to the manifest) or by FineTunePolicyAllowList (relative to the "
                    + "project) does not exist.",
                "Correct the path, or point FineTunePolicyAllowList at the allow-list (for example the copy a build server checks out)."),
            new CodeSummary(
                Codes.AllowListNotGiven,
                "No allow-list given",
                CodeSeverity.Error,
                Validation,
                "the manifest's opening brace",
                "The manifest has no allowList key and FineTunePolicyAllowList is not set.",
                "Add \"allowList\": \"<path relative to the manifest>\" to the manifest, or set FineTunePolicyAllowList."),
            new CodeSummary(
                Codes.FileUnreadable,
                "Policy file cannot be read",
                CodeSeverity.Error,
                Validation,
                "the file, no line",
                "The file exists but cannot be opened, or its bytes are not text (for example broken UTF-16): no read permission, a symbolic link "
                    + "whose target is missing or that loops, a named pipe (FIFO) or socket, a parent in the path that is a file. Never treated as "
                    + "a missing manifest.",
                "Check permissions, links and locks; save the file as UTF-8."),
            new CodeSummary(
                Codes.InvalidJson,
                "Not valid JSON",
                CodeSeverity.Error,
                Validation,
                "the position where the reader stopped",
                "The file is not strict JSON: empty, truncated, a missing comma, quote or bracket, a comment, a trailing comma, or more than one "
                    + "value.",
                "Fix the syntax at the reported position. Comments and trailing commas are not allowed."),
            new CodeSummary(
                Codes.DuplicateKey,
                "Duplicate key",
                CodeSeverity.Error,
                Validation,
                "the second key",
                "An object names the same key twice; JSON readers disagree on which one wins.",
                "Keep one of the two keys."),
            new CodeSummary(
                Codes.OutputNotWritable,
                "Output file cannot be written",
                CodeSeverity.Error,
                Validation,
                "the output file",
                "The global config, audit record or stamp cannot be written, or cannot be deleted after a failed validation.",
                "Make the output folder (obj/) writable, close programs that hold the file, or run a clean build."),
            new CodeSummary(
                Codes.FileTooLarge,
                "Policy file too large",
                CodeSeverity.Error,
                Validation,
                "the file, no line",
                "The manifest or allow-list is larger than 5 MiB; it is refused before it is read (never more than the limit is read).",
                "Check that the path names the policy file, not a data set, log or device."),
            new CodeSummary(
                Codes.PathIsDirectory,
                "Policy path is a folder",
                CodeSeverity.Error,
                Validation,
                "the folder, no line",
                "The manifest or allow-list path names a folder. Also outside strict mode: only a manifest that is really absent falls back to the "
                    + "defaults.",
                "Point the path at the JSON file itself."),
            new CodeSummary(
                Codes.WrongType,
                "Wrong JSON type",
                CodeSeverity.Error,
                Validation,
                "the value",
                "A value has the wrong type, for example \"30\" where a number is expected or a single string where a list is expected.",
                "Write the value with the type the message names (numbers and true/false without quotes, lists in brackets)."),
            new CodeSummary(
                Codes.MissingKey,
                "Required key missing",
                CodeSeverity.Error,
                Validation,
                "the object's opening brace",
                "An object lacks a key the format requires.",
                "Add the key; the message shows an example value."),
            new CodeSummary(
                Codes.UnknownKey,
                "Unknown key",
                CodeSeverity.Error,
                Validation,
                "the key",
                "An object has a key the format does not define (often a typo or wrong case).",
                "Rename the key as suggested, or remove it. The message lists the allowed keys."),
            new CodeSummary(
                Codes.ValueNotAllowed,
                "Value not allowed",
                CodeSeverity.Error,
                Validation,
                "the value",
                "A value is not one of the allowed values (a data class, category, purpose or hosting; values are case-sensitive), or "
                    + "schemaVersion is not 1.",
                "Use one of the listed values with the exact spelling."),
            new CodeSummary(
                Codes.InvalidDate,
                "Not a date",
                CodeSeverity.Error,
                Validation,
                "the value",
                "A date is not a real calendar date written yyyy-MM-dd.",
                "Write the date as yyyy-MM-dd, for example \"2026-06-30\"."),
            new CodeSummary(
                Codes.BadFormat,
                "Wrong format",
                CodeSeverity.Error,
                Validation,
                "the value",
                "A string does not match its format: provider ids and roles are lowercase words joined by hyphens; method names are "
                    + "Namespace.Type.Method with metadata names; type names, package ids, regions, certifications and dataset names have their own "
                    + "patterns.",
                "Write the value in the format the message describes."),
            new CodeSummary(
                Codes.OutOfRange,
                "Out of range or empty",
                CodeSeverity.Error,
                Validation,
                "the value",
                "A number is below its minimum or above its maximum, a list that needs entries is empty, or a text is empty.",
                "Use a value in range, or fill the list or text."),
            new CodeSummary(
                Codes.KeyCombination,
                "Keys combined wrongly",
                CodeSeverity.Error,
                Validation,
                "the object's opening brace",
                "Keys that exclude or need each other are combined wrongly: a use needs exactly one of classes and maxClass; a dataset needs path "
                    + "or description; a step needs sanitizer or description; a covers entry names either a dataset, a model, or a provider with a "
                    + "purpose.",
                "Keep exactly the keys the message names."),
            new CodeSummary(
                Codes.NestingTooDeep,
                "Policy file nested too deeply",
                CodeSeverity.Error,
                Validation,
                "the array or object that goes one level too deep",
                "Arrays and objects are nested more than 64 levels deep (valid policy files need about five). Reported at the bracket that goes "
                    + "too deep.",
                "Look for an unclosed or repeated `[` or `{` at the position."),
            new CodeSummary(
                Codes.DuplicateProvider,
                "Duplicate id on the allow-list",
                CodeSeverity.Error,
                Validation,
                "the second id or name",
                "Two providers, two models of the registry or two audiences on the allow-list have the same id or name, so manifests cannot "
                    + "tell them apart.",
                "Give each entry its own id or name, or merge the entries."),
            new CodeSummary(
                Codes.SinkProviderUnknown,
                "Sink or model names an unknown provider",
                CodeSeverity.Error,
                Validation,
                "the sink's or model's provider",
                "A custom sink on the allow-list sends to, or a registered model is hosted by, a provider id that is not on the allow-list.",
                "Add the provider, or correct the sink's or model's provider."),
            new CodeSummary(
                Codes.DuplicateManifestEntry,
                "Duplicate manifest entry",
                CodeSeverity.Error,
                Validation,
                "the second entry",
                "The manifest declares the same use (provider and purpose), dataset name, approval id or model id twice.",
                "Merge the uses into one, give datasets and approvals their own names and ids, and declare each model once."),
            new CodeSummary(
                Codes.ProviderNotAllowed,
                "Provider not on the allow-list",
                CodeSeverity.Error,
                Validation,
                "the provider value",
                "A use or dataset names a provider the allow-list does not list.",
                "Use a provider on the allow-list, or ask the security team to add the provider with its contract facts."),
            new CodeSummary(
                Codes.PurposeNotAllowed,
                "Purpose not allowed for the provider",
                CodeSeverity.Error,
                Validation,
                "the purpose value (the provider for datasets)",
                "The allow-list gives the provider no ceiling for the purpose (inference, embedding or fineTuning).",
                "Use a provider that allows the purpose (the message lists them), or ask the security team to add a ceiling."),
            new CodeSummary(
                Codes.ClassAboveCeiling,
                "Class above the provider's ceiling",
                CodeSeverity.Error,
                Validation,
                "the highest class",
                "The highest class of a use or dataset is above the allow-list's ceiling for the provider and purpose.",
                "Lower the data (send fewer fields, pass them through a sanitizer) or use a provider whose ceiling is high enough (listed in the "
                    + "message)."),
            new CodeSummary(
                Codes.CertificationMissing,
                "Category needs a certification the provider lacks",
                CodeSeverity.Error,
                Validation,
                "the category",
                "The organisation requires a certification for a category the use sends (for example BAA for Health), and the allow-list does not "
                    + "record it for the provider.",
                "Remove the category from the use, use a provider that holds the certification (listed), or have the security team record it once "
                    + "signed."),
            new CodeSummary(
                Codes.RequirementNotMet,
                "Provider breaks an organisation requirement",
                CodeSeverity.Error,
                Validation,
                "the highest class, or the category",
                "The provider's contract facts (training on customer data, retention, hosting, regions, certifications, isolated fine-tuning) "
                    + "break the organisation's requirement for a class the use sends (requirements bind their class and every higher class) or for a "
                    + "category it sends. The provider's effective ceiling is lowered below that class.",
                "Lower the data to the effective ceiling named in the message, use another provider, or have the security team update the contract "
                    + "facts once the contract changes."),
            new CodeSummary(
                Codes.RestrictedExternal,
                "Restricted data to a provider that is not internal",
                CodeSeverity.Error,
                Validation,
                "the class",
                "Restricted data may only go to internally hosted providers (contract.hosting internal), whatever the allow-list's ceiling says.",
                "Redact or minimise the data to Confidential or lower, or use an internal provider (listed in the message)."),
            new CodeSummary(
                Codes.ApprovalMissing,
                "Required approval missing",
                CodeSeverity.Error,
                Validation,
                "the manifest, at the opening brace of the use (in uses) or dataset (in datasets) that needs the approval",
                "The allow-list's requiredApprovals demands an approval from a role for this kind of use (purpose, class, categories, providers), "
                    + "and no approval of that role in the manifest covers the use or dataset. An approval of that role that covers it but has "
                    + "expired is FTP1037 (at its expires), not FTP1036.",
                "Obtain the approval and record it in approvals; the message shows the entry to add."),
            new CodeSummary(
                Codes.ApprovalExpired,
                "Approval expired",
                CodeSeverity.Error,
                Validation,
                "the manifest, at the approval's expires value",
                "An approval's expires date has passed: expires is the last valid day, so FTP1037 fires from the day after. Every approval in "
                    + "the manifest is judged, whether or not a requiredApprovals rule needs it.",
                "Renew the approval and update approvedOn and expires, or remove it and what it covers."),
            new CodeSummary(
                Codes.ApprovalExpiresSoon,
                "Approval expires within 30 days",
                CodeSeverity.WarningErrorInStrictMode,
                Validation,
                "the manifest, at the approval's expires value",
                "An approval expires within 30 days: from 30 days before its expires date up to and including that day (expires 2026-12-31: "
                    + "from 2026-12-01 on; quiet on 2026-11-30). Every approval, required or not.",
                "Renew it before it expires and update approvedOn and expires."),
            new CodeSummary(
                Codes.ReviewOverdue,
                "Provider review overdue",
                CodeSeverity.Error,
                Validation,
                "the allow-list (not the manifest), at the provider's reviewBy value",
                "A provider the project uses has a reviewBy date in the past (from the day after reviewBy), so its contract facts may be stale.",
                "The security team reviews the contract and moves reviewBy forward in the allow-list."),
            new CodeSummary(
                Codes.ReviewDueSoon,
                "Provider review due within 30 days",
                CodeSeverity.WarningErrorInStrictMode,
                Validation,
                "the allow-list (not the manifest), at the provider's reviewBy value",
                "A provider the project uses is due for review within 30 days: from 30 days before its reviewBy date up to and including "
                    + "that day.",
                "Ask the security team to review the provider and move reviewBy forward."),
            new CodeSummary(
                Codes.UndeclaredSdkProvider,
                "LLM SDK package for an undeclared provider",
                CodeSeverity.Error,
                Validation,
                "the manifest, at the opening bracket of uses",
                "The project references a NuGet package that talks to a provider (built-in table or the allow-list's sdkPackages), and the "
                    + "manifest declares no use of that provider.",
                "Declare a use of the provider with the purposes and classes the project really sends, or remove the package reference."),
            new CodeSummary(
                Codes.DatasetWithoutUse,
                "Dataset without a fine-tuning use",
                CodeSeverity.Error,
                Validation,
                "the dataset's provider",
                "A dataset is uploaded to a provider for which the manifest declares no fineTuning use.",
                "Add the fineTuning use (the message shows it), or correct the dataset's provider."),
            new CodeSummary(
                Codes.SanitizerUnknown,
                "Unknown sanitizer in a dataset step",
                CodeSeverity.Error,
                Validation,
                "the sanitizer value",
                "A dataset step names a sanitizer that is not on the allow-list, so the task cannot know what it lowers the data to.",
                "Name an allow-list sanitizer, describe the step with description only (it then does not lower the class), or ask the security "
                    + "team to add the sanitizer."),
            new CodeSummary(
                Codes.ApprovalCoversNothing,
                "Approval covers nothing",
                CodeSeverity.Error,
                Validation,
                "the covers entry",
                "An approval's covers entry names a dataset, a use (provider and purpose) or a model that the manifest does not declare.",
                "Correct the entry, or remove it."),
            new CodeSummary(
                Codes.ModelNotRegistered,
                "Model not in the registry",
                CodeSeverity.Error,
                Validation,
                "the model's id in the manifest's models",
                "The manifest declares a tuned model whose id is not in the allow-list's model registry (models), so nobody has recorded what "
                    + "it was trained on or who may receive its answers. Ids compare exactly (case-sensitive).",
                "Correct the id (the message lists the registered ones), or ask the security team to register the model."),
            new CodeSummary(
                Codes.ModelProviderNotDeclared,
                "Model's provider not declared for inference",
                CodeSeverity.Error,
                Validation,
                "the model's id in the manifest's models",
                "A declared model is hosted by a provider for which the manifest declares no inference use; calling the model sends prompts "
                    + "to that provider.",
                "Add an inference use of the provider (the message shows it), or stop calling the model."),
            new CodeSummary(
                Codes.ModelAboveFineTuningCeiling,
                "Model trained above its provider's fine-tuning ceiling",
                CodeSeverity.Error,
                Validation,
                "the allow-list (not the manifest), at the registry entry's trainedOn.class",
                "A model the project declares was trained on data above its provider's effective fine-tuning ceiling (the allow-list ceiling "
                    + "lowered by requirements the provider's facts break), or the provider allows no fine-tuning. Judged for the models a "
                    + "project declares.",
                "The security team retires the model or re-evaluates it (retrain on redacted data, or review the provider's ceiling)."),
            new CodeSummary(
                Codes.AudienceUnknown,
                "Unknown audience",
                CodeSeverity.Error,
                Validation,
                "the manifest's audience value, or the audience in a registry entry's audiences (allow-list)",
                "An audience name is not defined in the allow-list's audiences: the manifest's audience, or one of a registry entry's "
                    + "audiences (every entry is judged, whether a project uses it or not).",
                "Use a defined audience (the message lists them), or ask the security team to define it with its maxClass."),
            new CodeSummary(
                Codes.AudienceMissing,
                "Models without an audience",
                CodeSeverity.Error,
                Validation,
                "the manifest's models array",
                "The manifest declares tuned models but no audience, so the task cannot tell whether the people who see the project's output "
                    + "may see what the models were trained on.",
                "Add \"audience\": \"<name>\" with the audience that receives what the project produces."),
            new CodeSummary(
                Codes.ModelAudienceNotAllowed,
                "Audience not allowed for the model",
                CodeSeverity.Error,
                Validation,
                "the model's id in the manifest's models",
                "The project's audience is not among the audiences the model's registry entry allows to receive its answers. No approval "
                    + "lifts this: the registry decides who may receive a model's answers.",
                "Call another model (or the base model) for this audience, or ask the security team to add the audience to the model's entry."),
            new CodeSummary(
                Codes.ModelClassAboveAudience,
                "Model's training class above the audience's class",
                CodeSeverity.Error,
                Validation,
                "the model's id in the manifest's models",
                "A declared model was trained on data above the highest class the project's audience may see (its maxClass), the audience is "
                    + "listed for the model, and no approval of the role the entry names (approvalRole) covers the model. An expired covering "
                    + "approval is FTP1037 at its expires instead.",
                "Use a model trained on data the audience may see, or record an approval of the named role covering { \"model\": \"<id>\" }."),
            new CodeSummary(
                Codes.ModelReviewOverdue,
                "Model review overdue",
                CodeSeverity.Error,
                Validation,
                "the allow-list (not the manifest), at the model's reviewBy value",
                "A model the project declares has a reviewBy date in the past (from the day after reviewBy): it has not been re-evaluated "
                    + "(training data, class, audiences) in time.",
                "The security team evaluates the model again and moves reviewBy forward in the registry."),
            new CodeSummary(
                Codes.ModelReviewDueSoon,
                "Model review due within 30 days",
                CodeSeverity.WarningErrorInStrictMode,
                Validation,
                "the allow-list (not the manifest), at the model's reviewBy value",
                "A model the project declares is due for review within 30 days: from 30 days before its reviewBy date up to and including "
                    + "that day.",
                "Ask the security team to evaluate the model again and move reviewBy forward."),
            new CodeSummary(
                Codes.InvalidParameter,
                "Invalid task parameter",
                CodeSeverity.Error,
                Validation,
                "the project file, line and column 0 (the value comes from a property, not from a position in a file)",
                "FineTunePolicyToday is not a date written yyyy-MM-dd.",
                "Set FineTunePolicyToday to yyyy-MM-dd, or leave it empty to judge against today's date (UTC)."),
            new CodeSummary(
                Codes.UnjustifiedSuppression,
                "Suppression of FTP0001 or FTP0002 without a justification",
                CodeSeverity.WarningErrorInStrictMode,
                Audit,
                "the suppression: the `#pragma` line, the finding of a `[SuppressMessage]` (the compiler log does not hold the attribute's "
                    + "position), the `.editorconfig` line, or the project file for NoWarn",
                "FTP0001 or FTP0002 is suppressed without a justification: `#pragma warning disable` without a comment, `[SuppressMessage]` "
                    + "without `Justification`, an `.editorconfig`/global config severity `none`, `silent` or `suggestion` without a comment directly "
                    + "above, or `NoWarn`. Reported at the suppression.",
                "Write the reason in the pragma's comment, the attribute's `Justification` or a comment above the setting; take the rules out of "
                    + "`NoWarn`."),
            new CodeSummary(
                Codes.AnalyzerDidNotRun,
                "The analyzer did not run",
                CodeSeverity.WarningErrorInStrictMode,
                Audit,
                "the project file, no line",
                "The analyzer is not known to have run: `RunAnalyzers` or `RunAnalyzersDuringBuild` false, the analyzer missing from the "
                    + "compiler's analyzers, or the compiler's SARIF log missing, in version 1.0, or without the FTP rules.",
                "Keep analyzers on and the analyzer referenced; let the targets write the error log, or add `,version=2.1` to your own `ErrorLog`."),
            new CodeSummary(
                Codes.SuppressionInputUnreadable,
                "Suppression audit input cannot be read",
                CodeSeverity.Error,
                Audit,
                "the file that cannot be read, no line",
                "The compiler's SARIF log, a configuration file or the audit record cannot be read by the suppression audit.",
                "Rebuild; make the files readable; give `ErrorLog` a file of its own."),
            new CodeSummary(
                Codes.InternalError,
                "Unexpected failure",
                CodeSeverity.Error,
                Validation,
                "the file being processed",
                "The task failed in a way it does not expect. The build stops (fail closed) and the generated files are deleted; the full stack "
                    + "trace is in the low-importance log.",
                "Report the message and the file named in it; build with -v:diag for the stack trace."),
        };
    }

    /// <summary>How a code is reported.</summary>
    internal enum CodeSeverity
    {
        Error,

        /// <summary>A warning that strict mode (FineTunePolicyStrict) turns into an error.</summary>
        WarningErrorInStrictMode,
    }

    /// <summary>One code's documentation: see <see cref="CodeSummaries"/>.</summary>
    internal sealed class CodeSummary
    {
        public CodeSummary(string code, string title, CodeSeverity severity, string reportedBy, string position, string firesWhen, string whatToChange)
        {
            Code = code;
            Title = title;
            Severity = severity;
            ReportedBy = reportedBy;
            Position = position;
            FiresWhen = firesWhen;
            WhatToChange = whatToChange;
        }

        public string Code { get; }

        public string Title { get; }

        public CodeSeverity Severity { get; }

        /// <summary>Which task reports the code, as the page says it.</summary>
        public string ReportedBy { get; }

        /// <summary>Where the diagnostic points.</summary>
        public string Position { get; }

        public string FiresWhen { get; }

        public string WhatToChange { get; }
    }
}
