using System;
using System.IO;
using FineTunePolicy.Build.Tasks.Json;

namespace FineTunePolicy.Build.Tasks.Inputs
{
    /// <summary>
    /// Where the policy files are: the one resolution that the input resolver (for MSBuild's Inputs) and the
    /// validation share, so that the files MSBuild watches are the files the validation reads.
    /// </summary>
    internal static class PolicyLocations
    {
        /// <summary>The manifest's name beside the project when FineTunePolicyManifest is not set.</summary>
        public const string DefaultManifestName = "finetune-policy.json";

        /// <summary>The manifest's full path: FineTunePolicyManifest (relative to the project directory), or the default.</summary>
        public static string Manifest(string projectDirectory, string? property) =>
            string.IsNullOrEmpty(property)
                ? Path.Combine(projectDirectory, DefaultManifestName)
                : Path.GetFullPath(Path.Combine(projectDirectory, property));

        /// <summary>The full path of a path property (FineTunePolicyAllowList), relative to the project directory.</summary>
        public static string FromProperty(string projectDirectory, string property) =>
            Path.GetFullPath(Path.Combine(projectDirectory, property));

        /// <summary>The manifest's <c>allowList</c> value; null when the manifest is not a JSON object or has none.</summary>
        public static JsonNode? AllowListNode(JsonNode? manifestRoot) =>
            manifestRoot != null && manifestRoot.Kind == JsonKind.Object ? manifestRoot.Get("allowList") : null;

        /// <summary>The text of a usable <c>allowList</c> value: a non-empty string (other values are structural errors).</summary>
        public static string? AllowListText(JsonNode? node) =>
            node != null && node.Kind == JsonKind.String && !string.IsNullOrEmpty(node.Text) ? node.Text : null;

        /// <summary>
        /// The full path of a path written in the manifest (relative to the manifest's folder), or null when it
        /// holds characters no path may hold.
        /// </summary>
        public static string? FromManifest(string manifestPath, string path)
        {
            try
            {
                return path.IndexOf('\0') >= 0 ? null : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(manifestPath)!, path));
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                return null;
            }
        }
    }
}
