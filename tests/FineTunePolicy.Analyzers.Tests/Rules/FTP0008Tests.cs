using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Verify = FineTunePolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<FineTunePolicy.Analyzers.ClassifiedDataFlowAnalyzer>;

namespace FineTunePolicy.Analyzers.Tests.Rules;

/// <summary>FTP0008: a method other assemblies call sends a parameter to an LLM, and says nothing of it.</summary>
public class FTP0008Tests
{
    private const string Usings = """
        using System.Threading.Tasks;
        using FineTunePolicy;
        using OpenAI.Chat;

        """;

    internal static async Task VerifyAsync(string source, OutputKind outputKind, params DiagnosticResult[] expected)
    {
        var test = Verify.CreateTest(source);
        test.DisabledDiagnostics.Remove(DiagnosticIds.VisibleMethodSendsParameterToLlm);
        test.DisabledDiagnostics.Remove(DiagnosticIds.VisibleMethodReturnsClassifiedData);
        test.SolutionTransforms.Add((solution, projectId) =>
            solution.WithProjectCompilationOptions(projectId, solution.GetProject(projectId)!.CompilationOptions!.WithOutputKind(outputKind)));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    internal static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync(source, OutputKind.DynamicallyLinkedLibrary, expected);

    [Fact]
    public async Task ImplementationOfAPublicInterface_ReportsOnItsName_ProposingTheInterfaceMember()
    {
        const string source = Usings + """
            public interface ITextGenerator
            {
                Task<string> {|#1:GenerateAsync|}(string prompt);
            }

            internal sealed class OpenAiTextGenerator(ChatClient chat) : ITextGenerator
            {
                public async Task<string> {|#0:GenerateAsync|}(string prompt)
                {
                    ChatCompletion completion = await chat.CompleteChatAsync(new UserChatMessage("Answer briefly. " + prompt));
                    return completion.Content[0].Text;
                }
            }
            """;

        await VerifyAsync(source,
            Verify.Diagnostic(Descriptors.FTP0008_VisibleMethodSendsParameterToLlm)
                .WithLocation(0)
                .WithLocation(1)
                .WithArguments("'OpenAiTextGenerator.GenerateAsync'", "prompt", "'ChatClient.CompleteChatAsync'", "inference", "openai",
                    "the interface member 'ITextGenerator.GenerateAsync'", "LlmSink(LlmPurpose.Inference, Provider = \"openai\")"));
    }

    [Fact]
    public async Task PublicMethodOfAPublicClass_ProposesTheMethodItself()
    {
        const string source = Usings + """
            using Microsoft.Extensions.AI;

            public sealed class Summariser(IChatClient chat)
            {
                public Task<ChatResponse> {|#0:SummariseAsync|}(string text, int words) =>
                    chat.GetResponseAsync($"Summarise in {words} words: {text}");
            }
            """;

        await VerifyAsync(source,
            Verify.Diagnostic(Descriptors.FTP0008_VisibleMethodSendsParameterToLlm)
                .WithLocation(0)
                .WithArguments("'Summariser.SummariseAsync'", "text", "'ChatClientExtensions.GetResponseAsync'", "inference", "unknown",
                    "the method", "LlmSink(LlmPurpose.Inference)"));
    }

    [Fact]
    public async Task OverrideOfAPublicBaseMember_ProposesTheBaseMember()
    {
        const string source = Usings + """
            public abstract class Embedder
            {
                public abstract Task {|#1:IndexAsync|}(string document);
            }

            public sealed class OpenAiEmbedder(OpenAI.Embeddings.EmbeddingClient client) : Embedder
            {
                public override Task {|#0:IndexAsync|}(string document) => client.GenerateEmbeddingAsync(document);
            }
            """;

        await VerifyAsync(source,
            Verify.Diagnostic(Descriptors.FTP0008_VisibleMethodSendsParameterToLlm)
                .WithLocation(0)
                .WithLocation(1)
                .WithArguments("'OpenAiEmbedder.IndexAsync'", "document", "'EmbeddingClient.GenerateEmbeddingAsync'", "embedding", "openai",
                    "the base member 'Embedder.IndexAsync'", "LlmSink(LlmPurpose.Embedding, Provider = \"openai\")"));
    }

    [Fact]
    public async Task InterfaceMemberMarkedLlmSink_NoDiagnostic()
    {
        const string source = Usings + """
            public interface ITextGenerator
            {
                [LlmSink(LlmPurpose.Inference, Provider = "openai")]
                Task<string> GenerateAsync(string prompt);
            }

            internal sealed class OpenAiTextGenerator(ChatClient chat) : ITextGenerator
            {
                public async Task<string> GenerateAsync(string prompt) => (await chat.CompleteChatAsync(prompt)).Value.Content[0].Text;
            }
            """;

        await VerifyAsync(source);
    }

    [Fact]
    public async Task MethodMarkedLlmSink_NoDiagnostic()
    {
        const string source = Usings + """
            public sealed class Gateway(ChatClient chat)
            {
                [LlmSink(LlmPurpose.Inference, Provider = "openai")]
                public void Ask(string prompt) => chat.CompleteChat(prompt);
            }
            """;

        await VerifyAsync(source);
    }

    [Fact]
    public async Task InternalTypeWithoutPublicContract_NoDiagnostic()
    {
        const string source = Usings + """
            internal sealed class Gateway(ChatClient chat)
            {
                public void Ask(string prompt) => chat.CompleteChat(prompt);
            }

            public sealed class Other(ChatClient chat)
            {
                internal void Ask(string prompt) => chat.CompleteChat(prompt);
                private void AskPrivately(string prompt) => chat.CompleteChat(prompt);
            }
            """;

        await VerifyAsync(source);
    }

    [Fact]
    public async Task OnlyMembersOfTheParameterAreSent_NoDiagnostic()
    {
        // Customer's members carry declared classes, which the analyzer checks here (FTP0001 would fire for Ssn).
        const string source = Usings + """
            public sealed class Customer { public string Name { get; set; } = ""; }

            public sealed class Greeter(ChatClient chat)
            {
                public void Greet(Customer customer) => chat.CompleteChat("Write a greeting for " + customer.Name);
            }
            """;

        await VerifyAsync(source);
    }

    [Fact]
    public async Task Executable_NoDiagnostic()
    {
        const string source = Usings + """
            public sealed class Gateway(ChatClient chat)
            {
                public void Ask(string prompt) => chat.CompleteChat(prompt);
            }

            public static class Program
            {
                public static void Main() { }
            }
            """;

        await VerifyAsync(source, OutputKind.ConsoleApplication);
    }
}
