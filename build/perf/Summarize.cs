// Reads the build logs of run-build-benchmark.sh and writes the results table (medians over the repetitions).
//
//   dotnet run build/perf/Summarize.cs -- <logs dir> <run-info.txt> <results.tsv> <results.md>
//
// Each log is a detailed file log of one `dotnet build -p:ReportAnalyzer=true`, named n<N>-<mode>-<rep>.log.
// From it: the Csc task time (task performance summary) and, from the compiler's "Total analyzer execution time"
// section, the time of each analyzer assembly and of each analyzer type (for the CA3001-CA3012 taint rules).
#:property TargetFramework=net10.0
#:property ImplicitUsings=disable
#:property Nullable=enable

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

var logs = args[0];
var info = File.Exists(args[1]) ? File.ReadAllText(args[1]).Trim() : "";
var tsvPath = args[2];
var mdPath = args[3];

var rows = new List<Row>();
foreach (var path in Directory.GetFiles(logs, "n*-*-*.log").OrderBy(p => p, StringComparer.Ordinal))
{
    var name = Regex.Match(Path.GetFileNameWithoutExtension(path), @"^n(\d+)-(\w+)-(\d+)$");
    if (!name.Success)
    {
        continue;
    }

    rows.Add(Row.Parse(path, int.Parse(name.Groups[1].Value, CultureInfo.InvariantCulture), name.Groups[2].Value, int.Parse(name.Groups[3].Value, CultureInfo.InvariantCulture)));
}

var tsv = new StringBuilder("n\tmode\trep\tcsc_s\tours_s\tbanned_s\tnetanalyzers_s\ttaint_ca3001_3012_s\tscs_s\tall_analyzers_s\n");
foreach (var r in rows)
{
    tsv.AppendLine(string.Join("\t", r.N, r.Mode, r.Rep, F(r.Csc), F(r.Ours), F(r.Banned), F(r.NetAnalyzers), F(r.Taint), F(r.Scs), F(r.AllAnalyzers)));
}

File.WriteAllText(tsvPath, tsv.ToString());

var md = new StringBuilder();
md.AppendLine("<!-- written by build/perf/Summarize.cs -->");
foreach (var line in info.Split('\n'))
{
    md.AppendLine(line.TrimStart('#', ' ') + "  ");
}

md.AppendLine();
md.AppendLine("Medians over the repetitions; every ratio is taken within one build (same code, same moment) and then the median of the per-build ratios is reported.");
md.AppendLine();
md.AppendLine("| N | reps | Csc, no analyzer (s) | Csc, ours only (s) | ours (s) | ours / Csc | ours per file (ms) | Csc Δ ours vs none | ");
md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
var sizes = rows.Select(r => r.N).Distinct().OrderBy(n => n).ToList();
double? perFileAt500 = null;
foreach (var n in sizes)
{
    var none = rows.Where(r => r.N == n && r.Mode == "none").ToList();
    var ours = rows.Where(r => r.N == n && r.Mode == "ours").ToList();
    if (ours.Count == 0)
    {
        continue;
    }

    var perFile = Median(ours.Select(r => r.Ours * 1000 / n));
    if (n == sizes.Min())
    {
        perFileAt500 = perFile;
    }

    var delta = none.Count > 0 ? $"{(Median(ours.Select(r => r.Csc)) - Median(none.Select(r => r.Csc))) / Median(ours.Select(r => r.Csc)):P1}" : "n/a";
    md.AppendLine($"| {n:N0} | {ours.Count} | {(none.Count > 0 ? F(Median(none.Select(r => r.Csc))) : "n/a")} | {F(Median(ours.Select(r => r.Csc)))} | {F(Median(ours.Select(r => r.Ours)))} | {Median(ours.Select(r => r.Ours / r.Csc)):P2} | {perFile:0.000} | {delta} |");
}

md.AppendLine();
md.AppendLine($"Scaling (ours-only builds, analyzer time per file relative to N = {sizes.Min():N0}): " + string.Join(", ", sizes
    .Where(n => rows.Any(r => r.N == n && r.Mode == "ours"))
    .Select(n => $"N = {n:N0}: {Median(rows.Where(r => r.N == n && r.Mode == "ours").Select(r => r.Ours * 1000 / n)) / perFileAt500:0.00}×")));
md.AppendLine();
md.AppendLine("Peers in the same compilation (`all` mode: ours + BannedApiAnalyzers + NetAnalyzers with only CA3001–CA3012 on + SecurityCodeScan):");
md.AppendLine();
md.AppendLine("| N | reps | Csc (s) | ours (s) | BannedApi (s) | CA3001–CA3012 (s) | NetAnalyzers total (s) | SCS (s) | ours / Csc | ours / BannedApi | ours / taint rules | ours / SCS |");
md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var n in sizes)
{
    var all = rows.Where(r => r.N == n && r.Mode == "all").ToList();
    if (all.Count == 0)
    {
        continue;
    }

    md.AppendLine($"| {n:N0} | {all.Count} | {F(Median(all.Select(r => r.Csc)))} | {F(Median(all.Select(r => r.Ours)))} | {F(Median(all.Select(r => r.Banned)))} | {F(Median(all.Select(r => r.Taint)))} | {F(Median(all.Select(r => r.NetAnalyzers)))} | {F(Median(all.Select(r => r.Scs)))} | {Median(all.Select(r => r.Ours / r.Csc)):P2} | {Median(all.Select(r => r.Ours / r.Banned)):0.00}× | {Median(all.Select(r => r.Ours / r.Taint)):0.00}× | {Median(all.Select(r => r.Ours / r.Scs)):0.000}× |");
}

var inventorySizes = sizes.Where(n => rows.Any(r => r.N == n && r.Mode == "inventory") && rows.Any(r => r.N == n && r.Mode == "ours")).ToList();
if (inventorySizes.Count > 0)
{
    md.AppendLine();
    md.AppendLine("The inventory of LLM use (`inventory` mode: ours with FTP0100 on) against ours with it off (`ours` mode), builds interleaved:");
    md.AppendLine();
    md.AppendLine("| N | reps | Csc, off (s) | Csc, on (s) | Csc on / off | ours, off (s) | ours, on (s) | ours on / off |");
    md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var n in inventorySizes)
    {
        var off = rows.Where(r => r.N == n && r.Mode == "ours").ToList();
        var on = rows.Where(r => r.N == n && r.Mode == "inventory").ToList();
        md.AppendLine($"| {n:N0} | {on.Count} | {F(Median(off.Select(r => r.Csc)))} | {F(Median(on.Select(r => r.Csc)))} | {Median(on.Select(r => r.Csc)) / Median(off.Select(r => r.Csc)):0.000}× | {F(Median(off.Select(r => r.Ours)))} | {F(Median(on.Select(r => r.Ours)))} | {Median(on.Select(r => r.Ours)) / Median(off.Select(r => r.Ours)):0.000}× |");
    }
}

File.WriteAllText(mdPath, md.ToString());
return 0;

static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

static double Median(IEnumerable<double> values)
{
    var sorted = values.OrderBy(v => v).ToArray();
    if (sorted.Length == 0)
    {
        return double.NaN;
    }

    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

internal sealed record Row(int N, string Mode, int Rep, double Csc, double Ours, double Banned, double NetAnalyzers, double Taint, double Scs, double AllAnalyzers)
{
    private static readonly Regex CscLine = new(@"^\s*(\d+) ms\s+Csc\s+\d+ calls", RegexOptions.Compiled);
    private static readonly Regex AssemblyLine = new(@"^\s*(<?[\d.]+)\s+<?\d+\s+(\S+), Version=", RegexOptions.Compiled);
    private static readonly Regex TypeLine = new(@"^\s*(<?[\d.]+)\s+<?\d+\s+\S+ \(([^)]*)\)\s*$", RegexOptions.Compiled);
    private static readonly Regex TotalLine = new(@"Total analyzer execution time: ([\d.]+) seconds", RegexOptions.Compiled);

    public static Row Parse(string path, int n, string mode, int rep)
    {
        double csc = 0, ours = 0, banned = 0, net = 0, taint = 0, scs = 0, total = 0;
        var inAnalyzers = false;
        foreach (var line in File.ReadLines(path))
        {
            if (CscLine.Match(line) is { Success: true } c)
            {
                csc = double.Parse(c.Groups[1].Value, CultureInfo.InvariantCulture) / 1000;
                continue;
            }

            if (TotalLine.Match(line) is { Success: true } t)
            {
                total = Seconds(t.Groups[1].Value);
                inAnalyzers = true;
                continue;
            }

            if (line.Contains("Total generator execution time", StringComparison.Ordinal))
            {
                inAnalyzers = false;
                continue;
            }

            if (!inAnalyzers)
            {
                continue;
            }

            if (AssemblyLine.Match(line) is { Success: true } a)
            {
                var seconds = Seconds(a.Groups[1].Value);
                var assembly = a.Groups[2].Value;
                if (assembly == "FineTunePolicy.Analyzers") ours += seconds;
                else if (assembly.Contains("BannedApiAnalyzers", StringComparison.Ordinal)) banned += seconds;
                else if (assembly.Contains("NetAnalyzers", StringComparison.Ordinal)) net += seconds;
                else if (assembly.StartsWith("SecurityCodeScan", StringComparison.Ordinal)) scs += seconds;
            }
            else if (TypeLine.Match(line) is { Success: true } ty && ty.Groups[2].Value.Split(',').Select(s => s.Trim()).Any(IsTaintRule))
            {
                taint += Seconds(ty.Groups[1].Value);
            }
        }

        return new Row(n, mode, rep, csc, ours, banned, net, taint, scs, total);
    }

    private static bool IsTaintRule(string id) =>
        id.Length == 6 && id.StartsWith("CA30", StringComparison.Ordinal) && int.TryParse(id.AsSpan(2), out var number) && number is >= 3001 and <= 3012;

    private static double Seconds(string text) => text.StartsWith('<') ? 0 : double.Parse(text, CultureInfo.InvariantCulture);
}
