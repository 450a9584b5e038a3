namespace FineTunePolicy.Tool.Report;

internal static class Html
{
    /// <summary>Escapes the five characters that matter in text and attribute values; the page is UTF-8, so nothing else needs it.</summary>
    public static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);
}
