using System.Collections;
using Microsoft.Build.Framework;

namespace FineTunePolicy.Build.Tasks.Tests;

/// <summary>One error or warning the task logged.</summary>
public sealed record Logged(bool IsError, string Code, string File, int Line, int Column, string Message, string? HelpLink)
{
    /// <summary>The line as MSBuild's console logger prints it.</summary>
    public override string ToString() => $"{File}({Line},{Column}): {(IsError ? "error" : "warning")} {Code}: {Message}";
}

/// <summary>An <see cref="IBuildEngine"/> that records what the task logs.</summary>
public sealed class RecordingBuildEngine : IBuildEngine
{
    public List<Logged> Logged { get; } = new();

    public List<string> Messages { get; } = new();

    public IEnumerable<Logged> Errors => Logged.Where(l => l.IsError);

    public IEnumerable<Logged> Warnings => Logged.Where(l => !l.IsError);

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => "test.csproj";

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException();

    public void LogCustomEvent(CustomBuildEventArgs e) => Messages.Add(e.Message ?? string.Empty);

    public void LogErrorEvent(BuildErrorEventArgs e) =>
        Logged.Add(new Logged(true, e.Code, e.File, e.LineNumber, e.ColumnNumber, e.Message ?? string.Empty, e.HelpLink));

    public void LogWarningEvent(BuildWarningEventArgs e) =>
        Logged.Add(new Logged(false, e.Code, e.File, e.LineNumber, e.ColumnNumber, e.Message ?? string.Empty, e.HelpLink));

    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e.Message ?? string.Empty);
}
