namespace FineTunePolicy.Analyzers
{
    /// <summary>The analyzer's diagnostic IDs. The build task's codes (FTP1xxx) live with the task.</summary>
    public static class DiagnosticIds
    {
        public const string RestrictedDataReachesLlm = "FTP0001";
        public const string DataAboveFineTuningCeiling = "FTP0002";
        public const string DataAboveInferenceCeiling = "FTP0003";
        public const string ProviderNotAllowedForPurpose = "FTP0004";
        public const string DeclassifiesNeedsJustification = "FTP0005";
        public const string SensitiveTelemetryEnabled = "FTP0006";
        public const string FlowAnalysisIncomplete = "FTP0007";
        public const string VisibleMethodSendsParameterToLlm = "FTP0008";
        public const string VisibleMethodReturnsClassifiedData = "FTP0009";
        public const string UndeclaredTunedModel = "FTP0010";

        /// <summary>Not a rule: one entry of the inventory of LLM use, off by default (the targets turn it on for the build's SARIF log).</summary>
        public const string LlmInventory = Shared.AnalyzerRules.Inventory;
    }
}
