namespace FineTunePolicy.Analyzers
{
    /// <summary>
    /// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/>: what a rule knows and its code fix needs, so that the
    /// fix never repeats the analysis. Values are plain text; a fix that finds a key missing offers nothing.
    /// </summary>
    public static class DiagnosticProperties
    {
        /// <summary>FTP0001-FTP0003: the highest class the sink accepts (<c>Internal</c>); absent when the provider accepts none.</summary>
        public const string AcceptedClass = "AcceptedClass";

        /// <summary>FTP0001-FTP0003: the sources above <see cref="AcceptedClass"/>, one name per line, as messages name them (<c>Customer.Ssn</c>).</summary>
        public const string SourcesAbove = "SourcesAbove";

        /// <summary>
        /// FTP0008: the purpose of the sink the parameter reaches (<c>Inference</c>), for <c>[LlmSink(LlmPurpose.X)]</c>; FTP0100: the call's purpose.
        /// </summary>
        public const string Purpose = "Purpose";

        /// <summary>FTP0008: the provider of that sink; absent when it is unknown (then the attribute names none). FTP0100: the call's provider.</summary>
        public const string Provider = "Provider";

        /// <summary>FTP0009: the class of the result (<c>Restricted</c>), for <c>[return: Restricted]</c>.</summary>
        public const string ResultClass = "ResultClass";

        /// <summary>FTP0009: the result's categories, <c>Personal, Payment</c> (absent when none).</summary>
        public const string ResultCategories = "ResultCategories";

        /// <summary>
        /// FTP0008, FTP0009: present when the attribute belongs on another declaration (the interface or base member callers
        /// use); the diagnostic's first additional location is then that declaration's name.
        /// </summary>
        public const string OnOtherDeclaration = "OnOtherDeclaration";

        // FTP0100, the inventory of LLM use: what the finetune-policy report reads from the SARIF log (customProperties).

        /// <summary>
        /// FTP0100: what the entry lists: <see cref="InventorySinkCall"/>, <see cref="InventoryDeclassifier"/> or <see cref="InventoryClassified"/>.
        /// </summary>
        public const string Entry = "Entry";

        public const string InventorySinkCall = "sinkCall";

        public const string InventoryDeclassifier = "declassifier";

        public const string InventoryClassified = "classified";

        /// <summary>
        /// FTP0100: the sink method (<c>ChatClient.CompleteChatAsync</c>); also <see cref="Purpose"/> and <see cref="Provider"/> (always present).
        /// </summary>
        public const string Sink = "Sink";

        /// <summary>
        /// FTP0100: the highest class reaching a sink call (<c>Public</c> when nothing classified does), the class a declassifier's
        /// result carries, or the class of a classified declaration.
        /// </summary>
        public const string Class = "Class";

        /// <summary>FTP0100: the categories with <see cref="Class"/>, one per line (absent when none).</summary>
        public const string Categories = "Categories";

        /// <summary>FTP0100: the classified sources reaching a sink call, one per line, as messages name them (absent when none).</summary>
        public const string Sources = "Sources";

        /// <summary>FTP0100: the ceiling of the call's provider and purpose (<c>Internal</c>); absent when the policy allows none.</summary>
        public const string Ceiling = "Ceiling";

        /// <summary>FTP0100: <c>true</c> when the policy allows the call as it is (provider, purpose and class), else <c>false</c>.</summary>
        public const string Allowed = "Allowed";

        /// <summary>FTP0100: the declassifier or the classified type or member (<c>Redactor.MaskEmail</c>, <c>Customer.Ssn</c>).</summary>
        public const string Symbol = "Symbol";

        /// <summary>FTP0100: a classified declaration's kind: <c>type</c>, <c>member</c> or <c>return</c>.</summary>
        public const string SymbolKind = "SymbolKind";

        /// <summary>FTP0100: a declassifier's justification (absent when it has none: FTP0005).</summary>
        public const string Justification = "Justification";

        /// <summary>Separates the entries of a list-valued property.</summary>
        public const char Separator = '\n';
    }
}
