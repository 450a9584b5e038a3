namespace FineTunePolicy.Tool.Tests;

/// <summary>The tool's Main in process, with its output captured.</summary>
public sealed record ToolRun(int ExitCode, string Out, string Error)
{
    public static ToolRun Of(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr);
        return new ToolRun(code, stdout.ToString(), stderr.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
}
