namespace FineTunePolicy.Contract.Tests.Docs;

/// <summary>
/// A generated part of a hand-written Markdown file: the lines between <c>&lt;!-- name:begin --&gt;</c> and
/// <c>&lt;!-- name:end --&gt;</c>. The first line inside says where the part comes from.
/// </summary>
internal static class GeneratedRegion
{
    /// <summary>Set to 1 to rewrite the generated parts of the docs (and the schemas) instead of failing on a difference.</summary>
    public const string UpdateVariable = "FTP_UPDATE_DOCS";

    public const string HowToUpdate = UpdateVariable + "=1 dotnet test tests/FineTunePolicy.Contract.Tests";

    public static bool UpdateRequested => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>The comment line that opens every generated part.</summary>
    public static string SourceComment(string source) =>
        $"<!-- generated from {source} by tests/FineTunePolicy.Contract.Tests; edit the source, then run {HowToUpdate} -->";

    /// <summary><paramref name="text"/> with the part <paramref name="name"/> replaced by <paramref name="lines"/>.</summary>
    public static string Replace(string text, string file, string name, string source, IEnumerable<string> lines)
    {
        var begin = $"<!-- {name}:begin -->";
        var end = $"<!-- {name}:end -->";
        var start = text.IndexOf(begin + "\n", StringComparison.Ordinal);
        var stop = text.IndexOf(end, StringComparison.Ordinal);
        if (start < 0 || stop < start || text.IndexOf(begin, start + begin.Length, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"{file} needs exactly one '{begin}' line followed later by '{end}'.");
        }

        start += begin.Length + 1;
        var body = SourceComment(source) + "\n" + string.Join(string.Empty, lines.Select(line => line + "\n"));
        return text.Substring(0, start) + body + text.Substring(stop);
    }
}
