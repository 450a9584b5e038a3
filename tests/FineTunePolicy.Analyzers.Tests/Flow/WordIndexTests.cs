using FineTunePolicy.Analyzers.Flow;
using Microsoft.CodeAnalysis.CSharp;

namespace FineTunePolicy.Analyzers.Tests.Flow;

/// <summary>The index of every tree's words answers as looking into each tree's words does: the same trees, in the same order.</summary>
public class WordIndexTests
{
    [Fact]
    public void EveryWord_SameTreesInTheSameOrderAsLookingIntoEachTree()
    {
        var sources = Enumerable.Range(0, 40)
            .Select(i => $"class C{i} {{ string Name{i % 7} = \"{i}\"; void Set{i % 5}(Session s) => s.Context{i % 3} = Name{i % 7}; }}")
            .Append("class Escaped { void M() { var \\u0061bc = 1; } }")   // an escape: any word may be spelled here
            .Append("class Plain { }");
        var trees = sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, path: $"/{i}.cs")).Select(t => (t, TreeNames.Of(t))).ToArray();
        var index = WordIndex.Build(trees, CancellationToken.None);

        var words = new[] { "Name0", "Name6", "Set4", "Context2", "Session", "C17", "Escaped", "Plain", "class", "NotThere", "abc" };
        foreach (var word in words)
        {
            var hash = NameHash.Of(word);
            var scanned = trees.Where(t => t.Item2.MayMention(t.Item1, hash)).Select(t => t.Item1).ToList();
            Assert.Equal(scanned, index.TreesSpelling(hash));
        }

        Assert.Equal(["/40.cs"], index.TreesSpelling(NameHash.Of("NotThere")).Select(t => t.FilePath));
        Assert.Equal(6, index.TreesSpelling(NameHash.Of("Name6")).Count); // C6, C13, C20, C27, C34 and the escaped tree
    }
}
