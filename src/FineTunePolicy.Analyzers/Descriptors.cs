using Microsoft.CodeAnalysis;

namespace FineTunePolicy.Analyzers
{
    /// <summary>Every rule's user-facing text, in one place so that it reviews in one diff.</summary>
    public static class Descriptors
    {
        public const string Category = "FineTunePolicy";
        public const string HelpLinkBase = HelpLinks.Base;

        // Message arguments of FTP0001-FTP0003: {0} sources, {1} class and categories, {2} sink,
        // {3} purpose, {4} provider, {5} ceiling and where it comes from.
        public static readonly DiagnosticDescriptor FTP0001_RestrictedDataReachesLlm = Create(
            DiagnosticIds.RestrictedDataReachesLlm,
            "Restricted data must not reach an LLM",
            "Restricted data from {0} ({1}) reaches {2} for {3} with provider '{4}' (ceiling: {5}); remove it from the request, or pass it through a "
                + "[Declassifies] redactor first",
            DiagnosticSeverity.Error,
            "Restricted data (identifiers, secrets, card and health data) may only reach a provider that the policy marks as internally hosted and grants "
                + "Restricted for the purpose. Without a policy, no provider may receive it.");

        public static readonly DiagnosticDescriptor FTP0002_DataAboveFineTuningCeiling = Create(
            DiagnosticIds.DataAboveFineTuningCeiling,
            "Data above the fine-tuning ceiling reaches a training sink",
            "{1} data from {0} reaches {2} for {3} with provider '{4}', above the fine-tuning ceiling {5}; training data can resurface in the model's answers: "
                + "drop or redact it with a [Declassifies] method, or train on a dataset approved for this class",
            DiagnosticSeverity.Error,
            "Data used to fine-tune a model can be memorised and reproduced to any user of the model. Fine-tuning sinks (training-file uploads, fine-tuning "
                + "jobs) accept only data at or below the fine-tuning ceiling of the provider.");

        public static readonly DiagnosticDescriptor FTP0003_DataAboveInferenceCeiling = Create(
            DiagnosticIds.DataAboveInferenceCeiling,
            "Data above the inference or embedding ceiling reaches an LLM",
            "{1} data from {0} reaches {2} for {3} with provider '{4}', above the {3} ceiling {5}; send only the members the request needs, redact them with a "
                + "[Declassifies] method, or use a provider the policy approves for this class",
            DiagnosticSeverity.Warning,
            "Prompts, completions and embedding inputs leave the process for the provider. Each provider has a ceiling per purpose: the highest data class its "
                + "contract allows.");

        public static readonly DiagnosticDescriptor FTP0004_ProviderNotAllowedForPurpose = Create(
            DiagnosticIds.ProviderNotAllowedForPurpose,
            "The LLM provider is not allowed for this purpose",
            "{0} sends data to provider '{1}' for {2}, which the policy does not allow ({3}); use an allowed provider, or declare '{1}' for {2} in the "
                + "project's manifest and have the allow-list approve it",
            DiagnosticSeverity.Error,
            "The project's manifest declares which providers it uses for which purposes, and the organisation's allow-list approves them. A call to any other "
                + "provider, or for another purpose, is outside the policy.");

        public static readonly DiagnosticDescriptor FTP0005_DeclassifiesNeedsJustification = Create(
            DiagnosticIds.DeclassifiesNeedsJustification,
            "[Declassifies] needs a justification",
            "[Declassifies({0})] on '{1}' has no justification; say what the method removes, masks or aggregates (Justification = \"...\") so that a reviewer "
                + "can check the declassification",
            DiagnosticSeverity.Warning,
            "A declassifier lowers the class of everything that passes through it, so it is the one place a reviewer must check. The justification records why "
                + "its result is safe at the lower class.");

        public static readonly DiagnosticDescriptor FTP0006_SensitiveTelemetryEnabled = Create(
            DiagnosticIds.SensitiveTelemetryEnabled,
            "GenAI telemetry records message content",
            "{0} makes telemetry record prompt and response content in a project that classifies data; classified data sent to a model would be copied into "
                + "traces and logs: leave it off, or turn it on only in development builds",
            DiagnosticSeverity.Warning,
            "The OpenTelemetry clients of Microsoft.Extensions.AI (and Semantic Kernel's sensitive diagnostics switch) can record the full text of every "
                + "prompt and answer. In a project that handles classified data, that copies the data to the telemetry backend.");

        public static readonly DiagnosticDescriptor FTP0007_FlowAnalysisIncomplete = Create(
            DiagnosticIds.FlowAnalysisIncomplete,
            "Flow analysis of an LLM argument was cut short",
            "The flow analysis of this argument to {0} stopped at its {1} bound, so classified data may reach the sink unreported; simplify the expression or "
                + "split the method",
            DiagnosticSeverity.Info,
            "The analyzer bounds the depth of expressions, call chains and iterations so that it stays fast. When a bound cuts the analysis of a sink argument "
                + "short, it says so instead of staying silent.");

        // {0} method, {1} parameter, {2} sink, {3} purpose, {4} provider, {5} where the attribute goes, {6} the attribute.
        public static readonly DiagnosticDescriptor FTP0008_VisibleMethodSendsParameterToLlm = Create(
            DiagnosticIds.VisibleMethodSendsParameterToLlm,
            "A method visible to other assemblies sends a parameter to an LLM without [LlmSink]",
            "{0} sends its parameter '{1}' to {2} for {3} with provider '{4}', but callers in other assemblies cannot see that and their data is not checked; "
                + "mark {5} with [{6}]",
            DiagnosticSeverity.Info,
            "The analyzer follows data into a method only within one compilation. A caller in another project sees a call it cannot look into, so classified "
                + "data it hands to a wrapper around an LLM SDK is reported nowhere. [LlmSink] on the method (or on the interface or base member that callers "
                + "use) makes every call a checked sink, in every assembly.");

        // {0} method, {1} class and categories, {2} sources, {3} return type, {4} where the attribute goes, {5} the attribute.
        public static readonly DiagnosticDescriptor FTP0009_VisibleMethodReturnsClassifiedData = Create(
            DiagnosticIds.VisibleMethodReturnsClassifiedData,
            "A method visible to other assemblies returns classified data through an unclassified type",
            "{0} returns {1} data from {2} as '{3}', which carries no classification, so callers in other assemblies lose the class; mark {4} with [{5}]",
            DiagnosticSeverity.Info,
            "Within one compilation the analyzer knows what a method's result carries. A caller in another project knows only the method's signature: the "
                + "classes of its declared return type and of the arguments it passes. A [return: ...] classification makes the result's class travel with the "
                + "method, the way nullable annotations do.");

        // {0} the model id, {1} what the registry says of it (or that nothing is known).
        public static readonly DiagnosticDescriptor FTP0010_UndeclaredTunedModel = Create(
            DiagnosticIds.UndeclaredTunedModel,
            "Code uses a tuned model that the manifest does not declare",
            "'{0}' is {1}; declare it under 'models' in finetune-policy.json (the security team must first register it in the allow-list's model "
                + "registry), or use a declared tuned model or a base model",
            DiagnosticSeverity.Error,
            "A fine-tuned model can repeat the data it was trained on to anyone who can query it. The allow-list registers each tuned model with the "
                + "class of its training data and the audiences that may see its answers, and a project declares the tuned models it calls, so that the "
                + "build can check who receives their answers. A tuned model used in code but not declared escapes that check.");

        // {0} what the entry lists: a sink call with what reaches it, a declassifier, or a classified declaration.
        // Off by default (nothing in the IDE); the package's targets turn it on in command-line builds, whose SARIF log
        // carries the entries' properties (DiagnosticProperties, "Inventory") to the finetune-policy report.
        public static readonly DiagnosticDescriptor FTP0100_LlmInventory = Create(
            DiagnosticIds.LlmInventory,
            "Inventory of LLM use",
            "{0}",
            DiagnosticSeverity.Info,
            "Not a finding: one entry of the inventory of LLM use that a security review reads. Every LLM sink call with the highest class reaching it, every "
                + "declassifier and every classified declaration is listed, so that the report shows where the code calls which provider with which data. "
                + "Disabled by default; the package's targets enable it for command-line builds, which write it into the SARIF log.",
            isEnabledByDefault: false,
            WellKnownDiagnosticTags.CompilationEnd);

        private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string description,
            bool isEnabledByDefault = true, params string[] customTags)
        {
            return new DiagnosticDescriptor(
                id,
                title,
                message,
                Category,
                severity,
                isEnabledByDefault: isEnabledByDefault,
                description: description,
                helpLinkUri: HelpLinkBase + id + ".md",
                customTags: customTags);
        }
    }
}
