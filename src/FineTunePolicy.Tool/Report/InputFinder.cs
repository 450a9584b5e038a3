namespace FineTunePolicy.Tool.Report;

/// <summary>The files of one project found under the inputs: the folder they share, its audit record, its SARIF logs.</summary>
internal sealed record ProjectFiles(string Folder, string DisplayFolder, string? AuditRecord, IReadOnlyList<string> SarifLogs);

/// <summary>
/// Finds audit records (FineTunePolicy.audit.json) and SARIF logs (*.sarif) under the given folders (or given as
/// files), and groups them by the folder they are in: the package targets write both into obj/&lt;configuration&gt;/&lt;tfm&gt;/,
/// and a build server's artifacts usually keep one folder per project.
/// </summary>
internal static class InputFinder
{
    public const string AuditRecordName = "FineTunePolicy.audit.json";

    /// <summary>Folders never searched: version control, package caches and front-end dependencies.</summary>
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { ".git", ".vs", "node_modules", ".nuget" };

    public static IReadOnlyList<ProjectFiles> Find(IReadOnlyList<string> inputs)
    {
        var byFolder = new SortedDictionary<string, (string Display, string? Audit, SortedSet<string> Sarif)>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            var full = Path.GetFullPath(input);
            if (File.Exists(full))
            {
                if (!IsAudit(full) && !IsSarif(full))
                {
                    throw new ToolError($"{input} is neither an audit record ({AuditRecordName}) nor a SARIF log (*.sarif). Give the tool folders to search, "
                        + $"or those files.");
                }

                var folder = Path.GetDirectoryName(full)!;
                Add(byFolder, full, Display(Path.GetDirectoryName(input) is { Length: > 0 } typed ? typed : ".", folder, folder));
                continue;
            }

            if (!Directory.Exists(full))
            {
                throw new ToolError($"The folder {input} does not exist. Give the folders to search (a repository after dotnet build, or a build's artifacts), "
                    + $"for example: finetune-policy report . --output report");
            }

            foreach (var file in Enumerate(full))
            {
                Add(byFolder, file, Display(input, full, Path.GetDirectoryName(file)!));
            }
        }

        var result = new List<ProjectFiles>();
        foreach (var (folder, entry) in byFolder)
        {
            result.Add(new ProjectFiles(folder, entry.Display, entry.Audit, entry.Sarif.ToList()));
        }

        if (result.Count == 0)
        {
            throw new ToolError($"No audit record ({AuditRecordName}) and no SARIF log (*.sarif) was found under {string.Join(", ", inputs)}. Build the "
                + $"projects first (dotnet build writes both into obj/), or point the tool at the folder that holds a build's artifacts.");
        }

        return result;
    }

    private static void Add(SortedDictionary<string, (string, string?, SortedSet<string>)> byFolder, string file, string display)
    {
        var folder = Path.GetDirectoryName(file)!;
        if (!byFolder.TryGetValue(folder, out var entry))
        {
            entry = (display, null, new SortedSet<string>(StringComparer.Ordinal));
        }

        if (IsAudit(file))
        {
            entry.Item2 = file;
        }
        else
        {
            entry.Item3.Add(file);
        }

        byFolder[folder] = entry;
    }

    private static IEnumerable<string> Enumerate(string root)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            string[] files;
            string[] folders;
            try
            {
                files = Directory.GetFiles(folder);
                folders = Directory.GetDirectories(folder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new ToolError($"The folder {folder} cannot be read: {ex.Message} Check the path and the permissions.");
            }

            foreach (var file in files)
            {
                if (IsAudit(file) || IsSarif(file))
                {
                    yield return file;
                }
            }

            foreach (var sub in folders)
            {
                if (!SkippedFolders.Contains(Path.GetFileName(sub)) && (File.GetAttributes(sub) & FileAttributes.ReparsePoint) == 0)
                {
                    pending.Push(sub);
                }
            }
        }
    }

    private static bool IsAudit(string file) => string.Equals(Path.GetFileName(file), AuditRecordName, StringComparison.OrdinalIgnoreCase);

    private static bool IsSarif(string file) => file.EndsWith(".sarif", StringComparison.OrdinalIgnoreCase);

    /// <summary>The folder as the user would write it: the input as typed, joined with the path below it, '/' separated.</summary>
    private static string Display(string input, string inputFull, string folder)
    {
        var relative = Path.GetRelativePath(inputFull, folder);
        var joined = relative == "." ? input : Path.Combine(input, relative);
        return joined.Replace('\\', '/').TrimEnd('/');
    }
}
