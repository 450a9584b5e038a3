using static FineTunePolicy.Analyzers.Tests.Verifiers.Scenario;

namespace FineTunePolicy.Analyzers.Tests.Rules;

/// <summary>[LlmSink], policy sinks, and sanitizers ([Declassifies], redactors, policy sanitizers).</summary>
public class SinkDeclarationTests
{
    [Fact]
    public Task LlmSinkMethod_EveryParameterIsASink() => HitAsync(Code("using System.Threading;", """
        public class Gateway
        {
            [LlmSink(LlmPurpose.FineTuning, Provider = "contoso")]
            public void Train(string example, CancellationToken cancellationToken) { }
        }

        public class C { public void M(Gateway gateway, Customer c) => gateway.Train({|#0:c.Email|}, CancellationToken.None); }
        """), Descriptors.FTP0002_DataAboveFineTuningCeiling);

    [Fact]
    public Task LlmSinkParameter_OnlyThatParameterIsASink() => CleanAsync(Code("", """
        public class Gateway
        {
            public void Send([LlmSink(LlmPurpose.Inference)] string prompt, string auditNote) { }
        }

        public class C { public void M(Gateway gateway, Customer c) => gateway.Send("Hello", c.Ssn); }
        """));

    [Fact]
    public Task LlmSinkParameter_ReceivesClassifiedData_Reports() => HitAsync(Code("", """
        public class Gateway
        {
            public void Send([LlmSink(LlmPurpose.Inference)] string prompt, string auditNote) { }
        }

        public class C { public void M(Gateway gateway, Customer c) => gateway.Send({|#0:c.Ssn|}, "note"); }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task PolicySink_IsASink() => HitAsync(Code("", """
        namespace Contoso.Llm
        {
            public class Proxy { public void Post(string body) { } }
            public class C { public void M(Proxy proxy, Customer c) => proxy.Post({|#0:c.Email|}); }
        }
        """), Descriptors.FTP0003_DataAboveInferenceCeiling, Policies.Header + "finetune_policy.sinks = Contoso.Llm.Proxy.Post(body):inference:contoso-proxy\n");

    [Fact]
    public Task Declassifies_CapsResult() => CleanAsync(Code("using OpenAI.Chat;", """
        public static class Mask
        {
            [Declassifies(DataClass.Public, Justification = "Keeps the last four digits only")]
            public static string LastFour(string value) => value.Substring(value.Length - 4);
        }

        public class C { public void M(ChatClient chat, Customer c) => chat.CompleteChat("SSN ending " + Mask.LastFour(c.Ssn)); }
        """));

    [Fact]
    public Task DeclassifiesToInternal_StillAboveFineTuningCeiling() => HitAsync(Code("using OpenAI.Files;", """
        public static class Mask
        {
            [Declassifies(DataClass.Internal, Justification = "Hashes the value with a keyed hash")]
            public static string Hash(string value) => value.GetHashCode().ToString();
        }

        public class C { public void M(OpenAIFileClient files, Customer c) => files.UploadFile({|#0:BinaryData.FromString(Mask.Hash(c.Ssn))|}, "t.jsonl", FileUploadPurpose.FineTune); }
        """), Descriptors.FTP0002_DataAboveFineTuningCeiling);

    [Fact]
    public Task ComplianceRedactor_CapsAtPublic() => CleanAsync(Code("using OpenAI.Chat; using Microsoft.Extensions.Compliance.Redaction;", """
        public class C { public void M(ChatClient chat, Redactor redactor, Customer c) => chat.CompleteChat("SSN: " + redactor.Redact(c.Ssn)); }
        """));

    [Fact]
    public Task PolicySanitizer_CapsResult() => CleanAsync(Code("using OpenAI.Chat;", """
        namespace Contoso.Privacy
        {
            public static class Scrubber { public static string Scrub(string text) => text; }
            public class C { public void M(ChatClient chat, Customer c) => chat.CompleteChat(Scrubber.Scrub(c.Ssn)); }
        }
        """), Policies.Header + "finetune_policy.sanitizers = Contoso.Privacy.Scrubber.Scrub:Public\n");

    [Fact]
    public Task UnknownMethodWithoutSanitizer_Propagates() => HitAsync(Code("using OpenAI.Chat;", """
        namespace Contoso.Privacy
        {
            public interface IScrubber { string Scrub(string text); }
            public class C { public void M(ChatClient chat, IScrubber scrubber, Customer c) => chat.CompleteChat({|#0:scrubber.Scrub(c.Ssn)|}); }
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public async Task DeclassifiedSource_IsNotNamedInMessage()
    {
        var source = Scenario.Code("using OpenAI.Chat;", """
            public static class Mask
            {
                [Declassifies(DataClass.Internal, Justification = "Keeps the domain only")]
                public static string Domain(string email) => email.Substring(email.IndexOf('@'));
            }

            public class C { public void M(ChatClient chat, Customer c) => chat.CompleteChat({|#0:Mask.Domain(c.Email) + c.Ssn|}); }
            """);
        await AnalyzerVerifier<ClassifiedDataFlowAnalyzer>.VerifyAsync(source,
            AnalyzerVerifier<ClassifiedDataFlowAnalyzer>.Diagnostic(Descriptors.FTP0001_RestrictedDataReachesLlm)
            .WithLocation(0)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("'Customer.Ssn'", "Restricted, Personal", "'ChatClient.CompleteChat'", "inference", "openai", "Internal (default policy, no "
                + "manifest)"));
    }
}
