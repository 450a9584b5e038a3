namespace FineTunePolicy.Tool.Tests.EndToEnd;

[CollectionDefinition(Name)]
public sealed class InstalledToolCollection : ICollectionFixture<InstalledTool>
{
    public const string Name = "Installed tool";
}

/// <summary>
/// Packs FineTunePolicy.Tool once per test run under a sentinel version (0.0.0-tooltest.&lt;utc time&gt;.&lt;pid&gt;) into a
/// temporary folder feed and installs it with <c>dotnet tool install --tool-path</c>, as a user would. The pack uses
/// the Debug build that compiling this test project just made (--no-build), so that it never races another test
/// project's Release build of the same sources. The run removes its tool folder and its package from the global
/// package cache when it ends.
/// </summary>
public sealed class InstalledTool : IDisposable
{
    public InstalledTool()
    {
        RepoRoot = RepoRootOf();
        Version = $"0.0.0-tooltest.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        Root = Path.Combine(Path.GetTempPath(), "ftp-tool-e2e-" + Version);
        var feed = Path.Combine(Root, "feed");
        var tools = Path.Combine(Root, "tools");
        Directory.CreateDirectory(feed);
        GlobalPackagesFolder = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

        Pack = Processes.Run("dotnet", RepoRoot, "pack", Path.Combine(RepoRoot, "src", "FineTunePolicy.Tool", "FineTunePolicy.Tool.csproj"),
            "-c", "Debug", "--no-build", "-nodeReuse:false", "-tl:off", "-p:Version=" + Version, "-p:PackageOutputPath=" + feed + Path.DirectorySeparatorChar);
        Install = Pack.ExitCode != 0 ? Pack : Processes.Run("dotnet", RepoRoot, "tool", "install", "FineTunePolicy.Tool",
            "--version", Version, "--tool-path", tools, "--add-source", feed);
        Command = Path.Combine(tools, OperatingSystem.IsWindows() ? "finetune-policy.exe" : "finetune-policy");
    }

    public string RepoRoot { get; }

    public string Version { get; }

    public string Root { get; }

    public string GlobalPackagesFolder { get; }

    public ProcessResult Pack { get; }

    public ProcessResult Install { get; }

    /// <summary>The installed command, as the tool path's shim.</summary>
    public string Command { get; }

    /// <summary>Runs the installed finetune-policy command; fails the test with the pack or install output if either failed.</summary>
    public ProcessResult Run(string workingDirectory, params string[] arguments)
    {
        Assert.True(Pack.ExitCode == 0, "dotnet pack of the tool failed:\n" + Pack);
        Assert.True(Install.ExitCode == 0 && File.Exists(Command), "dotnet tool install failed:\n" + Install);
        return Processes.Run(Command, workingDirectory, arguments);
    }

    internal static string RepoRootOf()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FineTunePolicy.Analyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        foreach (var folder in new[] { Path.Combine(GlobalPackagesFolder, "finetunepolicy.tool", Version), Root })
        {
            try
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
