using static FineTunePolicy.Analyzers.Tests.Verifiers.Scenario;

namespace FineTunePolicy.Analyzers.Tests.Flow;

/// <summary>Summaries of methods in the same compilation: results, effects, and parameters that reach sinks.</summary>
public class InterproceduralTests
{
    private const string Chat = "using OpenAI.Chat;";

    [Fact]
    public Task ThreeLevelStaticChain_CarriesClass() => HitAsync(Code(Chat, """
        public static class Prompts
        {
            public static string Level1(Customer c) => Level2(c) + "?";
            private static string Level2(Customer c) => "About " + Level3(c);
            private static string Level3(Customer c) => c.Name + " " + c.Ssn;
        }

        public class Bot
        {
            public void Run(ChatClient chat, Customer customer) => chat.CompleteChat({|#0:Prompts.Level1(customer)|});
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task ThreeLevelChainReadingPublicMembers_NoDiagnostic() => CleanAsync(Code(Chat, """
        public static class Prompts
        {
            public static string Level1(Customer c) => Level2(c) + "?";
            private static string Level2(Customer c) => "About " + Level3(c);
            private static string Level3(Customer c) => c.Name + " #" + c.Id;
        }

        public class Bot
        {
            public void Run(ChatClient chat, Customer customer) => chat.CompleteChat(Prompts.Level1(customer));
        }
        """));

    [Fact]
    public Task HelperReturningConstant_IsPublic() => CleanAsync(Code(Chat, """
        public class Bot
        {
            private static string Greeting(Customer c) => "Hello there";

            public void Run(ChatClient chat, Customer customer) => chat.CompleteChat(Greeting(customer));
        }
        """));

    [Fact]
    public Task InstanceMethodsAndFields_CarryClass() => HitAsync(Code(Chat, """
        public class PromptBuilder
        {
            private readonly string _prefix = "Customer: ";

            public string Build(Customer c) => _prefix + Describe(c);

            private string Describe(Customer c) => c.Email;
        }

        public class Bot
        {
            public void Run(ChatClient chat, Customer customer)
            {
                var builder = new PromptBuilder();
                chat.CompleteChat({|#0:builder.Build(customer)|});
            }
        }
        """), Descriptors.FTP0003_DataAboveInferenceCeiling);

    [Fact]
    public Task ExtensionMethod_CarriesClass() => HitAsync(Code(Chat, """
        public static class CustomerExtensions
        {
            public static string ToPrompt(this Customer c) => $"{c.Name} ({c.Ssn})";
        }

        public class Bot
        {
            public void Run(ChatClient chat, Customer customer) => chat.CompleteChat({|#0:customer.ToPrompt()|});
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task LocalFunction_CarriesClass() => HitAsync(Code(Chat, """
        public class Bot
        {
            public void Run(ChatClient chat, Customer customer)
            {
                chat.CompleteChat({|#0:Format(customer.Email)|});

                static string Format(string value) => "Mail: " + value;
            }
        }
        """), Descriptors.FTP0003_DataAboveInferenceCeiling);

    [Fact]
    public Task LambdaCapturingClassifiedLocal_CarriesClass() => HitAsync(Code(Chat, """
        public class Bot
        {
            public void Run(ChatClient chat, Customer customer)
            {
                var ssn = customer.Ssn;
                Func<string> make = () => "SSN " + ssn;
                chat.CompleteChat({|#0:make()|});
            }
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task SinkInsideLambda_IsChecked() => HitAsync(Code(Chat, """
        public class Bot
        {
            public void Run(ChatClient chat, List<Customer> customers)
            {
                customers.ForEach(c => chat.CompleteChat({|#0:c.Ssn|}));
            }
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task SelfRecursion_TerminatesAndCarriesClass() => HitAsync(Code(Chat, """
        public static class Prompts
        {
            public static string Repeat(Customer c, int times) => times <= 0 ? c.Ssn : Repeat(c, times - 1) + ",";
        }

        public class Bot
        {
            public void Run(ChatClient chat, Customer customer) => chat.CompleteChat({|#0:Prompts.Repeat(customer, 3)|});
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public async Task MutualRecursion_TerminatesAndCarriesClass()
    {
        const string body = """
            public static class Prompts
            {
                public static string Ping(Customer c, int n) => n == 0 ? c.Email : Pong(c, n - 1);
                public static string Pong(Customer c, int n) => n == 0 ? "" : Ping(c, n - 1);
            }

            public class Bot
            {
                public void Run(ChatClient chat, Customer customer) => chat.CompleteChat({|#0:Prompts.Pong(customer, 3)|});
            }
            """;
        await HitAsync(Code(Chat, body), Descriptors.FTP0003_DataAboveInferenceCeiling);
    }

    [Fact]
    public Task WrapperParameterReachingSdk_ReportedAtCaller() => HitAsync(Code(Chat, """
        public class Assistant
        {
            private readonly ChatClient _chat;

            public Assistant(ChatClient chat) => _chat = chat;

            public string Ask(string question) => Send("Answer briefly: " + question);

            private string Send(string prompt) => _chat.CompleteChat(prompt).Value.Content[0].Text;
        }

        public class Controller
        {
            public void Handle(Assistant assistant, Customer customer)
            {
                assistant.Ask({|#0:customer.Ssn|});
            }
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task WrapperCalledWithPublicData_NoDiagnostic() => CleanAsync(Code(Chat, """
        public class Assistant
        {
            private readonly ChatClient _chat;

            public Assistant(ChatClient chat) => _chat = chat;

            public string Ask(string question) => _chat.CompleteChat(question).Value.Content[0].Text;
        }

        public class Controller
        {
            public void Handle(Assistant assistant, Customer customer) => assistant.Ask("Order status for #" + customer.Id);
        }
        """));

    [Fact]
    public Task HelperThatFillsCollection_MakesCallerCollectionClassified() => HitAsync(Code(Chat, """
        public static class History
        {
            public static void AddCustomer(List<ChatMessage> messages, Customer c) => messages.Add(new UserChatMessage(c.Email));
        }

        public class Bot
        {
            public void Run(ChatClient chat, Customer customer)
            {
                var messages = new List<ChatMessage>();
                History.AddCustomer(messages, customer);
                chat.CompleteChat({|#0:messages|});
            }
        }
        """), Descriptors.FTP0003_DataAboveInferenceCeiling);

    [Fact]
    public Task ConstructorStoringArgument_MakesObjectClassified() => HitAsync(Code(Chat, """
        public class Envelope
        {
            public Envelope(string content) => Content = content;
            public string Content { get; }
        }

        public class Bot
        {
            public void Run(ChatClient chat, Customer customer)
            {
                var envelope = new Envelope(customer.Ssn);
                chat.CompleteChat({|#0:envelope.Content|});
            }
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task ComputedProperty_CarriesWhatItReads() => HitAsync(Code(Chat, """
        public class Patient
        {
            public string First { get; set; } = "";
            [Restricted(Categories = DataCategory.Health)] public string Diagnosis { get; set; } = "";
            public string Summary => First + ": " + Diagnosis;
        }

        public class Bot
        {
            public void Run(ChatClient chat, Patient patient) => chat.CompleteChat({|#0:patient.Summary|});
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task HelperReadingOneMemberThroughUnseenCalls_CarriesOnlyThatMember() => CleanAsync(Code(Chat, """
        public class Bot
        {
            private static string Name(Customer c) => c.Name.Trim();
            private static UserChatMessage Greeting(Customer c) => new UserChatMessage("Hello " + c.Name);
            private static string Names(List<Customer> all) => string.Join(",", all.Select(c => c.Name.ToUpperInvariant()));

            public void A(ChatClient client, Customer customer) => client.CompleteChat(new UserChatMessage(Name(customer)));
            public void B(ChatClient client, Customer customer) => client.CompleteChat(Greeting(customer));
            public void C(ChatClient client, List<Customer> customers) => client.CompleteChat(Names(customers));
        }
        """));

    [Fact]
    public Task HelperSendingWholeObject_ChargesCallerWithWholeClass() => HitAsync(Code(Chat, """
        public class Bot
        {
            private static string Describe(object value) => System.Text.Json.JsonSerializer.Serialize(value);

            public void Run(ChatClient client, Order order) => client.CompleteChat({|#0:Describe(order)|});
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task GenericHelperSerialisingItsArgument_ChargesCallerWithWholeClass() => HitAsync(Code(Chat, """
        public class Bot
        {
            private static string Describe<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value);

            public void Run(ChatClient client, Order order) => client.CompleteChat({|#0:Describe(order)|});
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);
}
