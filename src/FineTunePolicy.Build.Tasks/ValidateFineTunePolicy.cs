using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using FineTunePolicy.Build.Tasks.Diagnostics;
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

        /// <summary>Referenced packages: the item spec (or NuGetPackageId metadata) is the package id; Version or NuGetPackageVersion metadata the version.</summary>
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
        protected override void FailClosed()
        {
            GeneratedFiles = Array.Empty<ITaskItem>();
            DeleteOutputs();
        }

        /// <inheritdoc />
        protected override bool Run()
        {
            var diagnostics = new DiagnosticBag();
            string projectDirectory = Path.GetDirectoryName(Path.GetFullPath(ProjectPath)) ?? Directory.GetCurrentDirectory();
            string toolVersion = string.IsNullOrEmpty(ToolVersion) ? DefaultToolVersion() : ToolVersion!;

            DateTime today = DateTime.UtcNow.Date;
            if (!string.IsNullOrEmpty(Today) && !StructuralValidator.TryParseDate(Today!, out today))
            {
                diagnostics.Error(Codes.InvalidParameter, ProjectPath, 0, 0, $"FineTunePolicyToday is '{Today}', which is not a date. Set it to a date written yyyy-MM-dd, for example 2026-06-30, or leave it empty to judge against today's date.");
                return Report(diagnostics);
            }

            string judgedOn = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var packages = ReadPackages();
            string manifestPath = string.IsNullOrEmpty(ManifestPath)
                ? Path.Combine(projectDirectory, "finetune-policy.json")
                : Path.GetFullPath(Path.Combine(projectDirectory, ManifestPath));
            string manifestDisplay = PathDisplay.Relative(projectDirectory, manifestPath);

            CurrentFile = manifestPath;

            // Only a manifest that is really absent falls back to the defaults: a folder, a broken link or an
            // unreadable parent in its place is an error (PolicyFileLoader reports it), never a silent default.
            if (PathProbe.Probe(manifestPath, out _) == PathKind.Missing)
            {
                string message = $"No FineTunePolicy manifest was found at {manifestPath}, so the analyzer's embedded default ceilings apply (inference and embedding up to Internal, fine-tuning Public only, Restricted never). Create finetune-policy.json beside the project (see docs/policy-files.md), or set FineTunePolicyManifest to its path.";
                if (Strict)
                {
                    diagnostics.Error(Codes.ManifestNotFound, manifestPath, 0, 0, message + " Strict mode (FineTunePolicyStrict) requires a manifest.");
                    return Report(diagnostics);
                }

                diagnostics.Warning(Codes.ManifestNotFound, manifestPath, 0, 0, message);
                if (!Report(diagnostics))
                {
                    return false;
                }

                var defaultAudit = AuditRecordWriter.Default(toolVersion, judgedOn, Strict, new AuditFile(manifestDisplay, null), packages);
                return WriteOutputs(GlobalConfigWriter.Default(manifestDisplay), defaultAudit);
            }

            var manifestFile = PolicyFileLoader.Load(manifestPath, PolicySchemas.Manifest, "manifest", diagnostics);
            if (manifestFile?.Root == null)
            {
                return Report(diagnostics);
            }

            // The allow-list location is read even when the manifest has structural problems elsewhere, so that both
            // files are checked in one build.
            string? allowListPath;
            Json.JsonNode? allowListNode = manifestFile.Root.Kind == Json.JsonKind.Object ? manifestFile.Root.Get("allowList") : null;
            if (!string.IsNullOrEmpty(AllowListPath))
            {
                allowListPath = Path.GetFullPath(Path.Combine(projectDirectory, AllowListPath));
                if (PathProbe.Probe(allowListPath, out _) == PathKind.Missing)
                {
                    diagnostics.Error(Codes.AllowListNotFound, ProjectPath, 0, 0, $"The allow-list set by FineTunePolicyAllowList was not found at {allowListPath}. Correct the property (a relative path is relative to the project directory), or remove it to use the manifest's 'allowList'.");
                    return Report(diagnostics);
                }
            }
            else if (allowListNode != null && allowListNode.Kind == Json.JsonKind.String && !string.IsNullOrEmpty(allowListNode.Text))
            {
                allowListPath = TryFullPath(Path.GetDirectoryName(manifestPath)!, allowListNode.Text!);
                if (allowListPath == null)
                {
                    diagnostics.Error(Codes.AllowListNotFound, manifestPath, allowListNode, $"The allow-list '{allowListNode.Text}' named by 'allowList' is not a valid path. Correct the path (it is relative to the manifest), or set the FineTunePolicyAllowList property to the allow-list's location.");
                    return Report(diagnostics);
                }

                if (PathProbe.Probe(allowListPath, out _) == PathKind.Missing)
                {
                    diagnostics.Error(Codes.AllowListNotFound, manifestPath, allowListNode, $"The allow-list '{allowListNode.Text}' named by 'allowList' was not found at {allowListPath}. Correct the path (it is relative to the manifest), or set the FineTunePolicyAllowList property to the allow-list's location.");
                    return Report(diagnostics);
                }
            }
            else if (allowListNode == null)
            {
                diagnostics.Error(Codes.AllowListNotGiven, manifestPath, manifestFile.Root, "The manifest names no allow-list. Add \"allowList\": \"<path relative to the manifest>\" to it, or set the FineTunePolicyAllowList property (for example on the build server).");
                return Report(diagnostics);
            }
            else
            {
                // A wrongly typed or empty allowList has been reported by the structural check.
                return Report(diagnostics);
            }

            CurrentFile = allowListPath;
            var allowListFile = PolicyFileLoader.Load(allowListPath, PolicySchemas.AllowList, "allow-list", diagnostics);
            if (allowListFile == null || !allowListFile.StructurallyValid || !manifestFile.StructurallyValid)
            {
                return Report(diagnostics);
            }

            var allowList = PolicyReader.ReadAllowList(allowListFile.Root!, allowListPath);
            CurrentFile = manifestPath;
            var manifest = PolicyReader.ReadManifest(manifestFile.Root, manifestPath);
            var evaluation = new PolicyEvaluator(allowList, manifest, today, diagnostics).Evaluate(packages);
            if (!Report(diagnostics))
            {
                return false;
            }

            string allowListDisplay = PathDisplay.Relative(projectDirectory, allowListPath);
            string config = GlobalConfigWriter.Manifest(manifestDisplay, allowListDisplay, allowList, evaluation);
            string audit = AuditRecordWriter.Manifest(
                toolVersion,
                judgedOn,
                Strict,
                new AuditFile(manifestDisplay, Sha256(manifestFile.Bytes)),
                new AuditFile(allowListDisplay, Sha256(allowListFile.Bytes)),
                allowList,
                evaluation);
            return WriteOutputs(config, audit);
        }

        /// <summary>The full path of a path written in a policy file, or null when it holds characters no path may hold.</summary>
        private static string? TryFullPath(string directory, string path)
        {
            try
            {
                return path.IndexOf('\0') >= 0 ? null : Path.GetFullPath(Path.Combine(directory, path));
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                return null;
            }
        }

        /// <summary>Logs every diagnostic; returns false when any is an error (every one is, in strict mode).</summary>
        private bool Report(DiagnosticBag diagnostics)
        {
            bool failed = false;
            foreach (var d in diagnostics.Items)
            {
                if (d.IsWarning && !Strict)
                {
                    Log.LogWarning(null, d.Code, null, Codes.HelpLink(d.Code), d.File, d.Line, d.Column, 0, 0, d.Message);
                }
                else
                {
                    Log.LogError(null, d.Code, null, Codes.HelpLink(d.Code), d.File, d.Line, d.Column, 0, 0, d.Message);
                    failed = true;
                }
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
                string id = item.GetMetadata("NuGetPackageId");
                if (string.IsNullOrEmpty(id))
                {
                    id = item.ItemSpec;
                }

                string version = item.GetMetadata("NuGetPackageVersion");
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

        private bool WriteOutputs(string globalConfig, string audit)
        {
            var written = new List<ITaskItem>();
            if (!WriteIfChanged(GlobalConfigPath, globalConfig, written) || !WriteIfChanged(AuditPath, audit, written))
            {
                return false;
            }

            if (!string.IsNullOrEmpty(StampPath))
            {
                CurrentFile = StampPath!;
                try
                {
                    EnsureDirectory(StampPath!);
                    File.WriteAllText(StampPath!, "FineTunePolicy validation passed; this file's time stamp tells MSBuild when.\n", new UTF8Encoding(false));
                    File.SetLastWriteTimeUtc(StampPath!, DateTime.UtcNow);
                    written.Add(new TaskItem(StampPath));
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    Log.LogError(null, Codes.OutputNotWritable, null, Codes.HelpLink(Codes.OutputNotWritable), StampPath, 0, 0, 0, 0, $"FineTunePolicy cannot write {StampPath}: {Sentence(ex.Message)} Check that the output folder is writable and that no other process holds the file.");
                    return false;
                }
            }

            GeneratedFiles = written.ToArray();
            return true;
        }

        /// <summary>Writes the file only when its content changes, so that its time stamp stays put and the compiler stays incremental.</summary>
        private bool WriteIfChanged(string path, string content, List<ITaskItem> written)
        {
            CurrentFile = path;
            byte[] bytes = new UTF8Encoding(false).GetBytes(content);
            try
            {
                if (!File.Exists(path) || !File.ReadAllBytes(path).SequenceEqual(bytes))
                {
                    EnsureDirectory(path);
                    File.WriteAllBytes(path, bytes);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                Log.LogError(null, Codes.OutputNotWritable, null, Codes.HelpLink(Codes.OutputNotWritable), path, 0, 0, 0, 0, $"FineTunePolicy cannot write {path}: {Sentence(ex.Message)} Check that the output folder is writable and that no other process holds the file.");
                return false;
            }

            written.Add(new TaskItem(path));
            return true;
        }

        private static void EnsureDirectory(string path)
        {
            string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        /// <summary>Fail closed: no stale global config, audit record or stamp may survive a failed validation.</summary>
        private void DeleteOutputs()
        {
            foreach (string? path in new[] { GlobalConfigPath, AuditPath, StampPath })
            {
                if (string.IsNullOrEmpty(path))
                {
                    continue;
                }

                try
                {
                    if (File.Exists(path))
                    {
                        File.Delete(path);
                    }
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    Log.LogError(null, Codes.OutputNotWritable, null, Codes.HelpLink(Codes.OutputNotWritable), path, 0, 0, 0, 0, $"FineTunePolicy cannot delete {path} after a failed validation: {Sentence(ex.Message)} Delete it by hand (or run a clean build) so that the next build checks the policy again.");
                }
            }
        }

        private static string Sha256(byte[] bytes)
        {
            using (var sha = SHA256.Create())
            {
                var hash = sha.ComputeHash(bytes);
                var text = new StringBuilder(hash.Length * 2);
                foreach (byte b in hash)
                {
                    text.Append(b.ToString("x2", CultureInfo.InvariantCulture));
                }

                return text.ToString();
            }
        }

        /// <summary>Ends an exception message with a full stop, so that the advice after it reads as its own sentence.</summary>
        internal static string Sentence(string message)
        {
            string trimmed = message.TrimEnd();
            return trimmed.EndsWith(".", StringComparison.Ordinal) ? trimmed : trimmed + ".";
        }

        private static string DefaultToolVersion()
        {
            var attribute = typeof(ValidateFineTunePolicy).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>();
            return attribute?.InformationalVersion ?? "unknown";
        }
    }
}
