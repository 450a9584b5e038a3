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

        /// <summary>Separates the entries of a list-valued property.</summary>
        public const char Separator = '\n';
    }
}
