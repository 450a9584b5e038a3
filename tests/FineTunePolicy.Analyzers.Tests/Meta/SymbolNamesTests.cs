using Microsoft.CodeAnalysis.CSharp;

namespace FineTunePolicy.Analyzers.Tests.Meta;

public class SymbolNamesTests
{
    [Theory]
    [InlineData("System.Linq", true)]
    [InlineData("Linq", false)]
    [InlineData("System", false)]
    [InlineData("Contoso.System.Linq", false)]
    [InlineData("System.Linq.Extra", false)]
    [InlineData("SystemX.Linq", false)]
    [InlineData("", false)]
    public void IsInNamespace_MatchesTheWholeNamespaceOnly(string ns, bool expected)
    {
        var compilation = CSharpCompilation.Create("Names", references: TestReferences.All);
        var enumerable = compilation.GetTypeByMetadataName("System.Linq.Enumerable")!;
        Assert.Equal(expected, SymbolNames.IsInNamespace(enumerable, ns));
    }
}
