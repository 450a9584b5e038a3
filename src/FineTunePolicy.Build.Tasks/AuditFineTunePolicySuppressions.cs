using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using FineTunePolicy.Build.Tasks.Diagnostics;
using FineTunePolicy.Build.Tasks.Output;
using FineTunePolicy.Build.Tasks.Suppressions;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace FineTunePolicy.Build.Tasks
{
    /// <summary>
    /// Runs after CoreCompile and adds a <c>suppressions</c> section to the audit record that ValidateFineTunePolicy
    /// wrote: every suppression and weakening of an FTP diagnostic (in source, from the compiler's SARIF log; in
    /// .editorconfig and global config files; NoWarn, WarningsNotAsErrors; analyzers disabled or the analyzer
    /// missing), with location and justification where known. Unjustified suppressions of FTP0001 and FTP0002
    /// (FTP1060) and a compilation in which the analyzer did not run (FTP1061) warn, and fail the build in strict
    /// mode. Fails closed: on any failure the audit record and the validation stamp are deleted, so the next build
    /// validates again and no record of an unchecked build stays behind.
    /// </summary>
    public sealed class AuditFineTunePolicySuppressions : FailClosedTask
    {
        /// <summary>
        /// The audit record that ValidateFineTunePolicy wrote; read, and rewritten with the suppressions section
        /// unless <see cref="PublishPath"/> is set.
        /// </summary>
        [Required]
        public string AuditPath { get; set; } = string.Empty;

        /// <summary>
        /// Where the completed record is written; default: <see cref="AuditPath"/>. The targets let the validation write
        /// a pending record and publish it here only after the compiler succeeded, so that a failed build leaves none.
        /// </summary>
        public string? PublishPath { get; set; }

        /// <summary>ValidateFineTunePolicy's stamp file, deleted when this task fails so that the next build validates again.</summary>
        public string? StampPath { get; set; }

        /// <summary>The compiler's error log as passed to Csc: <c>path[,version=2.1]</c> ($(ErrorLog)). Relative to the project directory.</summary>
        public string? ErrorLog { get; set; }

        /// <summary>@(EditorConfigFiles): the .editorconfig and global config files passed to the compiler.</summary>
        public ITaskItem[] EditorConfigFiles { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>@(Compile): the source files, for .editorconfig discovery and section matching.</summary>
        public ITaskItem[] SourceFiles { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>@(Analyzer): the analyzer assemblies passed to the compiler.</summary>
        public ITaskItem[] Analyzers { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>The file name of the FineTunePolicy analyzer assembly looked for in <see cref="Analyzers"/>.</summary>
        public string AnalyzerFileName { get; set; } = "FineTunePolicy.Analyzers.dll";

        /// <summary>$(NoWarn).</summary>
        public string? NoWarn { get; set; }

        /// <summary>$(WarningsNotAsErrors).</summary>
        public string? WarningsNotAsErrors { get; set; }

        /// <summary>$(RunAnalyzers).</summary>
        public string? RunAnalyzers { get; set; }

        /// <summary>$(RunAnalyzersDuringBuild).</summary>
        public string? RunAnalyzersDuringBuild { get; set; }

        /// <summary>Strict mode (FineTunePolicyStrict): FTP1060 and FTP1061 are errors.</summary>
        public bool Strict { get; set; }

        /// <summary>The suppressions found, one item per entry (rule id as item spec; Kind, Effect, File, Line, Column, Justification metadata).</summary>
        [Output]
        public ITaskItem[] Suppressions { get; private set; } = Array.Empty<ITaskItem>();

        /// <inheritdoc />
        protected override string Activity => "auditing suppressions in";

        /// <inheritdoc />
        protected override string Consequence => "The build is stopped and the audit record deleted, so that the next build checks again.";

        /// <inheritdoc />
        protected override string Step => "suppression audit";

        /// <summary>No audit record of an unaudited build, and no stamp that would let the next build skip validation.</summary>
        protected override IEnumerable<string?> OutputFiles => new[] { AuditPath, PublishPath, StampPath };

        /// <inheritdoc />
        protected override void ClearOutputs() => Suppressions = Array.Empty<ITaskItem>();

        /// <inheritdoc />
        protected override bool Run()
        {
            var projectPath = Path.GetFullPath(ProjectPath);
            var projectDirectory = Path.GetDirectoryName(projectPath) ?? Directory.GetCurrentDirectory();
            var found = new List<Suppression>();
            var run = new AnalyzerRun();
            var ok = true;

            // Properties of the project.
            foreach (var rule in FtpIds(NoWarn))
            {
                found.Add(new Suppression { Rule = rule, Kind = "noWarn", FullPath = projectPath, Source = "NoWarn" });
            }

            foreach (var rule in FtpIds(WarningsNotAsErrors))
            {
                found.Add(new Suppression
                {
                    Rule = rule, Kind = "warningsNotAsErrors", Effect = "weakened", FullPath = projectPath, Source = "WarningsNotAsErrors",
                });
            }

            var disabled = false;
            foreach (var (name, value) in new[] { ("RunAnalyzers", RunAnalyzers), ("RunAnalyzersDuringBuild", RunAnalyzersDuringBuild) })
            {
                if (string.Equals(value?.Trim(), "false", StringComparison.OrdinalIgnoreCase))
                {
                    disabled = true;
                    found.Add(new Suppression { Rule = Suppression.AllRules, Kind = "analyzersDisabled", FullPath = projectPath, Source = name + "=false" });
                    run.Reasons.Add(name + " is false");
                }
            }

            var missing = !(Analyzers ?? Array.Empty<ITaskItem>()).Any(a =>
                string.Equals(Path.GetFileName(a.ItemSpec), AnalyzerFileName, StringComparison.OrdinalIgnoreCase));
            if (missing)
            {
                found.Add(new Suppression
                {
                    Rule = Suppression.AllRules, Kind = "analyzerMissing", FullPath = projectPath, Source = "Analyzer items without " + AnalyzerFileName,
                });
                run.Reasons.Add($"{AnalyzerFileName} is not among the compiler's analyzers");
            }

            // The compiler's log: in-source suppressions and the proof that the analyzer ran.
            var errorLog = ErrorLogPath(projectDirectory);
            if (errorLog == null)
            {
                run.Reasons.Add("no compiler error log (ErrorLog) was written, so in-source suppressions cannot be counted");
            }
            else
            {
                run.ErrorLog = errorLog;
                CurrentFile = errorLog;
                if (!File.Exists(errorLog))
                {
                    run.Reasons.Add("the compiler error log " + errorLog + " does not exist");
                }
                else
                {
                    var inSource = new List<Suppression>();
                    try
                    {
                        SarifReader.Read(errorLog, projectDirectory, inSource, run);
                    }
                    catch (Exception ex) when (ex is IOException
                        || ex is UnauthorizedAccessException
                        || ex is System.Text.Json.JsonException
                        || ex is FormatException
                        || ex is InvalidOperationException)
                    {
                        LogError(Codes.SuppressionInputUnreadable, errorLog, 0, 0, Messages.ErrorLogUnreadable(ex));
                        ok = false;
                    }

                    foreach (var s in inSource)
                    {
                        if ((s.Kind == "pragma" || s.Kind == "other")
                            && PragmaLocator.TryLocate(s.FindingPath, s.FindingLine, s.Rule, out var line, out var column, out var comment))
                        {
                            s.Kind = "pragma";
                            s.FullPath = s.FindingPath;
                            s.Line = line;
                            s.Column = column;
                            s.Justification = comment;
                        }
                        else
                        {
                            // [SuppressMessage]: the log holds the finding's position, not the attribute's.
                            s.FullPath = s.FindingPath;
                            s.Line = s.FindingLine;
                            s.Column = s.FindingColumn;
                        }

                        found.Add(s);
                    }
                }
            }

            if (disabled || missing)
            {
                run.Ran = false;
            }

            // Configuration files: those passed to the compiler, and the .editorconfig files above the sources.
            CurrentFile = projectPath;
            var sources = (SourceFiles ?? Array.Empty<ITaskItem>())
                .Select(s => FullPath(s, projectDirectory))
                .Where(p => p != null)
                .Select(p => p!)
                .Distinct(StringComparer.Ordinal)
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToList();
            var problems = new List<KeyValuePair<string, string>>();
            var configs = new List<string>();
            foreach (var item in EditorConfigFiles ?? Array.Empty<ITaskItem>())
            {
                var path = FullPath(item, projectDirectory);
                if (path != null && File.Exists(path))
                {
                    configs.Add(path);
                }
            }

            configs.AddRange(EditorConfigScanner.Discover(sources, problems));
            configs = configs.Distinct(StringComparer.Ordinal).ToList();
            foreach (var config in configs)
            {
                CurrentFile = config;
                try
                {
                    EditorConfigScanner.Scan(config, sources, found);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is System.Security.SecurityException)
                {
                    problems.Add(new KeyValuePair<string, string>(config, ex.Message));
                }
            }

            foreach (var problem in problems.Distinct())
            {
                LogError(Codes.SuppressionInputUnreadable, problem.Key, 0, 0, Messages.ConfigFileUnreadable(problem.Value));
                ok = false;
            }

            // Verdicts: unjustified suppressions of FTP0001/FTP0002, and an analyzer that did not run.
            foreach (var s in found.Where(s => s.NeedsJustification)
                .OrderBy(s => s.FullPath ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(s => s.Line)
                .ThenBy(s => s.Column)
                .ThenBy(s => s.Rule, StringComparer.Ordinal)
                .ThenBy(s => s.Kind, StringComparer.Ordinal))
            {
                LogFinding(Strict, Codes.UnjustifiedSuppression, s.FullPath ?? projectPath, s.Line, s.Column, Messages.UnjustifiedSuppression(s));
            }

            if (run.Ran != true)
            {
                LogFinding(Strict, Codes.AnalyzerDidNotRun, projectPath, 0, 0, Messages.AnalyzerDidNotRun(run.Reasons));
            }

            if (!ok || Log.HasLoggedErrors)
            {
                return false;
            }

            // The audit record, completed with the section and published.
            CurrentFile = AuditPath;
            byte[] audit;
            try
            {
                audit = File.ReadAllBytes(AuditPath);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is System.Security.SecurityException)
            {
                LogError(Codes.SuppressionInputUnreadable, AuditPath, 0, 0, Messages.AuditRecordUnreadable(ex));
                return false;
            }

            var section = AuditSuppressionsWriter.Section(run, found, projectDirectory, configs);
            var merged = AuditSuppressionsWriter.Merge(audit, section, out var error);
            if (merged == null)
            {
                LogError(Codes.SuppressionInputUnreadable, AuditPath, 0, 0, Messages.AuditRecordNotOurs(error));
                return false;
            }

            var publishPath = string.IsNullOrEmpty(PublishPath) ? AuditPath : PublishPath!;
            if (!WriteIfChanged(publishPath, new UTF8Encoding(false).GetBytes(merged), publishPath == AuditPath ? audit : null))
            {
                return false;
            }

            Suppressions = found.Select(s =>
            {
                var item = new TaskItem(s.Rule);
                item.SetMetadata("Kind", s.Kind);
                item.SetMetadata("Effect", s.Effect);
                item.SetMetadata("File", s.FullPath ?? string.Empty);
                item.SetMetadata("Line", s.Line.ToString(System.Globalization.CultureInfo.InvariantCulture));
                item.SetMetadata("Column", s.Column.ToString(System.Globalization.CultureInfo.InvariantCulture));
                item.SetMetadata("Justification", s.Justification ?? string.Empty);
                return (ITaskItem)item;
            }).ToArray();
            return true;
        }

        private string? ErrorLogPath(string projectDirectory)
        {
            if (string.IsNullOrWhiteSpace(ErrorLog))
            {
                return null;
            }

            // Csc's ErrorLog is "path[,version=x]"; MSBuild may pass the comma escaped.
            var value = ErrorLog!.Replace("%2C", ",").Replace("%2c", ",");
            var comma = value.IndexOf(",version=", StringComparison.OrdinalIgnoreCase);
            var path = (comma >= 0 ? value.Substring(0, comma) : value).Trim().Trim('"');
            try
            {
                return Path.GetFullPath(Path.Combine(projectDirectory, path));
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                return null;
            }
        }

        private static string? FullPath(ITaskItem item, string projectDirectory)
        {
            try
            {
                return Path.GetFullPath(Path.Combine(projectDirectory, item.ItemSpec));
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                return null;
            }
        }

        /// <summary>The FTP ids in a NoWarn-style list (separated by semicolons, commas or white space), upper case, distinct, sorted.</summary>
        internal static IEnumerable<string> FtpIds(string? list) =>
            (list ?? string.Empty)
                .Split(new[] { ';', ',', ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(id => id.Trim().ToUpperInvariant())
                .Where(id => id.Length == 7 && id.StartsWith("FTP", StringComparison.Ordinal) && id.Substring(3).All(char.IsDigit)
                    && id != Suppression.InventoryRule)
                .Distinct(StringComparer.Ordinal)
                .OrderBy(id => id, StringComparer.Ordinal);
    }
}
