using Microsoft.CodeAnalysis.CSharp;

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
}
