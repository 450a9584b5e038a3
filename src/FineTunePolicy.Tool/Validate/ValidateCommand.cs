using System.Globalization;
using FineTunePolicy.Build.Tasks;
using FineTunePolicy.Build.Tasks.Diagnostics;
using FineTunePolicy.Build.Tasks.Model;
using FineTunePolicy.Build.Tasks.Schema;
using FineTunePolicy.Build.Tasks.Validation;

namespace FineTunePolicy.Tool.Validate;

/// <summary>
/// finetune-policy validate: the build task's validation outside a build. The same engine (the task's loader,
/// schemas, reader and evaluator, linked as a library) gives the same FTP1xxx codes, files, lines and columns.
/// The allow-list given on the command line is the one every manifest is judged against, as
/// FineTunePolicyAllowList does on a build server; without manifests the allow-list is checked alone.
/// </summary>
internal static class ValidateCommand
{
    /// <summary>Codes that mean the file could not be read at all: an I/O error (exit 2), not a policy error.</summary>
    private static readonly HashSet<string> InputCodes = new(StringComparer.Ordinal) { Codes.FileUnreadable, Codes.PathIsDirectory };

    public static int Run(string allowListPath, IReadOnlyList<string> manifestPaths, string? today, bool strict, string format, TextWriter stdout)
    {
        var day = Report.ReportCommand.ParseToday(today).ToDateTime(TimeOnly.MinValue);
        foreach (var path in new[] { allowListPath }.Concat(manifestPaths))
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw new ToolError($"The file {path} does not exist. Usage: finetune-policy validate <allow-list> [manifest...]");
            }
        }

        var results = Validate(allowListPath, manifestPaths, day, strict);

        var judgedOn = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        stdout.Write(format switch
        {
            "json" => ValidationOutput.Json(results, judgedOn, strict, new[] { allowListPath }.Concat(manifestPaths).ToList()),
            "sarif" => ValidationOutput.Sarif(results),
            _ => ValidationOutput.Text(results, judgedOn, 1 + manifestPaths.Count),
        });

        if (results.Any(r => InputCodes.Contains(r.Code)))
        {
            return ExitCodes.UsageOrInput;
        }

        return results.Any(r => r.Severity == "error") ? ExitCodes.PolicyErrors : ExitCodes.Ok;
    }

    /// <summary>The results in the order the engine found them, each once; in strict mode every warning is an error.</summary>
    internal static IReadOnlyList<ValidationResult> Validate(string allowListPath, IReadOnlyList<string> manifestPaths, DateTime today, bool strict) =>
        Diagnose(allowListPath, manifestPaths, today)
            .Select(d => new ValidationResult(d.Code, d.IsWarning && !strict ? "warning" : "error", d.File.Replace('\\', '/'), d.Line, d.Column, d.Message))
            .Distinct()
            .ToList();

    /// <summary>Loads the allow-list once, then judges each manifest against it on the given day; the task's own steps.</summary>
    private static List<PolicyDiagnostic> Diagnose(string allowListPath, IReadOnlyList<string> manifestPaths, DateTime today)
    {
        var diagnostics = new DiagnosticBag();
        var allowListFile = PolicyFileLoader.Load(allowListPath, PolicySchemas.AllowList, "allow-list", diagnostics);
        var allowList = allowListFile is { StructurallyValid: true } ? PolicyReader.ReadAllowList(allowListFile.Root!, allowListPath) : null;
        if (manifestPaths.Count == 0)
        {
            if (allowList != null)
            {
                // No uses: the evaluator checks the allow-list's own consistency (FTP1020, FTP1021) and nothing else.
                new PolicyEvaluator(allowList, new Manifest { File = allowListPath }, today, diagnostics).Evaluate(Array.Empty<PackageInput>());
            }

            return diagnostics.Items;
        }

        foreach (var manifestPath in manifestPaths)
        {
            var manifestFile = PolicyFileLoader.Load(manifestPath, PolicySchemas.Manifest, "manifest", diagnostics);
            if (allowList != null && manifestFile is { StructurallyValid: true })
            {
                var manifest = PolicyReader.ReadManifest(manifestFile.Root!, manifestPath);
                new PolicyEvaluator(allowList, manifest, today, diagnostics).Evaluate(Array.Empty<PackageInput>());
            }
        }

        return diagnostics.Items;
    }
}

/// <summary>One diagnostic as the tool prints it; severity is already strict-adjusted.</summary>
internal sealed record ValidationResult(string Code, string Severity, string File, int Line, int Column, string Message)
{
    public string HelpUri => Codes.HelpLink(Code);
}
