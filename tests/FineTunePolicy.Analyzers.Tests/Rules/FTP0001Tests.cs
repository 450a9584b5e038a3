using Verify = FineTunePolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<FineTunePolicy.Analyzers.FineTunePolicyAnalyzer>;

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
                .WithArguments("'Customer.Ssn'", "Restricted, Personal", "'ChatClient.CompleteChat'", "inference", "openai", "Internal (default policy, no manifest)"));
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
}
