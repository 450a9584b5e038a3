namespace FineTunePolicy.Build.Tasks.Diagnostics
{
    /// <summary>
    /// Every diagnostic code the build task reports. One code per condition; docs/rules/FTP1xxx.md explains each,
    /// and docs/policy-files.md lists them all.
    /// </summary>
    internal static class Codes
    {
        /// <summary>The project has no manifest (warning; an error in strict mode).</summary>
        public const string ManifestNotFound = "FTP1001";

        /// <summary>The allow-list named by the manifest or by FineTunePolicyAllowList does not exist.</summary>
        public const string AllowListNotFound = "FTP1002";

        /// <summary>Neither the manifest nor FineTunePolicyAllowList names an allow-list.</summary>
        public const string AllowListNotGiven = "FTP1003";

        /// <summary>A policy file exists but cannot be read as text.</summary>
        public const string FileUnreadable = "FTP1004";

        /// <summary>A policy file is not valid JSON.</summary>
        public const string InvalidJson = "FTP1005";

        /// <summary>A JSON object names the same key twice.</summary>
        public const string DuplicateKey = "FTP1006";

        /// <summary>An output file (global config, audit record, stamp) cannot be written or deleted.</summary>
        public const string OutputNotWritable = "FTP1007";

        /// <summary>A policy file is larger than <c>PolicyFileLoader.MaxBytes</c> (5 MiB); it is not parsed.</summary>
        public const string FileTooLarge = "FTP1008";

        /// <summary>A policy file's path names a folder, not a file.</summary>
        public const string PathIsDirectory = "FTP1009";

        /// <summary>A value has the wrong JSON type.</summary>
        public const string WrongType = "FTP1010";

        /// <summary>A required key is missing.</summary>
        public const string MissingKey = "FTP1011";

        /// <summary>A key is not part of the format.</summary>
        public const string UnknownKey = "FTP1012";

        /// <summary>A value is not one of the allowed values.</summary>
        public const string ValueNotAllowed = "FTP1013";

        /// <summary>A date is not a real yyyy-MM-dd date.</summary>
        public const string InvalidDate = "FTP1014";

        /// <summary>A string does not match its required format (ids, method and type names, ...).</summary>
        public const string BadFormat = "FTP1015";

        /// <summary>A number is below its minimum, or a list has too few entries.</summary>
        public const string OutOfRange = "FTP1016";

        /// <summary>Keys that exclude or need each other are combined wrongly (for example both classes and maxClass).</summary>
        public const string KeyCombination = "FTP1017";

        /// <summary>A policy file nests arrays and objects deeper than the parser's limit (64).</summary>
        public const string NestingTooDeep = "FTP1018";

        /// <summary>Two providers, two models of the registry or two audiences on the allow-list share an id or name.</summary>
        public const string DuplicateProvider = "FTP1020";

        /// <summary>A custom sink or a registered model on the allow-list names a provider that is not on the allow-list.</summary>
        public const string SinkProviderUnknown = "FTP1021";

        /// <summary>The manifest declares the same use, dataset, approval or model twice.</summary>
        public const string DuplicateManifestEntry = "FTP1022";

        /// <summary>A use or dataset names a provider that is not on the allow-list.</summary>
        public const string ProviderNotAllowed = "FTP1030";

        /// <summary>The allow-list grants the provider no ceiling for the purpose.</summary>
        public const string PurposeNotAllowed = "FTP1031";

        /// <summary>The class of a use or dataset is above the provider's ceiling for the purpose.</summary>
        public const string ClassAboveCeiling = "FTP1032";

        /// <summary>A category needs a certification the provider lacks.</summary>
        public const string CertificationMissing = "FTP1033";

        /// <summary>The provider's contract facts break an organisation requirement for a class or category used.</summary>
        public const string RequirementNotMet = "FTP1034";

        /// <summary>Restricted data goes to a provider that is not hosted internally.</summary>
        public const string RestrictedExternal = "FTP1035";

        /// <summary>A use or dataset needs an approval that the manifest does not record.</summary>
        public const string ApprovalMissing = "FTP1036";

        /// <summary>An approval has expired.</summary>
        public const string ApprovalExpired = "FTP1037";

        /// <summary>An approval expires within 30 days (warning).</summary>
        public const string ApprovalExpiresSoon = "FTP1038";

        /// <summary>A provider's review-by date has passed.</summary>
        public const string ReviewOverdue = "FTP1039";

        /// <summary>A provider's review-by date is within 30 days (warning).</summary>
        public const string ReviewDueSoon = "FTP1040";

        /// <summary>The project references an LLM SDK package whose provider the manifest does not declare.</summary>
        public const string UndeclaredSdkProvider = "FTP1041";

        /// <summary>A dataset names a provider for which the manifest declares no fine-tuning use.</summary>
        public const string DatasetWithoutUse = "FTP1042";

        /// <summary>A dataset step names a sanitizer that is not on the allow-list.</summary>
        public const string SanitizerUnknown = "FTP1043";

        /// <summary>An approval covers a use, dataset or model that the manifest does not declare.</summary>
        public const string ApprovalCoversNothing = "FTP1044";

        /// <summary>The manifest declares a tuned model that is not in the allow-list's model registry.</summary>
        public const string ModelNotRegistered = "FTP1070";

        /// <summary>A declared model's provider is not declared for inference in the manifest's uses.</summary>
        public const string ModelProviderNotDeclared = "FTP1071";

        /// <summary>A registry entry's training class is above its provider's effective fine-tuning ceiling.</summary>
        public const string ModelAboveFineTuningCeiling = "FTP1072";

        /// <summary>An audience name (the manifest's audience, or one of a registry entry's audiences) is not defined by the allow-list.</summary>
        public const string AudienceUnknown = "FTP1073";

        /// <summary>The manifest declares models but no audience.</summary>
        public const string AudienceMissing = "FTP1074";

        /// <summary>The project's audience is not among the audiences a declared model's registry entry allows.</summary>
        public const string ModelAudienceNotAllowed = "FTP1075";

        /// <summary>A declared model's training class is above what the project's audience may see, and no approval covers it.</summary>
        public const string ModelClassAboveAudience = "FTP1076";

        /// <summary>A declared model's review-by date has passed.</summary>
        public const string ModelReviewOverdue = "FTP1077";

        /// <summary>A declared model's review-by date is within 30 days (warning).</summary>
        public const string ModelReviewDueSoon = "FTP1078";

        /// <summary>A task parameter (FineTunePolicyToday) is not valid.</summary>
        public const string InvalidParameter = "FTP1050";

        /// <summary>An FTP0001 or FTP0002 finding is suppressed without a justification (error in strict mode, warning otherwise).</summary>
        public const string UnjustifiedSuppression = "FTP1060";

        /// <summary>
        /// The analyzer did not run in the compilation: RunAnalyzers false, the analyzer missing from the Analyzer
        /// items, or no compiler log that shows it (error in strict mode, warning otherwise).
        /// </summary>
        public const string AnalyzerDidNotRun = "FTP1061";

        /// <summary>The compiler's SARIF error log, the audit record or a configuration file cannot be read or understood by the suppression audit.</summary>
        public const string SuppressionInputUnreadable = "FTP1062";

        /// <summary>The task failed unexpectedly.</summary>
        public const string InternalError = "FTP1999";

        /// <summary>The documentation page of a code.</summary>
        public static string HelpLink(string code) => HelpLinks.For(code);
    }
}
