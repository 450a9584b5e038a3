using FineTunePolicy.EndToEnd.Tests.Infrastructure;

namespace FineTunePolicy.EndToEnd.Tests;

/// <summary>
/// The inventory of LLM use (FTP0100) leaves a real command-line build through the SARIF log the build is given, with the
/// properties the report reads, and nothing of it reaches the console; a build inside Visual Studio writes none.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class InventoryTests
{
    private const string Code = """
        using FineTunePolicy;
        using OpenAI.Chat;

        namespace Contoso.Support;

        [Confidential(Categories = DataCategory.Personal)]
        public sealed class Customer
        {
            [Public] public int Id { get; set; }
            public string Name { get; set; } = "";
        }

        internal static class Redaction
        {
            [Declassifies(DataClass.Internal, Justification = "Keeps the first letter only")]
            public static string Initial(string name) => name.Substring(0, 1);
        }

        internal sealed class Assistant(ChatClient chat)
        {
            public ChatCompletion Greet() => chat.CompleteChat(new UserChatMessage("Hello"));
            public ChatCompletion Address(Customer c) => chat.CompleteChat(new UserChatMessage("Write to " + c.Name));
            public ChatCompletion Sign(Customer c) => chat.CompleteChat(new UserChatMessage("Sign as " + Redaction.Initial(c.Name)));
        }
        """;

    private readonly ScenarioProject _project;

    public InventoryTests(PackageFeed feed, ITestOutputHelper log)
    {
        _project = new ScenarioProject(feed, "Contoso.Inventory", [], log);
    }

    [Fact]
    public void CommandLineBuild_WritesTheInventoryIntoItsErrorLog_NotOnTheConsole_AndVisualStudioBuildsDoNot()
    {
        var file = _project.Write("Assistant.cs", Code);

        var build = _project.Build("inventory");

        Assert.True(build.ExitCode == 0, build.Describe());
        var finding = Assert.Single(build.AnalyzerFindings);
        Assert.Equal(("FTP0003", Text.Position(file, "\"Write to \"").Line), (finding.Id, finding.Line));
        Assert.DoesNotContain("FTP0100", build.Process.Output, StringComparison.Ordinal);
        Assert.All(build.Inventory, entry => Assert.Equal("note", entry.Level));

        var calls = build.Inventory.Where(e => e.Properties["Entry"] == "sinkCall").OrderBy(e => e.Line).ToList();
        Assert.Equal(
            [
                $"{Text.Position(file, "\"Hello\"").Line} ChatClient.CompleteChat openai Inference Public - - Internal true",
                $"{Text.Position(file, "\"Write to \"").Line} ChatClient.CompleteChat openai Inference Confidential Personal Customer.Name Internal false",
                $"{Text.Position(file, "\"Sign as \"").Line} ChatClient.CompleteChat openai Inference Internal Personal result of Redaction.Initial Internal "
                    + $"true",
            ],
            calls.Select(e => string.Join(" ", e.Line, e.Properties["Sink"], e.Properties["Provider"], e.Properties["Purpose"], e.Properties["Class"],
                e.Properties.GetValueOrDefault("Categories") ?? "-", e.Properties.GetValueOrDefault("Sources") ?? "-", e.Properties["Ceiling"],
                    e.Properties["Allowed"])));

        var declassifier = Assert.Single(build.Inventory, e => e.Properties["Entry"] == "declassifier");
        Assert.Equal(("Redaction.Initial", "Internal", "Keeps the first letter only"),
            (declassifier.Properties["Symbol"], declassifier.Properties["Class"], declassifier.Properties["Justification"]));
        Assert.Equal(
            ["Customer type Confidential", "Customer.Id member Public"],
            build.Inventory.Where(e => e.Properties["Entry"] == "classified").OrderBy(e => e.Line)
                .Select(e => $"{e.Properties["Symbol"]} {e.Properties["SymbolKind"]} {e.Properties["Class"]}"));

        // Inside Visual Studio the rule stays off: the IDE shows and computes nothing for it.
        var inVisualStudio = _project.Build("visual-studio", "BuildingInsideVisualStudio=true");

        Assert.True(inVisualStudio.ExitCode == 0, inVisualStudio.Describe());
        Assert.True(inVisualStudio.CompilerRan, inVisualStudio.Describe());
        Assert.Equal(["FTP0003"], inVisualStudio.AnalyzerFindings.Select(f => f.Id));
        Assert.Empty(inVisualStudio.Inventory);
    }
}
