using static FineTunePolicy.Analyzers.Tests.Verifiers.RuleScenario;
using static FineTunePolicy.Analyzers.Tests.Verifiers.Scenario;
using Verify = FineTunePolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<FineTunePolicy.Analyzers.ClassifiedDataFlowAnalyzer>;

namespace FineTunePolicy.Analyzers.Tests.Rules;

public class FTP0001Tests
{
    [Fact]
    public async Task RestrictedPropertyInUserChatMessage_ReportsFTP0001()
    {
        const string source = """
            using FineTunePolicy;
            using OpenAI.Chat;

            public class Customer
            {
                [Restricted(Categories = DataCategory.Personal)] public string Ssn { get; set; } = "";
                public string Name { get; set; } = "";
            }

            public class Bot
            {
                public void Ask(ChatClient client, Customer customer)
                {
                    client.CompleteChat({|#0:new UserChatMessage("SSN: " + customer.Ssn)|});
                }
            }
            """;

        await Verify.VerifyAsync(source,
            Verify.Diagnostic(Descriptors.FTP0001_RestrictedDataReachesLlm)
                .WithLocation(0)
                .WithLocation(6, 68)
                .WithArguments("'Customer.Ssn'", "Restricted, Personal", "'ChatClient.CompleteChat'", "inference", "openai", "Internal (default policy, no "
                    + "manifest)"));
    }

    [Fact]
    public async Task UnclassifiedPropertyOfSameType_NoDiagnostic()
    {
        const string source = """
            using FineTunePolicy;
            using OpenAI.Chat;

            public class Customer
            {
                [Restricted] public string Ssn { get; set; } = "";
                public string Name { get; set; } = "";
            }

            public class Bot
            {
                public void Ask(ChatClient client, Customer customer) =>
                    client.CompleteChat(new UserChatMessage("Hello " + customer.Name));
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public Task FTP0001_RestrictedToLocalModelWithoutPolicy_Reports() =>
        HitAsync(Method("""await foreach (var _ in local.InferAsync({|#0:c.Ssn|}, new InferenceParams())) { }"""),
            Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task FTP0001_RestrictedToInternalProviderGrantedRestricted_NoDiagnostic() =>
        CleanAsync(Method("""await foreach (var _ in local.InferAsync(c.Ssn, new InferenceParams())) { }"""), Policies.Manifest);

    [Fact]
    public Task FTP0001_RestrictedToExternalProviderWithManifest_Reports() =>
        HitAsync(Method("""chat.CompleteChat({|#0:o.CardNumber|});"""), Descriptors.FTP0001_RestrictedDataReachesLlm, Policies.Manifest);

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
            .WithArguments("'Customer.Ssn', 'Order.CardNumber'", "Restricted, Personal, Payment", "'ChatClient.CompleteChat'", "inference", "openai",
                "Internal (default policy, no manifest)"));
    }
}
