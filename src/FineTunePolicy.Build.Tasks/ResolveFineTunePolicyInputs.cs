using System;
using System.Collections.Generic;
using FineTunePolicy.Build.Tasks.Diagnostics;
using FineTunePolicy.Build.Tasks.Inputs;
using FineTunePolicy.Build.Tasks.Schema;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace FineTunePolicy.Build.Tasks
{
    /// <summary>
    /// Lists the policy files that ValidateFineTunePolicy will read, for the Inputs of its target: the manifest and the
    /// allow-list the manifest names (or FineTunePolicyAllowList). The allow-list's path lives inside the manifest,
    /// where MSBuild cannot see it, and reading it with property functions fails on odd paths (a looping link is an
    /// evaluation error, a device is read without limit); here the manifest goes through the same fail-closed loader
    /// as in the validation, with its size limit. Problems with the files are not reported here: the validation reads
    /// the same files the same way and reports each with its code and position. Files are listed whether or not they
    /// exist, because MSBuild runs a target whose input is missing, so a missing file is reported on every build.
    /// </summary>
    public sealed class ResolveFineTunePolicyInputs : FailClosedTask
    {
        /// <summary>FineTunePolicyManifest; default: finetune-policy.json beside the project.</summary>
        public string? ManifestPath { get; set; }

        /// <summary>FineTunePolicyAllowList, which overrides the manifest's allowList.</summary>
        public string? AllowListPath { get; set; }

        /// <summary>The manifest's full path.</summary>
        [Output]
        public string ManifestFullPath { get; private set; } = string.Empty;

        /// <summary>False only when nothing at all is at the manifest's path (a broken link or a folder counts as found).</summary>
        [Output]
        public bool ManifestFound { get; private set; }

        /// <summary>The allow-list's full path; empty when the manifest names none that can be read.</summary>
        [Output]
        public string AllowListFullPath { get; private set; } = string.Empty;

        /// <summary>The files whose change must re-run the validation: the manifest and the allow-list.</summary>
        [Output]
        public ITaskItem[] Inputs { get; private set; } = Array.Empty<ITaskItem>();

        /// <inheritdoc />
        protected override string Activity => "resolving the policy files of";

        /// <inheritdoc />
        protected override string Consequence => "The build is stopped so that the policy is not skipped.";

        /// <inheritdoc />
        protected override string Step => "input resolution";

        /// <inheritdoc />
        protected override void ClearOutputs()
        {
            ManifestFullPath = string.Empty;
            ManifestFound = false;
            AllowListFullPath = string.Empty;
            Inputs = Array.Empty<ITaskItem>();
        }

        /// <inheritdoc />
        protected override bool Run()
        {
            var projectDirectory = ProjectDirectory;
            var manifest = PolicyLocations.Manifest(projectDirectory, ManifestPath);
            CurrentFile = manifest;
            ManifestFound = PathProbe.Probe(manifest, out _) != PathKind.Missing;

            string? allowList = null;
            if (!string.IsNullOrEmpty(AllowListPath))
            {
                allowList = PolicyLocations.FromProperty(projectDirectory, AllowListPath!);
            }
            else if (ManifestFound)
            {
                // Diagnostics are dropped: the validation reports them, with positions, from the same loader.
                var loaded = PolicyFileLoader.Load(manifest, PolicySchemas.Manifest, "manifest", new DiagnosticBag());
                var named = PolicyLocations.AllowListText(PolicyLocations.AllowListNode(loaded?.Root));
                allowList = named == null ? null : PolicyLocations.FromManifest(manifest, named);
            }

            var inputs = new List<ITaskItem> { new TaskItem(manifest) };
            if (allowList != null)
            {
                inputs.Add(new TaskItem(allowList));
            }

            ManifestFullPath = manifest;
            AllowListFullPath = allowList ?? string.Empty;
            Inputs = inputs.ToArray();
            return true;
        }
    }
}
