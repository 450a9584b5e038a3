using FineTunePolicy.Analyzers;
using Microsoft.CodeAnalysis;
using Verify = FineTunePolicy.CodeFixes.Tests.Verifiers.CodeFixVerifier<
    FineTunePolicy.Analyzers.ClassifiedDataFlowAnalyzer,
    FineTunePolicy.CodeFixes.AddLlmSinkCodeFixProvider>;

namespace FineTunePolicy.CodeFixes.Tests.Rules;

/// <summary>FTP0008's fix: [LlmSink] where callers in other assemblies look for it.</summary>
public class FTP0008FixTests
{
    private static DiagnosticResult Ftp0008(int marker, int? target = null)
    {
        var result = new DiagnosticResult(DiagnosticIds.VisibleMethodSendsParameterToLlm, DiagnosticSeverity.Info).WithLocation(marker);
        return target is { } other ? result.WithLocation(other) : result.WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);
    }

    [Fact]
    public async Task InterfaceInAnotherFileWithoutTheUsing_GetsTheAttributeAndTheUsing()
    {
        const string contract = """
            using System.Threading.Tasks;

            namespace Contoso.Ai;

            public interface ITextGenerator
            {
                Task<string> {|#1:GenerateAsync|}(string prompt);
            }
            """;
        const string fixedContract = """
            using System.Threading.Tasks;
            using FineTunePolicy;

            namespace Contoso.Ai;

            public interface ITextGenerator
            {
                [LlmSink(LlmPurpose.Inference, Provider = "openai")]
                Task<string> GenerateAsync(string prompt);
            }
            """;
        const string implementation = """
            using System.Threading.Tasks;
            using OpenAI.Chat;

            namespace Contoso.Ai;

            internal sealed class OpenAiTextGenerator(ChatClient chat) : ITextGenerator
            {
                public async Task<string> {|#0:GenerateAsync|}(string prompt) => (await chat.CompleteChatAsync(prompt)).Value.Content[0].Text;
            }
            """;

        var test = new Verify.Test();
        test.TestState.Sources.Add(("/0/ITextGenerator.cs", contract));
        test.TestState.Sources.Add(("/0/OpenAiTextGenerator.cs", implementation));
        test.FixedState.Sources.Add(("/0/ITextGenerator.cs", fixedContract));
        test.FixedState.Sources.Add(("/0/OpenAiTextGenerator.cs", implementation.Replace("{|#0:GenerateAsync|}", "GenerateAsync")));
        test.ExpectedDiagnostics.Add(Ftp0008(0, target: 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task PublicMethodWithAnUnknownProvider_GetsTheAttributeWithoutProvider()
    {
        const string source = """
            using System.Threading.Tasks;
            using FineTunePolicy;
            using Microsoft.Extensions.AI;

            public sealed class Summariser(IChatClient chat)
            {
                /// <summary>Summarises.</summary>
                public Task<ChatResponse> {|#0:SummariseAsync|}(string text) => chat.GetResponseAsync("Summarise: " + text);
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using FineTunePolicy;
            using Microsoft.Extensions.AI;

            public sealed class Summariser(IChatClient chat)
            {
                /// <summary>Summarises.</summary>
                [LlmSink(LlmPurpose.Inference)]
                public Task<ChatResponse> SummariseAsync(string text) => chat.GetResponseAsync("Summarise: " + text);
            }
            """;

        await Verify.VerifyAsync(source, [Ftp0008(0)], fixedSource, AddLlmSinkCodeFixProvider.Key);
    }

    [Fact]
    public async Task FixAll_AnnotatesEachDeclarationOnce()
    {
        const string source = """
            using System.Threading.Tasks;
            using FineTunePolicy;
            using OpenAI.Chat;
            using OpenAI.Embeddings;

            public interface ITextGenerator
            {
                Task<string> {|#2:GenerateAsync|}(string prompt);
            }

            public sealed class Fast(ChatClient chat) : ITextGenerator
            {
                public async Task<string> {|#0:GenerateAsync|}(string prompt) => (await chat.CompleteChatAsync(prompt)).Value.Content[0].Text;
            }

            public sealed class Careful(ChatClient chat) : ITextGenerator
            {
                public async Task<string> {|#1:GenerateAsync|}(string prompt) => (await chat.CompleteChatAsync("Be careful. " + prompt)).Value.Content[0].Text;
            }

            public sealed class Indexer(EmbeddingClient client)
            {
                public void {|#3:Index|}(string document) => client.GenerateEmbedding(document);
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using FineTunePolicy;
            using OpenAI.Chat;
            using OpenAI.Embeddings;

            public interface ITextGenerator
            {
                [LlmSink(LlmPurpose.Inference, Provider = "openai")]
                Task<string> GenerateAsync(string prompt);
            }

            public sealed class Fast(ChatClient chat) : ITextGenerator
            {
                public async Task<string> GenerateAsync(string prompt) => (await chat.CompleteChatAsync(prompt)).Value.Content[0].Text;
            }

            public sealed class Careful(ChatClient chat) : ITextGenerator
            {
                public async Task<string> GenerateAsync(string prompt) => (await chat.CompleteChatAsync("Be careful. " + prompt)).Value.Content[0].Text;
            }

            public sealed class Indexer(EmbeddingClient client)
            {
                [LlmSink(LlmPurpose.Embedding, Provider = "openai")]
                public void Index(string document) => client.GenerateEmbedding(document);
            }
            """;

        var test = new Verify.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = AddLlmSinkCodeFixProvider.Key,
            NumberOfIncrementalIterations = 2,
            NumberOfFixAllIterations = 1,
        };
        test.ExpectedDiagnostics.AddRange([Ftp0008(0, target: 2), Ftp0008(1, target: 2), Ftp0008(3)]);
        await test.RunAsync();
    }

    [Fact]
    public async Task ProjectWithoutTheAnnotations_ReportsButOffersNoFix()
    {
        const string source = """
            using OpenAI.Chat;

            public sealed class Gateway(ChatClient chat)
            {
                public void {|#0:Ask|}(string prompt) => chat.CompleteChat(prompt);
            }
            """;

        var test = new Verify.Test { TestCode = source, FixedCode = source };
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            var annotations = project.MetadataReferences.Single(r => r.Display!.EndsWith("FineTunePolicy.Annotations.dll", StringComparison.Ordinal));
            return solution.RemoveMetadataReference(projectId, annotations);
        });
        test.ExpectedDiagnostics.Add(Ftp0008(0));
        await test.RunAsync();
    }
}
