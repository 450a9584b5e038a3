using Verify = FineTunePolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<FineTunePolicy.Analyzers.ClassifiedDataFlowAnalyzer>;
using static FineTunePolicy.Analyzers.Tests.Verifiers.RuleScenario;
using static FineTunePolicy.Analyzers.Tests.Verifiers.Scenario;

namespace FineTunePolicy.Analyzers.Tests.Rules;

/// <summary>
/// FTP0003: data above the inference or embedding ceiling reaches an inference or embedding sink; provider-agnostic calls get the lowest ceiling.
/// </summary>
public class FTP0003Tests
{
    [Fact]
    public Task FTP0003_ConfidentialInChat_Reports() =>
        HitAsync(Method("""chat.CompleteChat({|#0:c.Email|});"""), Descriptors.FTP0003_DataAboveInferenceCeiling);

    [Fact]
    public Task FTP0003_InternalInChat_NoDiagnostic() =>
        CleanAsync(Method("""chat.CompleteChat(c.Segment);"""));

    [Fact]
    public Task FTP0003_ConfidentialWithinManifestInferenceCeiling_NoDiagnostic() =>
        CleanAsync(Method("""chat.CompleteChat(c.Email);"""), Policies.Manifest);

    [Fact]
    public Task FTP0003_ConfidentialEmbeddingAboveAzureCeiling_Reports() =>
        HitAsync(Method("""
            var azure = new AzureOpenAIClient(new Uri("https://contoso.openai.azure.com/"), new ApiKeyCredential("k"));
            azure.GetEmbeddingClient("embed").GenerateEmbedding({|#0:c.Email|});
            """), Descriptors.FTP0003_DataAboveInferenceCeiling, Policies.Manifest);

    [Fact]
    public Task UnknownProvider_GetsLowestCeilingOfThePurpose() => HitAsync(Code("using Microsoft.Extensions.AI;", """
        public class C { public async Task M(IChatClient client, Customer c) => await client.GetResponseAsync({|#0:c.Email|}); }
        """), Descriptors.FTP0003_DataAboveInferenceCeiling,
        Policies.Header + "finetune_policy.mode = manifest\nfinetune_policy.providers = a, b\nfinetune_policy.provider.a.inference = "
            + "Confidential\nfinetune_policy.provider.b.inference = Internal\n");

    [Fact]
    public Task UnknownProvider_WithinLowestCeiling_NoDiagnostic() => CleanAsync(Code("using Microsoft.Extensions.AI;", """
        public class C { public async Task M(IChatClient client, Customer c) => await client.GetResponseAsync(c.Email); }
        """), Policies.Header + "finetune_policy.mode = manifest\nfinetune_policy.providers = a, b\nfinetune_policy.provider.a.inference = Confidential\nfinetune_policy.provider.b.inference = Confidential\n");
}
