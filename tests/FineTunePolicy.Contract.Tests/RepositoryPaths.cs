namespace FineTunePolicy.Contract.Tests;

internal static class RepositoryPaths
{
    /// <summary>The folder holding FineTunePolicy.Analyzers.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Of(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

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
