namespace FineTunePolicy.Tool;

/// <summary>
/// A problem with what the user gave the tool (a missing folder, an unreadable or truncated file, a file of a newer
/// format): printed as one clear message, exit code 2, never a stack trace.
/// </summary>
internal sealed class ToolError : Exception
{
    public ToolError(string message)
        : base(message)
    {
    }

    /// <summary>A JSON file that does not parse: names the file, line and column, and the likely cause.</summary>
    public static ToolError InvalidJson(string path, string kind, System.Text.Json.JsonException ex) =>
        new($"{path}({(ex.LineNumber ?? 0) + 1},{(ex.BytePositionInLine ?? 0) + 1}): the {kind} is not valid JSON ({FirstSentence(ex.Message)}). "
            + (kind == "SARIF log" ? "A log that ends early was usually cut short by a build that was stopped or ran out of disk; build the project again."
                : "The file may be truncated or edited by hand; produce it again."));

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).TrimEnd('.', ' ');
    }
}

/// <summary>The tool's exit codes (docs/security-teams.md).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>validate: the policy files have errors (or, with --strict, warnings).</summary>
    public const int PolicyErrors = 1;

    /// <summary>Bad usage or input: a missing file or folder, unreadable or truncated input, a newer format.</summary>
    public const int UsageOrInput = 2;
}
