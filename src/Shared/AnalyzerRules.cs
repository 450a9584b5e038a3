namespace FineTunePolicy.Shared
{
    /// <summary>
    /// What the task's suppression audit knows about the analyzer's rules. tests/FineTunePolicy.Contract.Tests reads the
    /// real rules and default severities from the compiler's SARIF log and compares them with these lists.
    /// </summary>
    internal static class AnalyzerRules
    {
        /// <summary>Every analyzer rule (every finding), for settings that address them by category or all at once.</summary>
        public static readonly string[] All =
        {
            "FTP0001",
            "FTP0002",
            "FTP0003",
            "FTP0004",
            "FTP0005",
            "FTP0006",
            "FTP0007",
            "FTP0008",
            "FTP0009",
            "FTP0010",
        };

        /// <summary>
        /// The inventory of LLM use: an analyzer diagnostic that is no finding and off by default (the package's targets turn
        /// it on for command-line builds, whose SARIF log carries it to the report). Not in <see cref="All"/>: switching it
        /// on or off suppresses nothing.
        /// </summary>
        public const string Inventory = "FTP0100";

        /// <summary>The rules that are errors by default: lowering one to a warning lets the build pass ("weakened").</summary>
        public static readonly string[] ErrorsByDefault = { "FTP0001", "FTP0002", "FTP0004", "FTP0010" };

        /// <summary>The rules whose suppression needs a justification (FTP1060).</summary>
        public static readonly string[] Guarded = { "FTP0001", "FTP0002" };
    }
}
