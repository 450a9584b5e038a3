using FineTunePolicy.EndToEnd.Tests.Infrastructure;

namespace FineTunePolicy.EndToEnd.Tests;

/// <summary>
/// Two projects, as teams split them: a library with an interface, its OpenAI implementation and a customer lookup, and
/// an application that calls them with Restricted data. What a method does stays in its project until an attribute
/// carries it: first FTP0008 and FTP0009 in the library and nothing in the application; with the attributes the code
/// fixes write, FTP0001 in the application at each call.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class CrossProjectTests
{
    private const string Contract = """
        namespace Contoso.Ai;

        public interface ITextGenerator
        {
            Task<string> GenerateAsync(string prompt);
        }
        """;

    private const string Implementation = """
        using OpenAI.Chat;

        namespace Contoso.Ai;

        public sealed class OpenAiTextGenerator(ChatClient chat) : ITextGenerator
        {
            public async Task<string> GenerateAsync(string prompt)
            {
                ChatCompletion completion = await chat.CompleteChatAsync(new UserChatMessage("Answer briefly. " + prompt));
                return completion.Content[0].Text;
            }
        }
        """;

    private const string Directory = """
        using FineTunePolicy;

        namespace Contoso.Ai;

        public sealed class Customer
        {
            public int Id { get; set; }
            [Restricted(Categories = DataCategory.Personal)] public string Ssn { get; set; } = "";
        }

        public static class CustomerDirectory
        {
            private static readonly Dictionary<int, Customer> Customers = new();

            public static string SsnOf(int id) => Customers[id].Ssn;
        }
        """;

    private const string Program = """
        using Contoso.Ai;
        using FineTunePolicy;

        public sealed class Caller
        {
            [Restricted(Categories = DataCategory.Personal)] public string Ssn { get; set; } = "";
        }

        public static class Program
        {
            public static async Task Main()
            {
                ITextGenerator generator = new OpenAiTextGenerator(new OpenAI.Chat.ChatClient("gpt-4o", "key"));
                var caller = new Caller { Ssn = "078-05-1120" };
                await generator.GenerateAsync("Verify the caller: " + caller.Ssn);
                await generator.GenerateAsync("Greet customer 42, whose SSN is " + CustomerDirectory.SsnOf(42));
            }
        }
        """;

    private readonly ScenarioProject _library;
    private readonly ScenarioProject _app;

    public CrossProjectTests(PackageFeed feed, ITestOutputHelper log)
    {
        _library = new ScenarioProject(feed, "Contoso.Ai", [], log);
        _app = new ScenarioProject(feed, "Contoso.App", [], log, outputType: "Exe", references: [_library]);
    }

    [Fact]
    public void WhatAMethodDoes_TravelsToTheApplication_OnlyThroughTheAttributesTheFixesWrite()
    {
        var lib = _library;
        var app = _app;
        lib.Write("ITextGenerator.cs", Contract);
        lib.Write("OpenAiTextGenerator.cs", Implementation);
        lib.Write("CustomerDirectory.cs", Directory);
        app.Write("Program.cs", Program);

        // 1. As written: the library suggests both attributes; the application sees two calls it cannot look into.
        var build = lib.Build("library");
        Assert.True(build.ExitCode == 0, build.Describe());
        Assert.Equal(
            [
                ("FTP0009", "note", "CustomerDirectory.cs", Text.Position(lib.PathOf("CustomerDirectory.cs"), "SsnOf")),
                ("FTP0008", "note", "OpenAiTextGenerator.cs", Text.Position(lib.PathOf("OpenAiTextGenerator.cs"), "GenerateAsync(string")),
            ],
            build.AnalyzerFindings.Select(f => (f.Id, f.Severity, Path.GetFileName(f.File), (f.Line, f.Column))).OrderBy(f => f.Item3));
        var ftp0008 = build.AnalyzerFindings.Single(f => f.Id == "FTP0008");
        Assert.Equal(
            "'OpenAiTextGenerator.GenerateAsync' sends its parameter 'prompt' to 'ChatClient.CompleteChatAsync' for inference with provider 'openai', "
            + "but callers in other assemblies cannot see that and their data is not checked; mark the interface member 'ITextGenerator.GenerateAsync' "
            + "with [LlmSink(LlmPurpose.Inference, Provider = \"openai\")]",
            ftp0008.Message);
        Assert.Equal(
            "'CustomerDirectory.SsnOf' returns Restricted, Personal data from 'Customer.Ssn' as 'string', which carries no classification, so callers in "
            + "other assemblies lose the class; mark the method with [return: Restricted(Categories = DataCategory.Personal)]",
            build.AnalyzerFindings.Single(f => f.Id == "FTP0009").Message);

        build = app.Build("app", "BuildProjectReferences=false");
        Assert.True(build.ExitCode == 0, build.Describe());
        Assert.Empty(build.AnalyzerFindings);

        // 2. [LlmSink] on the interface member, as the FTP0008 fix writes it: every call through the interface is a
        //    checked sink, in the application too.
        lib.Write("ITextGenerator.cs", Contract.Replace(
            "    Task<string> GenerateAsync",
            "    [FineTunePolicy.LlmSink(FineTunePolicy.LlmPurpose.Inference, Provider = \"openai\")]\n    Task<string> GenerateAsync"));
        build = lib.Build("library-llmsink");
        Assert.Equal(["FTP0009"], build.AnalyzerFindings.Select(f => f.Id));

        build = app.Build("app-llmsink", "BuildProjectReferences=false");
        Assert.True(build.ExitCode != 0, build.Describe());
        var ftp0001 = Assert.Single(build.AnalyzerFindings);
        Assert.Equal(("FTP0001", "error", Text.Position(app.PathOf("Program.cs"), "\"Verify the caller: \"")),
            (ftp0001.Id, ftp0001.Severity, (ftp0001.Line, ftp0001.Column)));
        Assert.Contains("'Caller.Ssn'", ftp0001.Message);
        Assert.Contains("'ITextGenerator.GenerateAsync' for inference with provider 'openai'", ftp0001.Message);

        // 3. [return: Restricted] on the lookup, as the FTP0009 fix writes it: the application now knows what it returns.
        lib.Write("CustomerDirectory.cs", Directory.Replace(
            "    public static string SsnOf",
            "    [return: Restricted(Categories = DataCategory.Personal)]\n    public static string SsnOf"));
        build = lib.Build("library-return");
        Assert.True(build.ExitCode == 0, build.Describe());
        Assert.Empty(build.AnalyzerFindings);

        build = app.Build("app-return", "BuildProjectReferences=false");
        Assert.Equal(
            [
                ("FTP0001", Text.Position(app.PathOf("Program.cs"), "\"Verify the caller: \"")),
                ("FTP0001", Text.Position(app.PathOf("Program.cs"), "\"Greet customer 42")),
            ],
            build.AnalyzerFindings.Select(f => (f.Id, (f.Line, f.Column))).OrderBy(f => f.Item2));
        Assert.Contains("'CustomerDirectory.SsnOf'", build.AnalyzerFindings.Single(f => f.Message.Contains("SsnOf")).Message);
    }
}
