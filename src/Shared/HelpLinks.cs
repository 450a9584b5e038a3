namespace FineTunePolicy.Shared
{
    /// <summary>Where every diagnostic's page lives, analyzer rules (FTP0xxx) and task codes (FTP1xxx) alike.</summary>
    internal static class HelpLinks
    {
        public const string Base = "https://github.com/finetunepolicy/finetunepolicy/blob/main/docs/rules/";

        public static string For(string id) => Base + id + ".md";
    }
}
