using System.Globalization;

namespace FineTunePolicy.Tool.Report;

/// <summary>finetune-policy report: reads the inputs, builds the model once, writes the three renderings.</summary>
internal static class ReportCommand
{
    public static readonly string[] OutputFiles = { "report.html", "report.md", "report.json" };

    public static int Run(IReadOnlyList<string> paths, string output, string? baseline, string? today, TextWriter stdout)
    {
        var day = ParseToday(today);
        var baselineModel = baseline == null ? ((string, ReportModel)?)null : (baseline.Replace('\\', '/'), ReportJson.ReadBaseline(baseline));
        var inputs = InputFinder.Find(paths.Count == 0 ? new[] { "." } : paths);
        var model = ReportBuilder.Build(inputs, day, baselineModel);

        try
        {
            Directory.CreateDirectory(output);
            File.WriteAllBytes(Path.Combine(output, "report.html"), ReportJson.Bytes(HtmlReport.Write(model)));
            File.WriteAllBytes(Path.Combine(output, "report.md"), ReportJson.Bytes(MarkdownReport.Write(model)));
            File.WriteAllBytes(Path.Combine(output, "report.json"), ReportJson.Bytes(ReportJson.Write(model)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ToolError($"The report cannot be written to {output}: {ex.Message} Choose a folder you may write to with --output.");
        }

        var s = model.Summary;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"FineTunePolicy report: {s.Projects} projects, {s.Findings} findings ({s.Suppressed} suppressed), {s.Providers.Count} providers, {s.Overdue} "
                + $"overdue and {s.DueSoon} due soon; written to {Path.Combine(output, "report.html")}, report.md, report.json"));
        return ExitCodes.Ok;
    }

    /// <summary>--today as yyyy-MM-dd; default: today in UTC.</summary>
    public static DateOnly ParseToday(string? today)
    {
        if (today == null)
        {
            return DateOnly.FromDateTime(DateTime.UtcNow);
        }

        return DateOnly.TryParseExact(today, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new ToolError($"--today is '{today}', which is not a date. Write it yyyy-MM-dd, for example 2026-06-30.");
    }
}
