using System.Collections.Generic;
using FineTunePolicy.Build.Tasks.Json;

namespace FineTunePolicy.Build.Tasks.Diagnostics
{
    /// <summary>A finding of the task: code, severity, file, 1-based line and column (0 when the whole file is meant).</summary>
    internal sealed class PolicyDiagnostic
    {
        public PolicyDiagnostic(string code, bool isWarning, string file, int line, int column, string message)
        {
            Code = code;
            IsWarning = isWarning;
            File = file;
            Line = line;
            Column = column;
            Message = message;
        }

        public string Code { get; }

        public bool IsWarning { get; }

        public string File { get; }

        public int Line { get; }

        public int Column { get; }

        public string Message { get; }
    }

    /// <summary>Collects diagnostics in the order they are found.</summary>
    internal sealed class DiagnosticBag
    {
        public List<PolicyDiagnostic> Items { get; } = new List<PolicyDiagnostic>();

        public bool HasErrors
        {
            get
            {
                foreach (var item in Items)
                {
                    if (!item.IsWarning)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        public void Error(string code, string file, int line, int column, string message) =>
            Items.Add(new PolicyDiagnostic(code, false, file, line, column, message));

        public void Error(string code, string file, JsonNode at, string message) =>
            Error(code, file, at.Line, at.Column, message);

        public void Warning(string code, string file, JsonNode at, string message) =>
            Items.Add(new PolicyDiagnostic(code, true, file, at.Line, at.Column, message));

        public void Warning(string code, string file, int line, int column, string message) =>
            Items.Add(new PolicyDiagnostic(code, true, file, line, column, message));
    }
}
