using Verify = FineTunePolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<FineTunePolicy.Analyzers.FineTunePolicyAnalyzer>;
using static FineTunePolicy.Analyzers.Tests.Verifiers.Scenario;

namespace FineTunePolicy.Analyzers.Tests.Rules;

/// <summary>FTP0001-FTP0004 against the default policy and a manifest policy, each with a near miss.</summary>
public class RuleTests
{
    private const string Usings = "using OpenAI.Chat; using OpenAI.Files; using OpenAI.Embeddings; using LLama; using LLama.Common; using Azure.AI.OpenAI; using System.ClientModel;";

    private static string Method(string statements) => Code(Usings, $$"""
        public class C
        {
            public async Task M(ChatClient chat, OpenAIFileClient files, EmbeddingClient embeddings, InteractiveExecutor local, Customer c, Order o)
            {
                {{statements}}
                await Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public Task FTP0001_RestrictedToLocalModelWithoutPolicy_Reports() =>
        HitAsync(Method("""await foreach (var _ in local.InferAsync({|#0:c.Ssn|}, new InferenceParams())) { }"""), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task FTP0001_RestrictedToInternalProviderGrantedRestricted_NoDiagnostic() =>
        CleanAsync(Method("""await foreach (var _ in local.InferAsync(c.Ssn, new InferenceParams())) { }"""), Policies.Manifest);

    [Fact]
    public Task FTP0001_RestrictedToExternalProviderWithManifest_Reports() =>
        HitAsync(Method("""chat.CompleteChat({|#0:o.CardNumber|});"""), Descriptors.FTP0001_RestrictedDataReachesLlm, Policies.Manifest);

    [Fact]
    public Task FTP0002_ConfidentialInFineTuningUpload_Reports() =>
        HitAsync(Method("""files.UploadFile({|#0:BinaryData.FromString(c.Email)|}, "train.jsonl", FileUploadPurpose.FineTune);"""), Descriptors.FTP0002_DataAboveFineTuningCeiling);

    [Fact]
    public Task FTP0002_InternalInFineTuningUpload_Reports() =>
        HitAsync(Method("""files.UploadFile({|#0:BinaryData.FromString(c.Segment)|}, "train.jsonl", FileUploadPurpose.FineTune);"""), Descriptors.FTP0002_DataAboveFineTuningCeiling);

    [Fact]
    public Task FTP0002_PublicInFineTuningUpload_NoDiagnostic() =>
        CleanAsync(Method("""files.UploadFile(BinaryData.FromString(c.Name + c.Id), "train.jsonl", FileUploadPurpose.FineTune);"""));

    [Fact]
    public Task FTP0002_InternalWithinManifestFineTuningCeiling_NoDiagnostic() =>
        CleanAsync(Method("""files.UploadFile(BinaryData.FromString(c.Segment), "train.jsonl", FileUploadPurpose.FineTune);"""), Policies.Manifest);

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

    [Fact]
    public Task UnknownProvider_GetsLowestCeilingOfThePurpose() => HitAsync(Code("using Microsoft.Extensions.AI;", """
        public class C { public async Task M(IChatClient client, Customer c) => await client.GetResponseAsync({|#0:c.Email|}); }
        """), Descriptors.FTP0003_DataAboveInferenceCeiling,
        Policies.Header + "finetune_policy.mode = manifest\nfinetune_policy.providers = a, b\nfinetune_policy.provider.a.inference = Confidential\nfinetune_policy.provider.b.inference = Internal\n");

    [Fact]
    public Task UnknownProvider_WithinLowestCeiling_NoDiagnostic() => CleanAsync(Code("using Microsoft.Extensions.AI;", """
        public class C { public async Task M(IChatClient client, Customer c) => await client.GetResponseAsync(c.Email); }
        """), Policies.Header + "finetune_policy.mode = manifest\nfinetune_policy.providers = a, b\nfinetune_policy.provider.a.inference = Confidential\nfinetune_policy.provider.b.inference = Confidential\n");

    [Fact]
    public async Task AdditionalLocations_PointAtSources()
    {
        var source = Method("""chat.CompleteChat({|#0:c.Ssn + o.CardNumber|});""");
        var customerSsn = source.Split('\n').Select((line, index) => (line, index)).First(x => x.line.Contains("string Ssn")).index + 1;
        var orderCard = source.Split('\n').Select((line, index) => (line, index)).First(x => x.line.Contains("string CardNumber")).index + 1;
        await Verify.VerifyAsync(source, Verify.Diagnostic(Descriptors.FTP0001_RestrictedDataReachesLlm)
            .WithLocation(0)
            .WithLocation(customerSsn, 68)
            .WithLocation(orderCard, 67)
            .WithArguments("'Customer.Ssn', 'Order.CardNumber'", "Restricted, Personal, Payment", "'ChatClient.CompleteChat'", "inference", "openai", "Internal (default policy, no manifest)"));
    }
}
