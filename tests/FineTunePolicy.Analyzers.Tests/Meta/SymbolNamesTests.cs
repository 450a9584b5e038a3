using FineTunePolicy.Analyzers.Sinks;
using Microsoft.CodeAnalysis;
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

public class HasMetadataNameTests
{
    private const string Source = """
        namespace Contoso.Data
        {
            public class Outer { public class Inner<T> { } }
            public class Writer { }
        }

        public class Global { }
        """;

    [Theory]
    [InlineData("Contoso.Data.Writer", "Contoso.Data.Writer", true)]
    [InlineData("Contoso.Data.Writer", "Data.Writer", false)]
    [InlineData("Contoso.Data.Writer", "Writer", false)]
    [InlineData("Contoso.Data.Writer", "X.Contoso.Data.Writer", false)]
    [InlineData("Contoso.Data.Writer", "Contoso+Data.Writer", false)]
    [InlineData("Contoso.Data.Writer", "ContosoX.Data.Writer", false)]
    [InlineData("Contoso.Data.Outer+Inner`1", "Contoso.Data.Outer+Inner`1", true)]
    [InlineData("Contoso.Data.Outer+Inner`1", "Contoso.Data.Outer.Inner`1", false)]
    [InlineData("Contoso.Data.Outer+Inner`1", "Contoso.Data.Outer+Inner", false)]
    [InlineData("Contoso.Data.Outer+Inner`1", "Contoso.Data.Inner`1", false)]
    [InlineData("Global", "Global", true)]
    [InlineData("Global", "System.Global", false)]
    public void HasMetadataName_IsTheFullNameComparedWithoutBuildingIt(string type, string fullName, bool expected)
    {
        var compilation = CSharpCompilation.Create("Names", new[] { CSharpSyntaxTree.ParseText(Source) }, TestReferences.All);
        var symbol = compilation.Assembly.GetTypeByMetadataName(type)!;
        Assert.Equal(type, SymbolNames.FullMetadataName(symbol));
        Assert.Equal(expected, SymbolNames.HasMetadataName(symbol, fullName));
    }

    [Fact]
    public void TypeNameSet_FindsAConstructedGenericByItsDefinitionAndBasesByName()
    {
        var compilation = CSharpCompilation.Create("Names", references: TestReferences.All);
        var set = new TypeNameSet(new[] { "System.Buffers.IBufferWriter`1", "System.IO.TextWriter" });
        var buffer = compilation.GetTypeByMetadataName("System.Buffers.ArrayBufferWriter`1")!;
        var writer = compilation.GetTypeByMetadataName("System.IO.StringWriter")!;
        Assert.True(set.TryGetValue(buffer.AllInterfaces.Single(i => i.Name == "IBufferWriter").OriginalDefinition, out var matched));
        Assert.Equal("System.Buffers.IBufferWriter`1", matched);
        Assert.True(set.Contains(writer.BaseType!));
        Assert.False(set.Contains(writer));
    }
}

public class SinkParametersTests
{
    [Theory]
    [InlineData("text", true)]
    [InlineData("progress", false)]
    [InlineData("uri", false)]
    [InlineData("model", false)]
    public void CarriesData_LeavesOutRequestPlumbing(string parameter, bool expected)
    {
        // A type's Name has no arity: IProgress<T> is "IProgress", which was compared with "IProgress`1" and so counted as data.
        var tree = CSharpSyntaxTree.ParseText(
            "public class Client { public void Send(string text, System.IProgress<int> progress, System.Uri uri, string model) { } }");
        var compilation = CSharpCompilation.Create("Plumbing", new[] { tree }, TestReferences.All);
        var send = compilation.GetTypeByMetadataName("Client")!.GetMembers("Send").OfType<IMethodSymbol>().Single();

        Assert.Equal(expected, SinkParameters.CarriesData(send.Parameters.Single(p => p.Name == parameter), purposeParameter: null));
    }
}
