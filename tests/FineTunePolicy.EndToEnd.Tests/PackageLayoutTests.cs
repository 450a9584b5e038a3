using System.IO.Compression;
using System.Xml.Linq;
using FineTunePolicy.EndToEnd.Tests.Infrastructure;

namespace FineTunePolicy.EndToEnd.Tests;

/// <summary>The exact contents of both packages, file by file.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class PackageLayoutTests
{
    private readonly PackageFeed _feed;

    public PackageLayoutTests(PackageFeed feed, ITestOutputHelper log)
    {
        _feed = feed;
        _feed.EnsurePacked();
        log.WriteLine($"pack {_feed.Version}: {_feed.PackDuration.TotalSeconds:0.0} s");
    }

    [Fact]
    public void AnalyzersPackage_HasExactlyTheAnalyzerCodeFixesTasksBuildFilesSchemasAndReadme()
    {
        AssertEntries(
            "FineTunePolicy.Analyzers",
            new[]
            {
                "[Content_Types].xml",
                "_rels/.rels",
                "analyzers/dotnet/cs/FineTunePolicy.Analyzers.dll",
                "analyzers/dotnet/cs/FineTunePolicy.CodeFixes.dll",
                "build/FineTunePolicy.Analyzers.props",
                "build/FineTunePolicy.Analyzers.targets",
                "build/FineTunePolicy.Inventory.globalconfig",
                "buildTransitive/FineTunePolicy.Analyzers.props",
                "buildTransitive/FineTunePolicy.Analyzers.targets",
                "FineTunePolicy.Analyzers.nuspec",
                "package/services/metadata/core-properties/nuget.psmdcp",
                "README.md",
                "schemas/allow-list.schema.json",
                "schemas/manifest.schema.json",
                "tasks/net472/FineTunePolicy.Build.Tasks.dll",
                "tasks/net8.0/FineTunePolicy.Build.Tasks.dll",
            });
    }

    [Fact]
    public void AnnotationsPackage_HasExactlyTheLibraryDocumentationAndReadme()
    {
        AssertEntries(
            "FineTunePolicy.Annotations",
            new[]
            {
                "[Content_Types].xml",
                "_rels/.rels",
                "FineTunePolicy.Annotations.nuspec",
                "lib/netstandard2.0/FineTunePolicy.Annotations.dll",
                "lib/netstandard2.0/FineTunePolicy.Annotations.xml",
                "package/services/metadata/core-properties/nuget.psmdcp",
                "README.md",
            });
    }

    [Fact]
    public void AnalyzersNuspec_IsADevelopmentDependencyWithoutDependencies()
    {
        var nuspec = Nuspec("FineTunePolicy.Analyzers");
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        Assert.Equal(_feed.Version, Value(metadata, "version"));
        Assert.Equal("true", Value(metadata, "developmentDependency"));
        Assert.Equal("README.md", Value(metadata, "readme"));
        Assert.DoesNotContain(metadata.Elements(), e => e.Name.LocalName == "dependencies");
    }

    [Fact]
    public void AnnotationsNuspec_IsANormalDependency()
    {
        var metadata = Nuspec("FineTunePolicy.Annotations").Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        Assert.Equal(_feed.Version, Value(metadata, "version"));
        Assert.Null(Value(metadata, "developmentDependency"));
    }

    [Fact]
    public void PackagedProps_CarryThePackageVersionAndTheTasksFolder()
    {
        var props = Read("FineTunePolicy.Analyzers", "build/FineTunePolicy.Analyzers.props");
        Assert.Contains($"<FineTunePolicyVersion Condition=\"'$(FineTunePolicyVersion)' == ''\">{_feed.Version}</FineTunePolicyVersion>", props);
        Assert.Contains("$(MSBuildThisFileDirectory)../tasks/", props);
        Assert.Contains("<Import Project=\"$(MSBuildThisFileDirectory)../build/FineTunePolicy.Analyzers.props\" />",
            Read("FineTunePolicy.Analyzers", "buildTransitive/FineTunePolicy.Analyzers.props"));
        Assert.Contains("<Import Project=\"$(MSBuildThisFileDirectory)../build/FineTunePolicy.Analyzers.targets\" />",
            Read("FineTunePolicy.Analyzers", "buildTransitive/FineTunePolicy.Analyzers.targets"));
    }

    [Theory]
    [InlineData("FineTunePolicy.Analyzers")]
    [InlineData("FineTunePolicy.Annotations")]
    public void Packages_AreDeterministic_EveryEntryCarriesTheFixedTimestamp(string id)
    {
        using var zip = ZipFile.OpenRead(_feed.PackagePath(id));
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(2000, 1, 1), e.LastWriteTime.UtcDateTime.Date));
    }

    private void AssertEntries(string id, string[] expected)
    {
        using var zip = ZipFile.OpenRead(_feed.PackagePath(id));
        Assert.Equal(
            expected.OrderBy(n => n, StringComparer.Ordinal),
            zip.Entries.Select(e => e.FullName).OrderBy(n => n, StringComparer.Ordinal));
    }

    private string Read(string id, string entry)
    {
        using var zip = ZipFile.OpenRead(_feed.PackagePath(id));
        using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }

    private XDocument Nuspec(string id) => XDocument.Parse(Read(id, id + ".nuspec"));

    private static string? Value(XElement metadata, string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
}
