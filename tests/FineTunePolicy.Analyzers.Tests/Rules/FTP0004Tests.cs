using Verify = FineTunePolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<FineTunePolicy.Analyzers.ClassifiedDataFlowAnalyzer>;
using static FineTunePolicy.Analyzers.Tests.Verifiers.RuleScenario;
using static FineTunePolicy.Analyzers.Tests.Verifiers.Scenario;

namespace FineTunePolicy.Analyzers.Tests.Rules;

/// <summary>FTP0004: a call to a provider the manifest does not allow for the purpose.</summary>
public class FTP0004Tests
{
    [Fact]
    public async Task FTP0004_ProviderWithoutThePurpose_Reports()
    {
        var source = Method("""{|#0:embeddings.GenerateEmbedding(c.Name)|};""");
        await Verify.VerifyAsync(source, Policies.Manifest, Verify.Diagnostic(Descriptors.FTP0004_ProviderNotAllowedForPurpose)
            .WithLocation(0)
            .WithArguments("'EmbeddingClient.GenerateEmbedding'", "openai", "embedding", "allowed for embedding: azure-openai"));
    }

    [Fact]
    public Task FTP0004_AzureProviderAllowedForEmbedding_NoDiagnostic() =>
        CleanAsync(Method("""
            var azure = new AzureOpenAIClient(new Uri("https://contoso.openai.azure.com/"), new ApiKeyCredential("k"));
            azure.GetEmbeddingClient("embed").GenerateEmbedding(c.Name);
            """), Policies.Manifest);

    [Fact]
    public Task FTP0004_NeverWithoutManifest() =>
        CleanAsync(Method("""embeddings.GenerateEmbedding(c.Name);"""));

    [Fact]
    public Task FTP0004_UnknownProviderWithNoProviderForPurpose_Reports() => HitAsync(Code("using Microsoft.Extensions.AI;", """
        public class C { public async Task M(IImageGenerator images, Customer c) => await images.GenerateImagesAsync("a cat"); }
        """).Replace("images.GenerateImagesAsync(\"a cat\")", "{|#0:images.GenerateImagesAsync(\"a cat\")|}"), Descriptors.FTP0004_ProviderNotAllowedForPurpose,
        Policies.Header + "finetune_policy.mode = manifest\nfinetune_policy.providers = openai\nfinetune_policy.provider.openai.embedding = Internal\n");
}
