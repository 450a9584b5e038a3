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

        /// <summary>FTP0008: the purpose of the sink the parameter reaches (<c>Inference</c>), for <c>[LlmSink(LlmPurpose.X)]</c>.</summary>
        public const string Purpose = "Purpose";

        /// <summary>FTP0008: the provider of that sink; absent when it is unknown (then the attribute names none).</summary>
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

        /// <summary>Separates the entries of a list-valued property.</summary>
        public const char Separator = '\n';
    }
}
