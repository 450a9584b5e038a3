using System;
using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using FineTunePolicy.Build.Tasks.Diagnostics;
using FineTunePolicy.Build.Tasks.Inputs;
using FineTunePolicy.Build.Tasks.Model;
using FineTunePolicy.Build.Tasks.Output;
using FineTunePolicy.Build.Tasks.Schema;
using FineTunePolicy.Build.Tasks.Validation;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace FineTunePolicy.Build.Tasks
{
    /// <summary>
    /// Validates a project's FineTunePolicy manifest against the organisation's allow-list, hands the resolved policy
    /// to the analyzer through a generated global config, and writes an audit record. Fails closed: when validation
    /// fails, the generated files are deleted so that an incremental build cannot skip the check next time.
    /// </summary>
    public sealed class ValidateFineTunePolicy : FailClosedTask
    {
        /// <summary>The manifest file; default: finetune-policy.json beside the project. Relative paths are relative to the project directory.</summary>
        public string? ManifestPath { get; set; }

        /// <summary>Overrides the manifest's allowList. Relative paths are relative to the project directory.</summary>
        public string? AllowListPath { get; set; }

        /// <summary>
        /// Referenced packages: the item spec (or NuGetPackageId metadata) is the package id; Version or
        /// NuGetPackageVersion metadata the version.
        /// </summary>
        public ITaskItem[] PackageReferences { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>Turns every FTP1xxx warning into an error, and a missing manifest into an error.</summary>
        public bool Strict { get; set; }

        /// <summary>The date that expiry and review dates are judged against, yyyy-MM-dd; default: today (UTC).</summary>
        public string? Today { get; set; }

        /// <summary>Where to write the analyzer's global config.</summary>
        [Required]
        public string GlobalConfigPath { get; set; } = string.Empty;

        /// <summary>Where to write the audit record.</summary>
        [Required]
        public string AuditPath { get; set; } = string.Empty;

        /// <summary>
        /// Optional stamp file, rewritten on every successful run so that it is newer than every input; use it as the
        /// target's Outputs while the global config and the audit record keep their time stamps when unchanged.
        /// </summary>
        public string? StampPath { get; set; }

        /// <summary>The version recorded in the audit record; default: this assembly's informational version.</summary>
        public string? ToolVersion { get; set; }

        /// <summary>The files present after a successful run (global config, audit record, stamp), for FileWrites.</summary>
        [Output]
        public ITaskItem[] GeneratedFiles { get; private set; } = Array.Empty<ITaskItem>();

        /// <inheritdoc />
        protected override string Activity => "processing";

        /// <inheritdoc />
        protected override string Consequence => "The build is stopped so that no unchecked policy reaches the analyzer.";

        /// <inheritdoc />
        protected override string Step => "validation";

        /// <summary>No stale global config, audit record or stamp may survive a failed validation.</summary>
        protected override IEnumerable<string?> OutputFiles => new[] { GlobalConfigPath, AuditPath, StampPath };

        /// <inheritdoc />
        protected override void ClearOutputs() => GeneratedFiles = Array.Empty<ITaskItem>();

        /// <inheritdoc />
        protected override bool Run()
        {
            var diagnostics = new DiagnosticBag();
            var projectDirectory = ProjectDirectory;
            if (!TryReadToday(diagnostics, out var today))
            {
                return Report(diagnostics);
            }

            var run = new RunContext(projectDirectory, today, ReadPackages(), string.IsNullOrEmpty(ToolVersion) ? DefaultToolVersion() : ToolVersion!);
            var manifestPath = PolicyLocations.Manifest(projectDirectory, ManifestPath);
            CurrentFile = manifestPath;

            // Only a manifest that is really absent falls back to the defaults: a folder, a broken link or an
            // unreadable parent in its place is an error (PolicyFileLoader reports it), never a silent default.
            if (PathProbe.Probe(manifestPath, out _) == PathKind.Missing)
            {
                return RunWithoutManifest(run, manifestPath, diagnostics);
            }

            var manifestFile = PolicyFileLoader.Load(manifestPath, PolicySchemas.Manifest, "manifest", diagnostics);
            if (manifestFile?.Root == null)
            {
                return Report(diagnostics);
            }

            // The allow-list location is read even when the manifest has structural problems elsewhere, so that both
            // files are checked in one build.
            var allowListPath = ResolveAllowList(manifestPath, manifestFile, diagnostics);
            if (allowListPath == null)
            {
                return Report(diagnostics);
            }

            CurrentFile = allowListPath;
            var allowListFile = PolicyFileLoader.Load(allowListPath, PolicySchemas.AllowList, "allow-list", diagnostics);
            if (allowListFile == null || !allowListFile.StructurallyValid || !manifestFile.StructurallyValid)
            {
                return Report(diagnostics);
            }

            return RunWithManifest(run, manifestPath, manifestFile, allowListPath, allowListFile, diagnostics);
        }

        /// <summary>What every phase of one run needs.</summary>
        private sealed class RunContext
        {
            public RunContext(string projectDirectory, DateTime today, List<PackageInput> packages, string toolVersion)
            {
                ProjectDirectory = projectDirectory;
                Today = today;
                Packages = packages;
                ToolVersion = toolVersion;
            }

            public string ProjectDirectory { get; }

            public DateTime Today { get; }

            public string JudgedOn => Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

            public List<PackageInput> Packages { get; }

            public string ToolVersion { get; }
        }

        /// <summary>The judged date: FineTunePolicyToday, or today (UTC); FTP1050 when it is not a date.</summary>
        private bool TryReadToday(DiagnosticBag diagnostics, out DateTime today)
        {
            today = DateTime.UtcNow.Date;
            if (!string.IsNullOrEmpty(Today) && !StructuralValidator.TryParseDate(Today!, out today))
            {
                diagnostics.Error(Codes.InvalidParameter, ProjectPath, 0, 0, Messages.TodayNotADate(Today!));
                return false;
            }

            return true;
        }

        /// <summary>No manifest: FTP1001 (a warning, an error in strict mode) and the analyzer's embedded defaults.</summary>
        private bool RunWithoutManifest(RunContext run, string manifestPath, DiagnosticBag diagnostics)
        {
            var message = Messages.ManifestNotFound(manifestPath);
            if (Strict)
            {
                diagnostics.Error(Codes.ManifestNotFound, manifestPath, 0, 0, message + Messages.StrictNeedsManifest);
                return Report(diagnostics);
            }

            diagnostics.Warning(Codes.ManifestNotFound, manifestPath, 0, 0, message);
            if (!Report(diagnostics))
            {
                return false;
            }

            var manifestDisplay = PathDisplay.Relative(run.ProjectDirectory, manifestPath);
            var audit = AuditRecordWriter.Default(run.ToolVersion, run.JudgedOn, Strict, new AuditFile(manifestDisplay, null), run.Packages);
            return WriteOutputs(GlobalConfigWriter.Default(manifestDisplay), audit);
        }

        /// <summary>
        /// The allow-list's full path: FineTunePolicyAllowList, else the manifest's allowList; null (with FTP1002 or
        /// FTP1003, or a structural error already reported) when there is none to read.
        /// </summary>
        private string? ResolveAllowList(string manifestPath, LoadedFile manifestFile, DiagnosticBag diagnostics)
        {
            if (!string.IsNullOrEmpty(AllowListPath))
            {
                var fromProperty = PolicyLocations.FromProperty(ProjectDirectory, AllowListPath!);
                if (PathProbe.Probe(fromProperty, out _) == PathKind.Missing)
                {
                    diagnostics.Error(Codes.AllowListNotFound, ProjectPath, 0, 0, Messages.AllowListPropertyNotFound(fromProperty));
                    return null;
                }

                return fromProperty;
            }

            var node = PolicyLocations.AllowListNode(manifestFile.Root);
            if (node == null)
            {
                diagnostics.Error(Codes.AllowListNotGiven, manifestPath, manifestFile.Root!, Messages.AllowListNotGiven);
                return null;
            }

            var written = PolicyLocations.AllowListText(node);
            if (written == null)
            {
                return null; // a wrongly typed or empty allowList has been reported by the structural check
            }

            var fromManifest = PolicyLocations.FromManifest(manifestPath, written);
            if (fromManifest == null)
            {
                diagnostics.Error(Codes.AllowListNotFound, manifestPath, node, Messages.AllowListNotAPath(written));
                return null;
            }

            if (PathProbe.Probe(fromManifest, out _) == PathKind.Missing)
            {
                diagnostics.Error(Codes.AllowListNotFound, manifestPath, node, Messages.AllowListNotFound(written, fromManifest));
                return null;
            }

            return fromManifest;
        }

        /// <summary>Both files read and well formed: the semantic checks, then the global config and the audit record.</summary>
        private bool RunWithManifest(
            RunContext run, string manifestPath, LoadedFile manifestFile, string allowListPath, LoadedFile allowListFile, DiagnosticBag diagnostics)
        {
            var allowList = PolicyReader.ReadAllowList(allowListFile.Root!, allowListPath);
            CurrentFile = manifestPath;
            var manifest = PolicyReader.ReadManifest(manifestFile.Root!, manifestPath);
            var evaluation = new PolicyEvaluator(allowList, manifest, run.Today, diagnostics).Evaluate(run.Packages);
            if (!Report(diagnostics))
            {
                return false;
            }

            var manifestDisplay = PathDisplay.Relative(run.ProjectDirectory, manifestPath);
            var allowListDisplay = PathDisplay.Relative(run.ProjectDirectory, allowListPath);
            var config = GlobalConfigWriter.Manifest(manifestDisplay, allowListDisplay, allowList, evaluation);
            var audit = AuditRecordWriter.Manifest(
                run.ToolVersion,
                run.JudgedOn,
                Strict,
                new AuditFile(manifestDisplay, Sha256(manifestFile.Bytes)),
                new AuditFile(allowListDisplay, Sha256(allowListFile.Bytes)),
                allowList,
                evaluation);
            return WriteOutputs(config, audit);
        }

        /// <summary>Logs every diagnostic; returns false when any is an error (every one is, in strict mode).</summary>
        private bool Report(DiagnosticBag diagnostics)
        {
            var failed = false;
            foreach (var d in diagnostics.Items)
            {
                LogFinding(Strict || !d.IsWarning, d.Code, d.File, d.Line, d.Column, d.Message);
                failed |= Strict || !d.IsWarning;
            }

            diagnostics.Items.Clear();
            return !failed;
        }

        private List<PackageInput> ReadPackages()
        {
            var packages = new List<PackageInput>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in PackageReferences ?? Array.Empty<ITaskItem>())
            {
                var id = item.GetMetadata("NuGetPackageId");
                if (string.IsNullOrEmpty(id))
                {
                    id = item.ItemSpec;
                }

                var version = item.GetMetadata("NuGetPackageVersion");
                if (string.IsNullOrEmpty(version))
                {
                    version = item.GetMetadata("Version");
                }

                if (!string.IsNullOrWhiteSpace(id) && seen.Add(id.Trim()))
                {
                    packages.Add(new PackageInput(id.Trim(), string.IsNullOrEmpty(version) ? null : version));
                }
            }

            return packages;
        }

        /// <summary>Writes the global config and the audit record when they change, and the stamp always.</summary>
        private bool WriteOutputs(string globalConfig, string audit)
        {
            if (!WriteIfChanged(GlobalConfigPath, globalConfig) || !WriteIfChanged(AuditPath, audit))
            {
                return false;
            }

            var written = new List<ITaskItem> { new TaskItem(GlobalConfigPath), new TaskItem(AuditPath) };
            if (!string.IsNullOrEmpty(StampPath))
            {
                if (!Touch(StampPath!, "FineTunePolicy validation passed; this file's time stamp tells MSBuild when.\n"))
                {
                    return false;
                }

                written.Add(new TaskItem(StampPath));
            }

            GeneratedFiles = written.ToArray();
            return true;
        }

        private static string Sha256(byte[] bytes)
        {
            using (var sha = SHA256.Create())
            {
                var hash = sha.ComputeHash(bytes);
                var text = new StringBuilder(hash.Length * 2);
                foreach (var b in hash)
                {
                    text.Append(b.ToString("x2", CultureInfo.InvariantCulture));
                }

                return text.ToString();
            }
        }

        private static string DefaultToolVersion()
        {
            var attribute = typeof(ValidateFineTunePolicy).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>();
            return attribute?.InformationalVersion ?? "unknown";
        }
    }
}
