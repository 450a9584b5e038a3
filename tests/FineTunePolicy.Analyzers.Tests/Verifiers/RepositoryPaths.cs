namespace FineTunePolicy.Analyzers.Tests.Verifiers;

internal static class RepositoryPaths
{
    /// <summary>The folder holding FineTunePolicy.Analyzers.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The repository's own C# files (sources, tests, samples), not what a build put under bin or obj.</summary>
    public static IEnumerable<string> CSharpFiles() =>
        Directory.EnumerateFiles(Root, "*.cs", SearchOption.AllDirectories).Where(static file =>
            !file.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            && !file.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FineTunePolicy.Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("FineTunePolicy.Analyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
