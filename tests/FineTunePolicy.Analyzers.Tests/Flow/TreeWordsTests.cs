using FineTunePolicy.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FineTunePolicy.Analyzers.Tests.Flow;

/// <summary>
/// The words of a tree (<see cref="TreeNames.MayMention"/>) are its members' words joined with the words of the text between
/// members: every word of the text is there, wherever it stands.
/// </summary>
public class TreeWordsTests
{
    [Fact]
    public void EveryWordOfTheText_InAMemberOrBetweenMembers()
    {
        var tree = CSharpSyntaxTree.ParseText("""
            using Alias = System.Text.StringBuilder;
            // Comment1, before the type
            [Marker] public class Holder : BaseOne
            {
                private string _field = Initial; // FieldWord
                public string Name { get; set; } = Default;
                public void Send(Client c) => c.Ask(Inside);
                /* Gap2 */
                public Holder() : this(1) { }
                private Holder(int n) { var list = new List<int> { n }; }
                public event System.Action Happened;
            }
            Top.Level(Statement);
            """);
        var names = TreeNames.Of(tree);

        string[] spelled = ["Alias", "StringBuilder", "Comment1", "Marker", "Holder", "BaseOne", "_field", "Initial", "FieldWord",
            "Name", "Default", "Send", "Client", "Ask", "Inside", "Gap2", "Happened", "list", "Top", "Level", "Statement", ".ctor", "Add"];
        Assert.All(spelled, word => Assert.True(names.MayMention(tree, NameHash.Of(word)), word));
        Assert.False(names.MayMention(tree, NameHash.Of("Absent")));
    }

    // A member's names and a tree's words are gathered in one set per thread: what one read leaves there is never another's,
    // even when a tree's words read its members' names for the first time in the middle.
    [Fact]
    public void TreesAndMembersReadOneAfterAnother_EachKeepsItsOwnWords()
    {
        var first = CSharpSyntaxTree.ParseText("class A { void InA() { AlphaWord(); } } // AlphaGap");
        var second = CSharpSyntaxTree.ParseText("class B { void InB() { BetaWord(); } } // BetaGap");
        var firstMember = TreeNames.Of(first).Members.Values.Single();
        Assert.Contains(NameHash.Of("AlphaWord"), firstMember.MentionedNames);

        var secondWords = TreeNames.Of(second).WordsOf(second)!;
        var firstWords = TreeNames.Of(first).WordsOf(first)!;
        var secondMember = TreeNames.Of(second).Members.Values.Single();

        Assert.All(["BetaWord", "BetaGap", "InB", "B"], word => Assert.Contains(NameHash.Of(word), secondWords));
        Assert.All(["AlphaWord", "AlphaGap", "InA", "A"], word => Assert.DoesNotContain(NameHash.Of(word), secondWords));
        Assert.All(["AlphaWord", "AlphaGap", "InA", "A"], word => Assert.Contains(NameHash.Of(word), firstWords));
        Assert.All(["BetaWord", "BetaGap", "InB", "B"], word => Assert.DoesNotContain(NameHash.Of(word), firstWords));
        Assert.Contains(NameHash.Of("BetaWord"), secondMember.MentionedNames);
        Assert.DoesNotContain(NameHash.Of("BetaGap"), secondMember.MentionedNames);
        Assert.DoesNotContain(NameHash.Of("AlphaWord"), secondMember.MentionedNames);
    }

    [Theory]
    [InlineData("class C { string \\u0061 = \"\"; void M() { } }")]   // between members
    [InlineData("class C { void M() { var \\u0061 = 1; } }")]         // in a member
    [InlineData("class C { void A() { B(); } void M() { var \\u0061 = 1; } }")]   // in a member after another
    public void AnEscape_AnyWordMayBeSpelled(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source);

        Assert.Null(TreeNames.Of(tree).WordsOf(tree));
        Assert.True(TreeNames.Of(tree).MayMention(tree, NameHash.Of("Absent")));
    }

    // A collection initializer calls Add, and Add names a sink (Anthropic's IResourceService.Add): the text reading mentions Add only
    // where a brace may open one after `new T(...)`, so that a `new StringBuilder()` does not make its method look as if it reached a sink.
    [Theory]
    [InlineData("class C { void M() { var b = new System.Text.StringBuilder(); } }", false)]
    [InlineData("class C { object M() => new Dictionary<string, List<int>>(capacity: Math.Max(1, 4)).Count; }", false)]
    [InlineData("class C { public new string ToString() => Text; }", false)]
    [InlineData("class C { void M() { var l = new List<int> { 1 }; } }", true)]
    [InlineData("class C { List<int> l = new() { 1 }; }", true)]
    [InlineData("class C { void M() { var l = new List<(int, string)>(4)\n        {\n            (1, One)\n        }; } }", true)]
    [InlineData("class C { void M() { var o = new Outer { Items = { 1 } }; } }", true)]
    [InlineData("class C { void M() { var d = new D(Make(\"(\")); } }", true)]      // a string in the arguments: not read further
    [InlineData("class C { void M() { var d = new D() /* then */ { 1 }; } }", true)]   // a comment before the brace
    public void New_MentionsAdd_OnlyWhereABraceMayOpenAnInitializer(string source, bool mentionsAdd)
    {
        var tree = CSharpSyntaxTree.ParseText(source);

        Assert.Equal(mentionsAdd, TreeNames.Of(tree).MayMention(tree, NameHash.Of("Add")));
    }

    // The text reading is a superset of the syntax: every member of the repository's own C# (sources, tests, samples) that holds a
    // collection initializer mentions Add, whatever the shape of its creation.
    [Fact]
    public void EveryCollectionInitializerOfTheRepository_ItsMemberMentionsAdd()
    {
        var checkedMembers = 0;
        foreach (var file in RepositoryPaths.CSharpFiles())
        {
            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: file);
            var names = TreeNames.Of(tree);
            foreach (var initializer in tree.GetRoot().DescendantNodes().OfType<InitializerExpressionSyntax>()
                .Where(static i => i.IsKind(SyntaxKind.CollectionInitializerExpression)))
            {
                var declaration = initializer.FirstAncestorOrSelf<MemberDeclarationSyntax>(
                    static m => m is BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax);
                if (declaration is not null && names.Members.TryGetValue(declaration.SpanStart, out var member))
                {
                    checkedMembers++;
                    Assert.True(member.MentionedNames.Contains(NameHash.Of("Add")),
                        $"{file}({initializer.GetLocation().GetLineSpan().StartLinePosition.Line + 1}): {initializer.Parent}");
                }
            }
        }

        Assert.True(checkedMembers >= 20, $"only {checkedMembers} members with a collection initializer found");
    }
}
