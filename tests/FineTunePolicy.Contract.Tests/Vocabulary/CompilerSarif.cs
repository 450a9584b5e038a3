using System.Diagnostics;
using System.Text.Json;

namespace FineTunePolicy.Contract.Tests.Vocabulary;

/// <summary>One rule as the compiler's SARIF 2.1 log describes it.</summary>
internal sealed record SarifRule(string Id, string Level, bool Enabled, string? HelpUri);

/// <summary>
/// The rules the analyzer declares, as the compiler reports them: the SDK's own csc compiles a one-line library with the
/// analyzer and an error log (version 2.1), whose tool.driver.rules lists every loaded rule with its default level.
/// </summary>
internal static class CompilerSarif
{
    private static readonly Lazy<IReadOnlyList<SarifRule>> Rules = new(Compile);

    public static IReadOnlyList<SarifRule> FtpRules => Rules.Value;

    private static IReadOnlyList<SarifRule> Compile()
    {
        var work = Path.Combine(Path.GetTempPath(), "ftp-sarif-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            File.WriteAllText(Path.Combine(work, "C.cs"), "public class C { }\n");
            var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            var sarif = Path.Combine(work, "C.sarif");
            var arguments = new List<string>
            {
                CscPath(),
                "/nologo",
                "/noconfig",
                "/target:library",
                "/out:" + Path.Combine(work, "C.dll"),
                "/errorlog:" + sarif + ",version=2.1",
                "/analyzer:" + typeof(Analyzers.Descriptors).Assembly.Location,
                "/reference:" + typeof(object).Assembly.Location,
                "/reference:" + Path.Combine(runtime, "System.Runtime.dll"),
                Path.Combine(work, "C.cs"),
            };
            var (exitCode, output) = Run("dotnet", arguments, work);
            Assert.True(exitCode == 0, "csc failed: " + output);
            return Read(sarif);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static IReadOnlyList<SarifRule> Read(string sarif)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(sarif));
        Assert.Equal("2.1.0", document.RootElement.GetProperty("version").GetString());
        var rules = new List<SarifRule>();
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            foreach (var rule in run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray())
            {
                var id = rule.GetProperty("id").GetString()!;
                if (!id.StartsWith("FTP", StringComparison.Ordinal))
                {
                    continue;
                }

                // SARIF's defaults are left out of the log: level "warning", enabled true.
                var level = "warning";
                var enabled = true;
                if (rule.TryGetProperty("defaultConfiguration", out var configuration))
                {
                    level = configuration.TryGetProperty("level", out var l) ? l.GetString()! : level;
                    enabled = !configuration.TryGetProperty("enabled", out var e) || e.GetBoolean();
                }

                rules.Add(new SarifRule(id, level, enabled, rule.TryGetProperty("helpUri", out var help) ? help.GetString() : null));
            }
        }

        return rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The C# compiler of the SDK that global.json selects.</summary>
    private static string CscPath()
    {
        var (exitCode, version) = Run("dotnet", new[] { "--version" }, RepositoryPaths.Root);
        Assert.True(exitCode == 0, "dotnet --version failed: " + version);
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var csc = Path.Combine(dotnetRoot, "sdk", version.Trim(), "Roslyn", "bincore", "csc.dll");
        Assert.True(File.Exists(csc), "the SDK's compiler is not at " + csc);
        return csc;
    }

    private static (int ExitCode, string Output) Run(string fileName, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
