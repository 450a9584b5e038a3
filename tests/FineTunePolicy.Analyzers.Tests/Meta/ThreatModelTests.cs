using System.Text.RegularExpressions;

namespace FineTunePolicy.Analyzers.Tests.Meta;

/// <summary>Every test that docs/threat-model.md cites for a guarantee exists, so that no guarantee goes untested.</summary>
public class ThreatModelTests
{
    [Fact]
    public void EveryCitedTest_Exists()
    {
        var document = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "threat-model.md"));
        var tests = string.Join("\n", Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar))
            .Select(File.ReadAllText));

        // Class.Method_Name citations (a method name always has an underscore).
        var cited = Regex.Matches(document, @"\b([A-Z][A-Za-z0-9]+)\.([A-Z][A-Za-z0-9]*_[A-Za-z0-9_]+)\b")
            .Select(m => (Class: m.Groups[1].Value, Method: m.Groups[2].Value)).ToList();

        Assert.True(cited.Count >= 15, $"only {cited.Count} citations found");
        Assert.All(cited, c =>
        {
            Assert.Matches(new Regex($@"class {c.Class}\b"), tests);
            Assert.Matches(new Regex($@"\b(void|Task) {c.Method}\("), tests);
        });
    }
}
