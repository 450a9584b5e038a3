using System;
using System.IO;

namespace FineTunePolicy.Build.Tasks
{
    /// <summary>What a path names on disk.</summary>
    internal enum PathKind
    {
        /// <summary>Nothing: neither the path nor a broken link of that name exists.</summary>
        Missing,

        /// <summary>A file (or a link that resolves to one).</summary>
        File,

        /// <summary>A folder.</summary>
        Directory,

        /// <summary>Something is there, but it cannot be opened as a file: a dangling or looping symbolic link, a parent that is a file, or a folder that cannot be listed.</summary>
        Unusable,
    }

    /// <summary>
    /// Tells a missing policy file from one that is there but cannot be used. File.Exists alone answers false for both,
    /// and a missing manifest only warns: a manifest that exists but cannot be read must never be mistaken for none.
    /// </summary>
    internal static class PathProbe
    {
        private const string Dangling = "it is a symbolic link whose target does not exist or that loops back on itself";

        public static PathKind Probe(string path, out string? reason)
        {
            reason = null;
            if (File.Exists(path))
            {
#if NET
                // .NET on Unix answers true for a symbolic link whose target is missing.
                var info = new FileInfo(path);
                if (info.LinkTarget != null)
                {
                    try
                    {
                        var target = info.ResolveLinkTarget(returnFinalTarget: true);
                        if (target == null || !target.Exists)
                        {
                            reason = Dangling;
                            return PathKind.Unusable;
                        }
                    }
                    catch (IOException)
                    {
                        reason = Dangling;
                        return PathKind.Unusable;
                    }
                }
#endif
                return PathKind.File;
            }

            if (Directory.Exists(path))
            {
                return PathKind.Directory;
            }

            string? parent = Path.GetDirectoryName(path);
            for (string? ancestor = parent; !string.IsNullOrEmpty(ancestor); ancestor = Path.GetDirectoryName(ancestor))
            {
                if (Directory.Exists(ancestor))
                {
                    break;
                }

                if (File.Exists(ancestor))
                {
                    reason = $"{ancestor} is a file, not a folder";
                    return PathKind.Unusable;
                }
            }

            if (string.IsNullOrEmpty(parent) || !Directory.Exists(parent))
            {
                return PathKind.Missing;
            }

            // A directory entry of that name that is neither a file nor a folder: a symbolic link whose target is
            // missing, or one that loops.
            string name = Path.GetFileName(path);
            try
            {
                foreach (string entry in Directory.EnumerateFileSystemEntries(parent))
                {
                    if (string.Equals(Path.GetFileName(entry), name, StringComparison.Ordinal))
                    {
                        reason = Dangling;
                        return PathKind.Unusable;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is System.Security.SecurityException)
            {
                reason = $"its folder {parent} cannot be listed ({ValidateFineTunePolicy.Sentence(ex.Message).TrimEnd('.')})";
                return PathKind.Unusable;
            }

            return PathKind.Missing;
        }
    }
}
