using System.Text;
using FineTunePolicy.Analyzers;

namespace FineTunePolicy.Contract.Tests.Docs;

/// <summary>
/// The rule and code tables and the page headers are generated from the descriptors and the task's codes: a test fails
/// when a document differs from what the generator writes, and FTP_UPDATE_DOCS=1 rewrites it instead.
/// </summary>
public sealed class GeneratedDocsTests
{
    public static TheoryData<string> Documents()
    {
        var documents = new TheoryData<string> { "README.md", "docs/rules/README.md", "docs/policy-files.md" };
        foreach (var id in DocTables.Descriptors.Select(d => d.Id).Concat(DocTables.Codes.Select(c => c.Code)))
        {
            documents.Add("docs/rules/" + id + ".md");
        }

        return documents;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_MatchesWhatTheGeneratorWrites(string relativePath)
    {
        var path = RepositoryPaths.Of(relativePath);
        Assert.True(File.Exists(path), $"{relativePath} is missing: every rule and code needs its page.");
        var text = File.ReadAllText(path).Replace("\r\n", "\n");
        var generated = Generate(relativePath, text);
        if (GeneratedRegion.UpdateRequested && generated != text)
        {
            File.WriteAllText(path, generated, new UTF8Encoding(false));
            text = generated;
        }

        Assert.True(generated == text, $"{relativePath} differs from what its sources generate; run {GeneratedRegion.HowToUpdate}.");
    }

    [Fact]
    public void EveryDescriptor_HasAFiresWhenSummary_AndEverySummaryADescriptor()
    {
        Assert.Equal(
            DocTables.Descriptors.Select(d => d.Id),
            RuleSummaries.FiresWhen.Keys.OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public void EveryTaskCode_HasExactlyOneSummary_AndEverySummaryACode()
    {
        Assert.Equal(DocTables.TaskCodes, DocTables.Codes.Select(c => c.Code));
    }

    [Fact]
    public void EveryCodePage_HasATaskCode_AndEveryCodeAPage()
    {
        var pages = Directory.GetFiles(RepositoryPaths.Of("docs/rules"), "FTP1*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .OrderBy(id => id, StringComparer.Ordinal);
        Assert.Equal(DocTables.TaskCodes, pages);
    }

    [Fact]
    public void Regions_NeedTheirMarkers()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            GeneratedRegion.Replace("# Title\n<!-- rules:begin -->\n", "X.md", "rules", "nowhere", new[] { "line" }));
        Assert.Equal("X.md needs exactly one '<!-- rules:begin -->' line followed later by '<!-- rules:end -->'.", error.Message);
    }

    [Fact]
    public void Regions_KeepTheTextAroundThem()
    {
        var text = "before\n<!-- t:begin -->\nold\n<!-- t:end -->\nafter\n";
        Assert.Equal(
            "before\n<!-- t:begin -->\n" + GeneratedRegion.SourceComment("here") + "\nnew\n<!-- t:end -->\nafter\n",
            GeneratedRegion.Replace(text, "X.md", "t", "here", new[] { "new" }));
    }

    private static string Generate(string relativePath, string text)
    {
        switch (relativePath)
        {
            case "README.md":
                return GeneratedRegion.Replace(text, relativePath, "rules", DocTables.RuleSource, DocTables.ReadmeRules());
            case "docs/rules/README.md":
                text = GeneratedRegion.Replace(text, relativePath, "rules", DocTables.RuleSource, DocTables.RuleCatalogue());
                return GeneratedRegion.Replace(text, relativePath, "codes", DocTables.CodeSource, DocTables.CodeCatalogue());
            case "docs/policy-files.md":
                text = GeneratedRegion.Replace(text, relativePath, "codes", DocTables.CodeSource, DocTables.CodeTable());
                return GeneratedRegion.Replace(text, relativePath, "handoff", DocTables.HandoffSource, DocTables.Handoff());
        }

        var id = Path.GetFileNameWithoutExtension(relativePath);
        var firstLineEnd = text.IndexOf('\n');
        text = DocTables.PageTitle(id) + (firstLineEnd < 0 ? "\n" : text.Substring(firstLineEnd));
        var descriptor = DocTables.Descriptors.SingleOrDefault(d => d.Id == id);
        return descriptor != null
            ? GeneratedRegion.Replace(text, relativePath, "header", DocTables.RuleSource, DocTables.RulePageHeader(descriptor))
            : GeneratedRegion.Replace(text, relativePath, "header", DocTables.CodeSource, DocTables.CodePageHeader(DocTables.Codes.Single(c => c.Code == id)));
    }
}
