using System.Collections.Generic;

namespace FineTunePolicy.Analyzers
{
    /// <summary>
    /// When each rule fires, in one sentence, beside the descriptors that hold the rest of its text. The rule tables in
    /// README.md and docs/rules/README.md, and each rule page's header, are generated from these and the descriptors
    /// (tests/FineTunePolicy.Contract.Tests, Docs).
    /// </summary>
    internal static class RuleSummaries
    {
        public static readonly IReadOnlyDictionary<string, string> FiresWhen = new Dictionary<string, string>
        {
            [DiagnosticIds.RestrictedDataReachesLlm] =
                "Restricted data reaches any LLM sink, unless the resolved provider is hosted internally and the policy grants it Restricted",
            [DiagnosticIds.DataAboveFineTuningCeiling] =
                "data above the fine-tuning ceiling (Public by default) reaches a FineTuning sink; Restricted data is FTP0001",
            [DiagnosticIds.DataAboveInferenceCeiling] =
                "data above the inference or embedding ceiling (Internal by default) reaches an Inference or Embedding sink; "
                + "Restricted data is FTP0001",
            [DiagnosticIds.ProviderNotAllowedForPurpose] =
                "a call is attributed to a provider the resolved policy does not allow for that purpose (only with a manifest)",
            [DiagnosticIds.DeclassifiesNeedsJustification] =
                "`[Declassifies]` without a non-empty `Justification`; reported on the attribute",
            [DiagnosticIds.SensitiveTelemetryEnabled] =
                "`EnableSensitiveData = true` on a Microsoft.Extensions.AI OpenTelemetry client, or Semantic Kernel's sensitive "
                + "diagnostics switch, in a project that classifies data",
            [DiagnosticIds.FlowAnalysisIncomplete] =
                "the analysis of a sink argument hit its depth or iteration bound, so a finding may be missing",
            [DiagnosticIds.VisibleMethodSendsParameterToLlm] =
                "a library method other assemblies call (directly or through the interface or base member it implements) sends a "
                + "parameter to an LLM sink and is not marked `[LlmSink]`, so its callers' data is not checked",
            [DiagnosticIds.VisibleMethodReturnsClassifiedData] =
                "a library method other assemblies call returns data above Public, read from classified members, through an "
                + "unclassified return type, without `[return: ...]` and above what its signature shows, so callers lose the class",
            [DiagnosticIds.UndeclaredTunedModel] =
                "a tuned model id (the fine-tuned `ft:` form, or an id of the allow-list's model registry), written as a constant, is "
                + "given where an SDK takes a model or deployment name, and the project's manifest does not declare it",
            [DiagnosticIds.LlmInventory] =
                "not a finding, and off by default (nothing in the IDE): the inventory of LLM use that command-line builds write into "
                + "their SARIF log for `finetune-policy report` (every sink call with the highest class reaching it, every declassifier, "
                + "every classified declaration)",
        };
    }
}
