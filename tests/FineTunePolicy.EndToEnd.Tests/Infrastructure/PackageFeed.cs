using System.Diagnostics;

namespace FineTunePolicy.EndToEnd.Tests.Infrastructure;

/// <summary>All end-to-end tests share one feed; they run one after the other (two cores gain nothing from parallel builds).</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "End-to-end";
}

/// <summary>
/// Packs FineTunePolicy.Analyzers and FineTunePolicy.Annotations once per test run into a temporary folder feed.
/// </summary>
/// <remarks>
/// Isolation from the global package cache: every run packs under its own sentinel version
/// (<c>0.0.0-e2e.&lt;utc time&gt;.&lt;process id&gt;</c>), so a restore can never pick up a package that an earlier run
/// extracted into ~/.nuget/packages, while the SDK and OpenAI packages keep coming from that cache (a private
/// NUGET_PACKAGES folder would download them again on every run). The run deletes its own version folders from the
/// cache when the collection is done, and sweeps sentinel folders and temporary roots older than two hours that a
/// killed run left behind.
/// The temporary root holds a nuget.config that adds the feed and inherits the machine's sources (no &lt;clear/&gt;), and
/// empty Directory.Build.props/.targets/Directory.Packages.props so that nothing above it leaks into the scenarios.
/// Set FTP_E2E_KEEP=1 to keep the temporary root for inspection.
/// </remarks>
public sealed class PackageFeed : IDisposable
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromHours(2);

    public PackageFeed()
    {
        RepoRoot = FindRepoRoot();
        Version = $"0.0.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        Root = Path.Combine(Path.GetTempPath(), "ftp-e2e-" + Version);
        FeedDirectory = Path.Combine(Root, "feed");
        Directory.CreateDirectory(FeedDirectory);
        GlobalPackagesFolder = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

        SweepStaleRuns();

        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <!-- Adds the end-to-end feed; the machine's own sources are inherited. -->
            <configuration>
              <packageSources>
                <add key="finetunepolicy-e2e" value="{FeedDirectory}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />\n");

        var watch = Stopwatch.StartNew();
        PackResult = DotNet.Run(RepoRoot,
            "pack", Path.Combine(RepoRoot, "src", "FineTunePolicy.Analyzers.Package", "FineTunePolicy.Analyzers.Package.csproj"),
            "-c", "Release", "-nodeReuse:false", "-tl:off",
            "-p:Version=" + Version, "-p:PackageOutputPath=" + FeedDirectory + Path.DirectorySeparatorChar);
        PackDuration = watch.Elapsed;
    }

    public string RepoRoot { get; }

    public string Version { get; }

    /// <summary>The temporary root: nuget.config, the feed, and one folder per scenario project.</summary>
    public string Root { get; }

    public string FeedDirectory { get; }

    public string GlobalPackagesFolder { get; }

    public ProcessResult PackResult { get; }

    public TimeSpan PackDuration { get; }

    public string PackagePath(string id) => Path.Combine(FeedDirectory, $"{id}.{Version}.nupkg");

    /// <summary>Throws with the pack output when packing failed, so that every test says why.</summary>
    public void EnsurePacked()
    {
        Assert.True(PackResult.ExitCode == 0, "dotnet pack failed:\n" + PackResult.Output);
        Assert.True(File.Exists(PackagePath("FineTunePolicy.Analyzers")), "No analyzer package in the feed:\n" + PackResult.Output);
        Assert.True(File.Exists(PackagePath("FineTunePolicy.Annotations")), "No annotations package in the feed:\n" + PackResult.Output);
    }

    public void Dispose()
    {
        foreach (var id in new[] { "finetunepolicy.analyzers", "finetunepolicy.annotations" })
        {
            TryDelete(Path.Combine(GlobalPackagesFolder, id, Version));
        }

        if (Environment.GetEnvironmentVariable("FTP_E2E_KEEP") != "1")
        {
            TryDelete(Root);
        }
    }

    private void SweepStaleRuns()
    {
        foreach (var root in Directory.GetDirectories(Path.GetTempPath(), "ftp-e2e-0.0.0-e2e*"))
        {
            if (Directory.GetLastWriteTimeUtc(root) < DateTime.UtcNow - StaleAfter)
            {
                TryDelete(root);
            }
        }

        foreach (var id in new[] { "finetunepolicy.analyzers", "finetunepolicy.annotations" })
        {
            var folder = Path.Combine(GlobalPackagesFolder, id);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var versionFolder in Directory.GetDirectories(folder, "0.0.0-e2e*"))
            {
                if (Directory.GetLastWriteTimeUtc(versionFolder) < DateTime.UtcNow - StaleAfter)
                {
                    TryDelete(versionFolder);
                }
            }
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FineTunePolicy.Analyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with FineTunePolicy.Analyzers.sln) was not found above " + AppContext.BaseDirectory);
    }
}
