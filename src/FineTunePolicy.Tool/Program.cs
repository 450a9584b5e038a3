using System.CommandLine;
using FineTunePolicy.Tool.Report;
using FineTunePolicy.Tool.Validate;

namespace FineTunePolicy.Tool;

/// <summary>The finetune-policy command line: parsing only; each command lives in its own folder.</summary>
internal static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("FineTunePolicy for security teams: validate policy files, and report every LLM call of a codebase.");
        root.Subcommands.Add(ValidateCommandLine(stdout, stderr));
        root.Subcommands.Add(ReportCommandLine(stdout, stderr));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine("finetune-policy: error: " + error.Message);
            }

            stderr.WriteLine("Run 'finetune-policy --help' for the commands and their options.");
            return ExitCodes.UsageOrInput;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    private static Command ValidateCommandLine(TextWriter stdout, TextWriter stderr)
    {
        var allowList = new Argument<string>("allow-list") { Description = "The organisation's allow-list (JSON)." };
        var manifests = new Argument<string[]>("manifest") { Description = "Project manifests to judge against the allow-list; none: the allow-list is checked "
            + "alone.", Arity = ArgumentArity.ZeroOrMore };
        var today = new Option<string?>("--today") { Description = "The date (yyyy-MM-dd) that approvals and review dates are judged against; default: today "
            + "(UTC)." };
        var strict = new Option<bool>("--strict") { Description = "Warnings (approvals or reviews due within 30 days) are errors, as in a strict build." };
        var format = new Option<string>("--format") { Description = "text (file(line,col): error FTP1xxx: message), json, or sarif (SARIF 2.1 for code "
            + "scanning).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var command = new Command("validate", "Validate an allow-list, and project manifests against it, as the build task does: same FTP1xxx codes and "
            + "positions. Exit code 0: valid; 1: policy errors; 2: usage or I/O error.")
        {
            allowList, manifests, today, strict, format,
        };
        command.SetAction(result => Guard(stderr, () => ValidateCommand.Run(result.GetValue(allowList)!, result.GetValue(manifests) ?? Array.Empty<string>(),
            result.GetValue(today), result.GetValue(strict), result.GetValue(format)!, stdout)));
        return command;
    }

    private static Command ReportCommandLine(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("paths") { Description = "Folders to search for audit records (FineTunePolicy.audit.json) and SARIF logs (*.sarif), "
            + "or those files; default: the current folder.", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string>("--output", "-o") { Description = "The folder to write report.html, report.md and report.json into.", Required = true };
        var baseline = new Option<string?>("--baseline") { Description = "A previous report.json: the report says what changed since." };
        var today = new Option<string?>("--today") { Description = "The date (yyyy-MM-dd) that days left are counted from; default: today (UTC)." };
        var command = new Command("report", "Write one HTML, Markdown and JSON report of the FineTunePolicy audit records and SARIF logs under the given "
            + "folders.")
        {
            paths, output, baseline, today,
        };
        command.SetAction(result => Guard(stderr, () => ReportCommand.Run(result.GetValue(paths) ?? Array.Empty<string>(), result.GetValue(output)!,
            result.GetValue(baseline), result.GetValue(today), stdout)));
        return command;
    }

    /// <summary>Every error ends as one message and exit code 2, never a stack trace.</summary>
    internal static int Guard(TextWriter stderr, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (ToolError error)
        {
            stderr.WriteLine("finetune-policy: error: " + error.Message);
            return ExitCodes.UsageOrInput;
        }
        catch (Exception ex)
        {
            stderr.WriteLine($"finetune-policy: internal error: {ex.GetType().Name}: {ex.Message} Please report this with the command line and the input "
                + $"files.");
            return ExitCodes.UsageOrInput;
        }
    }
}
