using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace FineTunePolicy.Analyzers.Tests.Meta;

/// <summary>Every descriptor has a doc page, a release-tracking line and a help link, and vice versa.</summary>
public class RuleCatalogueTests
{
    private static readonly IReadOnlyList<DiagnosticDescriptor> AllDescriptors = typeof(Descriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToList();

    public static TheoryData<string> Ids => new(AllDescriptors.Select(d => d.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_HasDocPageWithItsTitle(string id)
    {
        var descriptor = AllDescriptors.Single(d => d.Id == id);
        var page = Path.Combine(RepositoryPaths.Root, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"missing {page}");
        Assert.Equal($"# {id}: {descriptor.Title}", File.ReadLines(page).First());
        Assert.Equal(Descriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_HasReleaseTrackingEntry(string id)
    {
        var descriptor = AllDescriptors.Single(d => d.Id == id);
        // Release tracking writes a rule that is off by default (FTP0100, the inventory) as "Disabled".
        var severity = descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : "Disabled";
        Assert.Contains(ReleaseEntries(), entry => entry.Id == id && entry.Category == descriptor.Category && entry.Severity == severity);
    }

    [Fact]
    public void EveryAnalyzerDocPageAndReleaseEntry_HasDescriptor()
    {
        var ids = AllDescriptors.Select(d => d.Id).ToHashSet();
        var pages = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "docs", "rules"), "FTP0*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.All(pages, page => Assert.Contains(page!, ids));
        Assert.All(ReleaseEntries(), entry => Assert.Contains(entry.Id, ids));
    }

    [Fact]
    public void EveryDescriptor_IsSupportedByExactlyOneAnalyzer()
    {
        var analyzers = typeof(ClassifiedDataFlowAnalyzer).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer)) && !t.IsAbstract)
            .Select(t => (Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .SelectMany(a => a.SupportedDiagnostics)
            .Select(d => d.Id)
            .ToList();
        Assert.Equal(AllDescriptors.Select(d => d.Id).OrderBy(x => x), analyzers.OrderBy(x => x));
    }

    private static IEnumerable<(string Id, string Category, string Severity)> ReleaseEntries()
    {
        foreach (var file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
        {
            foreach (var line in File.ReadLines(Path.Combine(RepositoryPaths.Root, "src", "FineTunePolicy.Analyzers", file)))
            {
                var match = Regex.Match(line, @"^(FTP\d{4})\s*\|\s*(\w+)\s*\|\s*(\w+)\s*\|");
                if (match.Success)
                {
                    yield return (match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value);
                }
            }
        }
    }
}
