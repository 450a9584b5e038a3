using FineTunePolicy.Analyzers.Flow;
using FineTunePolicy.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FineTunePolicy.Analyzers.Tests.Flow;

/// <summary>
/// A search for the writers of a string or value member reads the text around each occurrence of its name before locating it in
/// the tree (<see cref="StateIndex.MayBeValueWrite"/>): the text must let through every occurrence the syntax calls a write.
/// </summary>
public class WritePositionTextTests
{
    [Theory]
    [InlineData("o.Number = 1;", true)]
    [InlineData("o.Number += step;", true)]
    [InlineData("(o.Number, rest) = pair;", true)]
    [InlineData("var order = new Order { Number = 5 };", true)]
    [InlineData("int.TryParse(text, out o.Number);", true)]
    [InlineData("Bump(ref (o.Number));", true)]
    [InlineData("o.Number[new Key { Id = 1 }] = value;", true)]
    [InlineData("o.Number[Pick(\";\")] = value;", true)]          // a string: not read further
    [InlineData("Log(o.Number.ToString());", false)]
    [InlineData("var line = Line(\"Total\", o.Number) + rest;", false)]
    [InlineData("Log(o.Number, \"a = b\");", true)]                  // a string after the name: not read further
    [InlineData("if (o.Number == 3) { Send(o); }", false)]
    [InlineData("var f = (Order x) => x.Number;", false)]
    [InlineData("Send(about.Number, o);", false)]
    public void TheTextAroundAnOccurrence_LetsEveryWriteThrough(string statement, bool mayWrite)
    {
        var at = statement.IndexOf("Number", StringComparison.Ordinal);

        Assert.Equal(mayWrite, StateIndex.MayBeValueWrite(statement, at, at + "Number".Length));
    }

    // Every identifier and '[' of the repository's own C# (sources, tests, samples) that the syntax calls a value write passes the
    // text reading, whatever the shape of the write.
    [Fact]
    public void EveryValueWriteOfTheRepository_PassesTheTextReading()
    {
        var writes = 0;
        foreach (var file in RepositoryPaths.CSharpFiles())
        {
            var text = File.ReadAllText(file);
            var tree = CSharpSyntaxTree.ParseText(text, path: file);
            foreach (var token in tree.GetRoot().DescendantTokens())
            {
                if ((token.IsKind(SyntaxKind.IdentifierToken) || token.IsKind(SyntaxKind.OpenBracketToken)) && StateIndex.IsValueWritePosition(token))
                {
                    writes++;
                    Assert.True(StateIndex.MayBeValueWrite(text, token.SpanStart, token.Span.End),
                        $"{file}({token.GetLocation().GetLineSpan().StartLinePosition.Line + 1}): {token.Parent?.Parent}");
                }
            }
        }

        Assert.True(writes >= 1000, $"only {writes} writes found");
    }
}
