namespace FineTunePolicy.Analyzers.Tests.Verifiers;

internal static class RepositoryPaths
{
    /// <summary>The folder holding FineTunePolicy.Analyzers.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The repository's own C# files (sources, tests, samples), not what a build put under bin, obj or artifacts.</summary>
    public static IEnumerable<string> CSharpFiles() =>
        Directory.EnumerateFiles(Root, "*.cs", SearchOption.AllDirectories).Where(static file =>
            !Path.GetRelativePath(Root, file).Split(Path.DirectorySeparatorChar).Any(static folder => folder is "bin" or "obj" or "artifacts"));

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
