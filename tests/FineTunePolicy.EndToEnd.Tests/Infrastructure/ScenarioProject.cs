using System.Text;

namespace FineTunePolicy.EndToEnd.Tests.Infrastructure;

/// <summary>A small consumer project in the temporary root that references the packed packages.</summary>
public sealed class ScenarioProject
{
    private readonly PackageFeed _feed;
    private int _builds;
    private bool _restored;

    /// <param name="outputType">Library or Exe.</param>
    /// <param name="references">Scenario projects this one references (ProjectReference): build them first, then build
    /// this one with <c>BuildProjectReferences=false</c> so that its SARIF log holds its own results only.</param>
    public ScenarioProject(PackageFeed feed, string name, IEnumerable<string> extraPackages, ITestOutputHelper log, string outputType = "Library",
        IEnumerable<ScenarioProject>? references = null)
    {
        _feed = feed;
        _feed.EnsurePacked();
        Name = name;
        Log = log;
        Directory = Path.Combine(_feed.Root, name);
        System.IO.Directory.CreateDirectory(Directory);

        var items = new StringBuilder();
        items.AppendLine($"""    <PackageReference Include="FineTunePolicy.Analyzers" Version="{_feed.Version}" PrivateAssets="all" />""");
        items.AppendLine($"""    <PackageReference Include="FineTunePolicy.Annotations" Version="{_feed.Version}" />""");
        items.AppendLine("""    <PackageReference Include="OpenAI" Version="2.15.0" />""");
        foreach (var package in extraPackages)
        {
            items.AppendLine($"""    <PackageReference Include="{package.Split('/')[0]}" Version="{package.Split('/')[1]}" />""");
        }

        foreach (var project in references ?? [])
        {
            items.AppendLine($"""    <ProjectReference Include="../{project.Name}/{project.Name}.csproj" />""");
        }

        Write(name + ".csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>{outputType}</OutputType>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <NoWarn>$(NoWarn);OPENAI001</NoWarn>
              </PropertyGroup>
              <ItemGroup>
            {items}  </ItemGroup>
            </Project>
            """);
    }

    public string Name { get; }

    public string Directory { get; }

    public ITestOutputHelper Log { get; }

    public string PathOf(string relative) => Path.GetFullPath(Path.Combine(Directory, relative));

    public string Write(string relative, string content)
    {
        var path = PathOf(relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return path;
    }

    public void Delete(string relative) => File.Delete(PathOf(relative));

    /// <summary>Runs dotnet build with a SARIF error log and a binary log; restores on the first build only.</summary>
    public BuildResult Build(string step, params string[] properties)
    {
        _builds++;
        var sarif = PathOf($"logs/{_builds:00}-{step}.sarif");
        var binlog = PathOf($"logs/{_builds:00}-{step}.binlog");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(sarif)!);

        var arguments = new List<string>
        {
            "build", PathOf(Name + ".csproj"), "-nodeReuse:false", "-tl:off", "-v:m",
            "-p:ErrorLog=" + sarif + "%2Cversion=2.1",
            "-bl:" + binlog,
        };
        if (_restored)
        {
            arguments.Add("--no-restore");
        }

        arguments.AddRange(properties.Select(p => "-p:" + p));
        var process = DotNet.Run(Directory, arguments.ToArray());
        _restored |= process.ExitCode == 0 || File.Exists(PathOf("obj/project.assets.json"));
        Log.WriteLine($"[{Name} #{_builds} {step}] exit {process.ExitCode} in {process.Duration.TotalSeconds:0.0} s");
        return new BuildResult(step, process, sarif, binlog);
    }
}
