using System;
using System.IO;

namespace FineTunePolicy.Build.Tasks.Output
{
    /// <summary>Paths as the generated files show them: relative to the project directory, with '/' separators.</summary>
    internal static class PathDisplay
    {
        public static string Relative(string baseDirectory, string path)
        {
            var comparison = Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            var from = Split(Path.GetFullPath(baseDirectory));
            var to = Split(Path.GetFullPath(path));
            var common = 0;
            while (common < from.Length && common < to.Length && string.Equals(from[common], to[common], comparison))
            {
                common++;
            }

            if (common == 0)
            {
                return Path.GetFullPath(path).Replace('\\', '/');
            }

            var parts = new System.Collections.Generic.List<string>();
            for (var i = common; i < from.Length; i++)
            {
                parts.Add("..");
            }

            for (var i = common; i < to.Length; i++)
            {
                parts.Add(to[i]);
            }

            return string.Join("/", parts);
        }

        private static string[] Split(string path) =>
            path.Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries);
    }
}
