using static FineTunePolicy.Analyzers.Tests.Verifiers.Scenario;

namespace FineTunePolicy.Analyzers.Tests.Verifiers;

/// <summary>One method that holds the SDK clients the rule tests send through (chat, files, embeddings, a local model).</summary>
internal static class RuleScenario
{
    private const string Usings = "using OpenAI.Chat; using OpenAI.Files; using OpenAI.Embeddings; using LLama; using LLama.Common; using Azure.AI.OpenAI; "
        + "using System.ClientModel;";

    public static string Method(string statements) => Code(Usings, $$"""
        public class C
        {
            public async Task M(ChatClient chat, OpenAIFileClient files, EmbeddingClient embeddings, InteractiveExecutor local, Customer c, Order o)
            {
                {{statements}}
                await Task.CompletedTask;
            }
        }
        """);
}
