using Microsoft.CodeAnalysis.Testing;
using static FineTunePolicy.Analyzers.Tests.Verifiers.Scenario;
using Verify = FineTunePolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<FineTunePolicy.Analyzers.ClassifiedDataFlowAnalyzer>;

namespace FineTunePolicy.Analyzers.Tests.Flow;

/// <summary>Fields, auto-properties and captured primary-constructor parameters of the compilation's own types (issue 11, bullet 1).</summary>
public class StateFlowTests
{
    private const string Chat = "using OpenAI.Chat;";

    // A fluent builder and a request object, for the tests of objects kept in one method.
    private const string PromptBuilderType = """
        public class PromptBuilder
        {
            private readonly List<string> _parts = new();

            public PromptBuilder With(string part)
            {
                _parts.Add(part);
                return this;
            }

            public string Build() => string.Join("\n", _parts);
        }

        """;

    private const string RequestType = """
        public class Request
        {
            public Request() { }

            public Request(string prompt) => Prompt = prompt;

            public string Prompt { get; set; } = "";

            public string Audit { get; set; } = "";

            public void Stamp(string text) => Prompt = text;
        }

        """;

    [Fact]
    public async Task FieldWrittenInOneMethodSentInAnother_ReportsThePathThroughTheState()
    {
        const string source = """
            using FineTunePolicy;
            using OpenAI.Chat;

            public class Member
            {
                [Restricted(Categories = DataCategory.Personal)] public string HomeAddress { get; set; } = "";
            }

            public class ConciergeSession
            {
                private readonly ChatClient _chat;
                private string _context = "";

                public ConciergeSession(ChatClient chat) => _chat = chat;

                public void Remember(Member member) => _context = "Lives at " + member.HomeAddress;

                public void Ask(string question) => _chat.CompleteChat({|#0:_context + question|});
            }
            """;

        await Verify.VerifyAsync(source,
            Verify.Diagnostic(Descriptors.FTP0001_RestrictedDataReachesLlm)
                .WithLocation(0)
                .WithLocation(6, 68)
                .WithLocation(16, 44)
                .WithArguments("'Member.HomeAddress' (stored in 'ConciergeSession._context')", "Restricted, Personal", "'ChatClient.CompleteChat'", "inference",
                    "openai", "Internal (default policy, no manifest)"));
    }

    [Fact]
    public Task FieldWrittenOnlyWithPublicData_NoDiagnostic() => CleanAsync(Code(Chat, """
        public class ConciergeSession(ChatClient chat)
        {
            private string _context = "";

            public void Remember(Customer customer) => _context = "Customer #" + customer.Id + " " + customer.Name;

            public void Ask(string question) => chat.CompleteChat(_context + question);
        }
        """));

    [Fact]
    public Task PublicAttributeOnTheField_OverridesWhatIsWritten() => CleanAsync(Code(Chat, """
        public class ConciergeSession(ChatClient chat)
        {
            [Public] private string _context = "";

            public void Remember(Customer customer) => _context = customer.Ssn;

            public void Ask(string question) => chat.CompleteChat(_context + question);
        }
        """));

    [Fact]
    public Task ConstructorParameterStoredInField_CarriesWhatTheCallerPasses() => HitAsync(Code(Chat, """
        public class Assistant
        {
            private readonly ChatClient _chat;
            private readonly string _persona;

            public Assistant(ChatClient chat, string persona)
            {
                _chat = chat;
                _persona = persona;
            }

            public void Greet() => _chat.CompleteChat({|#0:"You are talking to " + _persona|});
        }

        public class Startup
        {
            public Assistant Make(ChatClient chat, Customer customer) => new Assistant(chat, customer.Email);
        }
        """), Descriptors.FTP0003_DataAboveInferenceCeiling);

    [Fact]
    public Task ConstructorParameterStoredInField_PublicArguments_NoDiagnostic() => CleanAsync(Code(Chat, """
        public class Assistant
        {
            private readonly ChatClient _chat;
            private readonly string _persona;

            public Assistant(ChatClient chat, string persona)
            {
                _chat = chat;
                _persona = persona;
            }

            public void Greet() => _chat.CompleteChat("You are talking to " + _persona);
        }

        public class Startup
        {
            public Assistant Make(ChatClient chat, Customer customer) => new Assistant(chat, customer.Name);
        }
        """));

    [Fact]
    public Task CapturedPrimaryConstructorParameter_CarriesWhatConstructionsPass() => HitAsync(Code(Chat, """
        public class Briefing(ChatClient chat, string notes)
        {
            public void Send() => chat.CompleteChat({|#0:$"Notes: {notes}"|});
        }

        public class Desk
        {
            public void Open(ChatClient chat, Customer customer) => new Briefing(chat, customer.Ssn).Send();
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public async Task CapturedPrimaryConstructorParameter_ReportsThePathThroughTheParameter_AtTheConstructionsArgument()
    {
        const string source = """
            using FineTunePolicy;
            using OpenAI.Chat;

            public class Member
            {
                [Restricted(Categories = DataCategory.Personal)] public string HomeAddress { get; set; } = "";
            }

            public class Briefing(ChatClient chat, string notes)
            {
                public void Send() => chat.CompleteChat({|#0:"Notes: " + notes|});
            }

            public class Desk
            {
                public Briefing Open(ChatClient chat, Member member) => new Briefing(chat, "Lives at " + member.HomeAddress);
            }
            """;

        await Verify.VerifyAsync(source,
            Verify.Diagnostic(Descriptors.FTP0001_RestrictedDataReachesLlm)
                .WithLocation(0)
                .WithLocation(6, 68)
                .WithLocation(16, 80)
                .WithArguments("'Member.HomeAddress' (stored in the captured parameter 'Briefing.notes')", "Restricted, Personal",
                    "'ChatClient.CompleteChat'", "inference", "openai", "Internal (default policy, no manifest)"));
    }

    [Fact]
    public async Task CapturedPrimaryConstructorParameter_PassedOnByADerivedTypesBaseCall_ReportsTheBaseCallsArgument()
    {
        const string source = """
            using FineTunePolicy;
            using OpenAI.Chat;

            public class Member
            {
                [Restricted] public string Ssn { get; set; } = "";
            }

            public class Briefing(ChatClient chat, string notes)
            {
                public void Send() => chat.CompleteChat({|#0:notes|});
            }

            public class MemberBriefing(ChatClient chat, Member member) : Briefing(chat, "SSN " + member.Ssn);
            """;

        await Verify.VerifyAsync(source,
            Verify.Diagnostic(Descriptors.FTP0001_RestrictedDataReachesLlm)
                .WithLocation(0)
                .WithLocation(6, 32)
                .WithLocation(14, 78)
                .WithArguments("'Member.Ssn' (stored in the captured parameter 'Briefing.notes')", "Restricted",
                    "'ChatClient.CompleteChat'", "inference", "openai", "Internal (default policy, no manifest)"));
    }

    [Fact]
    public Task CapturedPrimaryConstructorParameter_ConstructionInAFieldInitializer_CarriesWhatItPasses() => HitAsync(Code(Chat, """
        public class Briefing(ChatClient chat, string notes)
        {
            public void Send() => chat.CompleteChat({|#0:$"Notes: {notes}"|});
        }

        public class Desk(ChatClient chat, Customer customer)
        {
            private readonly Briefing _briefing = new(chat, customer.Ssn);

            public void Open() => _briefing.Send();
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task CapturedPrimaryConstructorParameter_ConstructionInAPropertyInitializer_ReadsTheOuterConstructionsArguments() => HitAsync(Code(Chat, """
        public class Briefing(ChatClient chat, string notes)
        {
            public void Send() => chat.CompleteChat({|#0:$"Notes: {notes}"|});
        }

        public class Desk(ChatClient chat, string summary)
        {
            public Briefing Briefing { get; } = new Briefing(chat, summary);
        }

        public class Front
        {
            public void Open(ChatClient chat, Customer customer) => new Desk(chat, customer.Ssn).Briefing.Send();
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task CapturedPrimaryConstructorParameter_ConstructionInAStaticFieldInitializer_CarriesWhatItPasses() => HitAsync(Code(Chat, """
        public class Briefing(ChatClient chat, string notes)
        {
            public void Send() => chat.CompleteChat({|#0:$"Notes: {notes}"|});
        }

        public static class Demo
        {
            private static readonly Customer Sample = new() { Ssn = "078-05-1120" };
            private static readonly Briefing Shared = new(new ChatClient("gpt-4o", "key"), Sample.Ssn);

            public static void Open() => Shared.Send();
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task CapturedPrimaryConstructorParameter_ConstructionInAFieldInitializer_PublicArguments_NoDiagnostic() => CleanAsync(Code(Chat, """
        public class Briefing(ChatClient chat, string notes)
        {
            public void Send() => chat.CompleteChat($"Notes: {notes}");
        }

        public class Desk(ChatClient chat, Customer customer)
        {
            private readonly Briefing _briefing = new(chat, "Customer " + customer.Id);

            public void Open() => _briefing.Send();
        }
        """));

    [Fact]
    public Task CapturedPrimaryConstructorParameter_PublicArguments_NoDiagnostic() => CleanAsync(Code(Chat, """
        public class Briefing(ChatClient chat, string notes)
        {
            public void Send() => chat.CompleteChat($"Notes: {notes}");
        }

        public class Desk
        {
            public void Open(ChatClient chat, Customer customer) => new Briefing(chat, "Segment " + customer.Id).Send();
        }
        """));

    [Fact]
    public Task HistoryFieldFilledInOneMethodSentInAnother_CarriesClass() => HitAsync(Code(Chat, """
        public class SupportConversation(ChatClient chat)
        {
            private readonly List<ChatMessage> _history = new();

            public void AddTicket(Ticket ticket) => _history.Add(new UserChatMessage(ticket.Body));

            public void Continue() => chat.CompleteChat({|#0:_history|});
        }
        """), Descriptors.FTP0003_DataAboveInferenceCeiling);

    [Fact]
    public Task HistoryFieldFilledWithPublicData_NoDiagnostic() => CleanAsync(Code(Chat, """
        public class SupportConversation(ChatClient chat)
        {
            private readonly List<ChatMessage> _history = new();

            public void AddGreeting(Customer customer) => _history.Add(new UserChatMessage("Hello " + customer.Name));

            public void Continue() => chat.CompleteChat(_history);
        }
        """));

    [Fact]
    public Task StaticCacheHoldingClassifiedValues_CarriesClass() => HitAsync(Code(Chat, """
        public static class ProfileCache
        {
            public static readonly Dictionary<int, string> Emails = new();
        }

        public class Loader
        {
            public void Load(Customer customer) => ProfileCache.Emails[customer.Id] = customer.Email;
        }

        public class Mailer
        {
            public void Draft(ChatClient chat, int id) => chat.CompleteChat({|#0:"Write to " + ProfileCache.Emails[id]|});
        }
        """), Descriptors.FTP0003_DataAboveInferenceCeiling);

    // Each reader hands the cache a value (TryGetValue(id, ...)), so each is also a writer of the cache: resolving the cache at one
    // reader's sink analyses the other, whose sink then meets the cache still being resolved. That summary must not be kept for the
    // compilation, or the other reader's own finding would depend on which was analysed first.
    [Fact]
    public async Task ReadersThatAreAlsoWritersOfAStaticCache_EachReportsItsFinding_WhicheverIsAnalysedFirst()
    {
        var source = Code(Chat, """
            public static class Notes
            {
                public static readonly Dictionary<int, string> ById = new();
            }

            public class Loader
            {
                public void Load(Customer customer) => Notes.ById[customer.Id] = customer.Ssn;
            }

            public class First
            {
                public void Send(ChatClient chat, int id)
                {
                    if (Notes.ById.TryGetValue(id, out var note)) chat.CompleteChat({|#0:note|});
                }
            }

            public class Second
            {
                public void Send(ChatClient chat, int id)
                {
                    if (Notes.ById.TryGetValue(id, out var note)) chat.CompleteChat({|#1:note|});
                }
            }
            """);

        for (var run = 0; run < 4; run++)
        {
            await Verify.VerifyAsync(source,
                Verify.Diagnostic(Descriptors.FTP0001_RestrictedDataReachesLlm).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                    .WithArguments("'Customer.Ssn' (stored in 'Notes.ById')", "Restricted, Personal", "'ChatClient.CompleteChat'", "inference", "openai",
                        "Internal (default policy, no manifest)"),
                Verify.Diagnostic(Descriptors.FTP0001_RestrictedDataReachesLlm).WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                    .WithArguments("'Customer.Ssn' (stored in 'Notes.ById')", "Restricted, Personal", "'ChatClient.CompleteChat'", "inference", "openai",
                        "Internal (default policy, no manifest)"));
        }
    }

    [Fact]
    public Task AutoPropertySetThroughAnotherInstance_CarriesClass() => HitAsync(Code(Chat, """
        public class PromptContext
        {
            public string Summary { get; set; } = "";
        }

        public class Collector
        {
            public void Fill(PromptContext context, Order order) => context.Summary = "Card " + order.CardNumber;
        }

        public class Sender
        {
            public void Send(ChatClient chat, PromptContext context) => chat.CompleteChat({|#0:context.Summary|});
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task BuilderChainReturningThis_CarriesEveryPart() => HitAsync(Code(Chat, PromptBuilderType + """

        public class Bot
        {
            public void Run(ChatClient chat, Customer customer) =>
                chat.CompleteChat({|#0:new PromptBuilder().With("Summarise").With(customer.Ssn).Build()|});
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task SetterStoringItsValueIntoTheReceiver_CarriesClassToTheCallersObject() => HitAsync(Code(Chat, """
        public class Envelope
        {
            private string _body = "";

            public void SetBody(string body) => _body = body;

            public string Render() => "Body: " + _body;
        }

        public class Bot
        {
            public void Run(ChatClient chat, Ticket ticket)
            {
                var envelope = new Envelope();
                envelope.SetBody(ticket.Body);
                chat.CompleteChat({|#0:envelope.Render()|});
            }
        }
        """), Descriptors.FTP0003_DataAboveInferenceCeiling);

    // Objects created and kept in one method (a chain on `new`, or a local used only as the receiver of its members): their fields
    // hold what was written through them, not what other code writes into other objects of the type.
    [Fact]
    public Task BuilderChainFedOnlyPublicParts_WhileAnotherChainFeedsRestrictedParts_OnlyThatChainIsReported() => HitAsync(Code(Chat, PromptBuilderType + """
        public class Bot
        {
            public void Secret(ChatClient chat, Customer customer) =>
                chat.CompleteChat({|#0:new PromptBuilder().With("Summarise").With(customer.Ssn).Build()|});

            public void Plain(ChatClient chat, Customer customer) =>
                chat.CompleteChat(new PromptBuilder().With("Customer #" + customer.Id).Build());
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task LocalBuilderFedOnlyPublicParts_WhileAnotherLocalBuilderFeedsRestrictedParts_OnlyThatOneIsReported() =>
        HitAsync(Code(Chat, PromptBuilderType + """
        public class Bot
        {
            public void Secret(ChatClient chat, Customer customer)
            {
                var builder = new PromptBuilder();
                builder.With("Summarise").With(customer.Ssn);
                chat.CompleteChat({|#0:builder.Build()|});
            }

            public void Plain(ChatClient chat, Customer customer)
            {
                var builder = new PromptBuilder();
                builder.With("Customer #" + customer.Id);
                var prompt = builder.Build();
                chat.CompleteChat(prompt);
            }
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task LocalEnvelopeSetWithPublicText_WhileAnotherIsSetWithRestrictedData_OnlyThatOneIsReported() => HitAsync(Code(Chat, """
        public class Envelope
        {
            private string _body = "";

            public void SetBody(string body) => _body = body;

            public string Body => _body;
        }

        public class Bot
        {
            public void Secret(ChatClient chat, Customer customer)
            {
                var envelope = new Envelope();
                envelope.SetBody(customer.Ssn);
                chat.CompleteChat({|#0:envelope.Body|});
            }

            public void Plain(ChatClient chat)
            {
                var envelope = new Envelope();
                envelope.SetBody("Hello");
                chat.CompleteChat(envelope.Body);
            }
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Theory]
    [InlineData("var alias = builder; alias.With(customer.Ssn);")]
    [InlineData("Fill(builder, customer);")]
    [InlineData("System.Action fill = () => builder.With(customer.Ssn); fill();")]
    [InlineData("Keep(builder.With(\"Summarise\")); Later(customer);")]
    public Task LocalBuilderThatOtherCodeCanReach_StillCarriesWhatIsWrittenThroughIt(string use) => HitAsync(Code(Chat, PromptBuilderType + """
        public class Bot
        {
            private static PromptBuilder? _kept;

            public void Run(ChatClient chat, Customer customer)
            {
                var builder = new PromptBuilder();
                USE
                chat.CompleteChat({|#0:builder.Build()|});
            }

            private static void Fill(PromptBuilder builder, Customer customer) => builder.With(customer.Ssn);

            private static void Keep(PromptBuilder builder) => _kept = builder;

            private static void Later(Customer customer) => _kept!.With(customer.Ssn);
        }
        """.Replace("USE", use)), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Theory]
    [InlineData("var request = new Request(); request.Audit = customer.Ssn; request.Prompt = \"Say hello\";")]
    [InlineData("var request = new Request { Audit = customer.Ssn, Prompt = \"Say hello\" };")]
    [InlineData("var request = new Request { Prompt = \"Say hello\" }; request.Audit += customer.Ssn;")]
    public Task KeptRequestWhoseClassifiedMemberIsNotSent_NoDiagnostic(string make) => CleanAsync(RequestBot(make, "request.Prompt"));

    [Theory]
    [InlineData("var request = new Request(); request.Audit = customer.Name; request.Prompt = \"Hi \" + customer.Ssn;")]
    [InlineData("var request = new Request { Prompt = customer.Ssn };")]
    [InlineData("var request = new Request(); request.Stamp(customer.Ssn);")]
    [InlineData("var request = new Request(customer.Ssn);")]
    public Task KeptRequestWhoseSentMemberIsClassified_IsReported(string make) =>
        HitAsync(RequestBot(make, "{|#0:request.Prompt|}"), Descriptors.FTP0001_RestrictedDataReachesLlm);

    // A bot that makes a request (MAKE) and sends one of its members (SENT).
    private static string RequestBot(string make, string sent) => Code(Chat, RequestType + """
        public class Bot
        {
            public void Run(ChatClient chat, Customer customer)
            {
                MAKE
                chat.CompleteChat(SENT);
            }
        }
        """.Replace("MAKE", make).Replace("SENT", sent));

    [Fact]
    public Task KeptRequestWhoseMembersAreAssignedFromEachOther_CarriesWhatEnteredTheCycle() => HitAsync(Code(Chat, """
        public class Request
        {
            public string Prompt { get; set; } = "";

            public string Audit { get; set; } = "";
        }

        public class Bot
        {
            public void Run(ChatClient chat, Customer customer)
            {
                var request = new Request();
                request.Prompt = request.Audit;
                request.Audit = request.Prompt + customer.Ssn;
                chat.CompleteChat({|#0:request.Prompt|});
            }
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Theory]
    [InlineData("var request = new AskRequest(\"Say hello\", customer.Ssn); chat.CompleteChat(request.Prompt);")]
    [InlineData("chat.CompleteChat(new AskRequest(\"Say hello\", customer.Ssn).Prompt);")]
    [InlineData("var request = new AskRequest(\"Say hello\", \"\") { Audit = customer.Ssn }; chat.CompleteChat(request.Audit.Length + request.Prompt);")]
    public Task PositionalRecordWhoseClassifiedArgumentIsNotSent_NoDiagnostic(string use) => CleanAsync(AskRequestBot(use));

    [Theory]
    [InlineData("var request = new AskRequest(customer.Ssn, \"audit\"); chat.CompleteChat({|#0:request.Prompt|});")]
    [InlineData("chat.CompleteChat({|#0:new AskRequest(\"Hi\", \"audit\") { Prompt = customer.Ssn }.Prompt|});")]
    [InlineData("var request = new AskRequest(\"Hi\", customer.Ssn); chat.CompleteChat({|#0:request.ToString()|});")]
    public Task PositionalRecordWhoseSentPartIsClassified_IsReported(string use) => HitAsync(AskRequestBot(use), Descriptors.FTP0001_RestrictedDataReachesLlm);

    // A bot that makes a positional record and sends part of it (USE).
    private static string AskRequestBot(string use) => Code(Chat, """
        public record AskRequest(string Prompt, string Audit);

        public class Bot
        {
            public void Run(ChatClient chat, Customer customer)
            {
                USE
            }
        }
        """.Replace("USE", use));

    [Fact]
    public Task KeptObject_StillCarriesWhatItsFieldInitializerWrites() => HitAsync(Code(Chat, """
        public static class Vault
        {
            public static Customer Sample { get; } = new();
        }

        public class Card
        {
            private string _text = "Sample: " + Vault.Sample.Ssn;

            public void Add(string line) => _text += line;

            public string Text => _text;
        }

        public class Bot
        {
            public void Run(ChatClient chat)
            {
                var card = new Card();
                card.Add("Hello");
                chat.CompleteChat({|#0:card.Text|});
            }
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task BuilderFedOnlyPublicParts_NoDiagnostic() => CleanAsync(Code(Chat, PromptBuilderType + """

        public class Bot
        {
            public void Run(ChatClient chat, Customer customer) =>
                chat.CompleteChat(new PromptBuilder().With("Summarise").With(customer.Name).Build());
        }
        """));

    [Fact]
    public Task ServiceWithInjectedClientsAndContextSetByAnotherService_EndToEnd() => HitAsync(Code("using Microsoft.Extensions.AI;", """
        public class Patient
        {
            public string DisplayName { get; set; } = "";
            [Restricted(Categories = DataCategory.Health)] public string Diagnosis { get; set; } = "";
        }

        public sealed class CareContext
        {
            public string? Notes { get; private set; }

            public void Load(Patient patient) => Notes = $"{patient.DisplayName}: {patient.Diagnosis}";
        }

        public sealed class IntakeController(CareContext context)
        {
            public void Admit(Patient patient) => context.Load(patient);
        }

        public sealed class CareAssistant(IChatClient client, CareContext context)
        {
            public async Task<string> AnswerAsync(string question)
            {
                var messages = new List<ChatMessage>
                {
                    new(ChatRole.System, "Context: " + context.Notes),
                    new(ChatRole.User, question),
                };

                var response = await client.GetResponseAsync({|#0:messages|});
                return response.Text;
            }
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task ChainedStringBuilderAppends_CarryEveryPart() => HitAsync(Code(Chat, """
        public class Bot
        {
            public void Run(ChatClient chat, Customer customer)
            {
                var prompt = new StringBuilder();
                prompt.Append("Customer: ").Append(customer.Ssn).AppendLine();
                chat.CompleteChat({|#0:prompt.ToString()|});
            }
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task ChainedStringBuilderAppendsOfPublicParts_NoDiagnostic() => CleanAsync(Code(Chat, """
        public class Bot
        {
            public void Run(ChatClient chat, Customer customer)
            {
                var prompt = new StringBuilder();
                prompt.Append("Customer: ").Append(customer.Name).AppendLine();
                chat.CompleteChat(prompt.ToString());
            }
        }
        """));

    [Fact]
    public Task ChainedAppendsOnABuilderField_CarryEveryPartToAnotherMethod() => HitAsync(Code(Chat, """
        public class Dossier(ChatClient chat)
        {
            private readonly StringBuilder _prompt = new();

            public void Note(Customer customer) => _prompt.Append("SSN: ").Append(customer.Ssn).AppendLine();

            public void Send() => chat.CompleteChat({|#0:_prompt.ToString()|});
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    private const string Slots = """
        public class PromptSlots
        {
            private readonly Dictionary<string, string> _slots = new();

            public string this[string key]
            {
                get => _slots[key];
                set => _slots[key] = value;
            }
        }

        """;

    [Fact]
    public Task IndexerOfAnOwnType_CarriesWhatIsStoredThroughIt() => HitAsync(Code(Chat, Slots + """
        public class Filler
        {
            public void Fill(PromptSlots slots, Customer customer) => slots["id"] = customer.Ssn;
        }

        public class Sender
        {
            public void Send(ChatClient chat, PromptSlots slots) => chat.CompleteChat({|#0:"Check " + slots["id"]|});
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task IndexerOfAnOwnType_CompoundWrite_CarriesWhatIsAdded() => HitAsync(Code(Chat, Slots + """
        public class Filler
        {
            public void Fill(PromptSlots slots, Customer customer) => slots["id"] += customer.Ssn;
        }

        public class Sender
        {
            public void Send(ChatClient chat, PromptSlots slots) => chat.CompleteChat({|#0:"Check " + slots["id"]|});
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task IndexerOfAnOwnType_CompoundWriteOfPublicData_NoDiagnostic() => CleanAsync(Code(Chat, Slots + """
        public class Filler
        {
            public void Fill(PromptSlots slots, Customer customer) => slots["id"] ??= customer.Name;
        }

        public class Sender
        {
            public void Send(ChatClient chat, PromptSlots slots) => chat.CompleteChat("Check " + slots["id"]);
        }
        """));

    [Fact]
    public Task IndexerOfAnOwnType_StoredWithPublicData_NoDiagnostic() => CleanAsync(Code(Chat, Slots + """
        public class Filler
        {
            public void Fill(PromptSlots slots, Customer customer) => slots["id"] = "#" + customer.Id;
        }

        public class Sender
        {
            public void Send(ChatClient chat, PromptSlots slots) => chat.CompleteChat("Check " + slots["id"]);
        }
        """));

    [Fact]
    public Task TargetTypedConstruction_CarriesItsArgumentsToTheCapturedParameter() => HitAsync(Code(Chat, """
        public class Briefing(ChatClient chat, string notes)
        {
            public void Send() => chat.CompleteChat({|#0:$"Notes: {notes}"|});
        }

        public class Desk
        {
            public void Open(ChatClient chat, Customer customer)
            {
                Briefing briefing = new(chat, customer.Ssn);
                briefing.Send();
            }
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task TargetTypedConstruction_PublicArguments_NoDiagnostic() => CleanAsync(Code(Chat, """
        public class Briefing(ChatClient chat, string notes)
        {
            public void Send() => chat.CompleteChat($"Notes: {notes}");
        }

        public class Desk
        {
            public void Open(ChatClient chat, Customer customer)
            {
                Briefing briefing = new(chat, customer.Name);
                briefing.Send();
            }
        }
        """));

    [Fact]
    public Task TargetTypedConstruction_CarriesItsArgumentsToAFieldTheConstructorWrites() => HitAsync(Code(Chat, """
        public class Assistant
        {
            private readonly ChatClient _chat;
            private readonly string _persona;

            public Assistant(ChatClient chat, string persona)
            {
                _chat = chat;
                _persona = persona;
            }

            public void Greet() => _chat.CompleteChat({|#0:"You are talking to " + _persona|});
        }

        public class Startup
        {
            public Assistant Make(ChatClient chat, Customer customer)
            {
                Assistant assistant = new(chat, customer.Email);
                return assistant;
            }
        }
        """), Descriptors.FTP0003_DataAboveInferenceCeiling);

    [Fact]
    public Task DerivedPrimaryConstructorBaseArgument_FeedsTheBasesCapturedParameter() => HitAsync(Code(Chat, """
        public class Briefing(ChatClient chat, string notes)
        {
            public void Send() => chat.CompleteChat({|#0:$"Notes: {notes}"|});
        }

        public class CustomerBriefing(ChatClient chat, Customer customer) : Briefing(chat, "SSN " + customer.Ssn);

        public class Desk
        {
            public void Open(ChatClient chat, Customer customer) => new CustomerBriefing(chat, customer).Send();
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task DerivedPrimaryConstructorBaseArgument_PublicData_NoDiagnostic() => CleanAsync(Code(Chat, """
        public class Briefing(ChatClient chat, string notes)
        {
            public void Send() => chat.CompleteChat($"Notes: {notes}");
        }

        public class CustomerBriefing(ChatClient chat, Customer customer) : Briefing(chat, "Customer " + customer.Name);

        public class Desk
        {
            public void Open(ChatClient chat, Customer customer) => new CustomerBriefing(chat, customer).Send();
        }
        """));

    private const string Sessions = """
        public class Session
        {
            public string Context { get; set; } = "";
        }

        public static class Sessions
        {
            public static Session Create() => new Session();
        }

        public class Sender
        {
            public void Send(ChatClient chat, Session session) => chat.CompleteChat({|#0:"Context: " + session.Context|});
        }

        """;

    [Fact]
    public async Task WriterInAFileThatNamesOnlyAFactoryOfTheType_CarriesClass()
    {
        var test = Verify.CreateTest(Code(Chat, Sessions));
        test.TestState.Sources.Add(("/0/Intake.cs", """
            public class Intake
            {
                public void Load(Customer customer)
                {
                    var session = Sessions.Create();
                    session.Context = "SSN " + customer.Ssn;
                }
            }
            """));
        var restricted = Descriptors.FTP0001_RestrictedDataReachesLlm;
        test.ExpectedDiagnostics.Add(new DiagnosticResult(restricted.Id, restricted.DefaultSeverity).WithLocation(0)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task WriterOfASameNamedMemberOfAnotherType_InAFileThatNamesAFactory_NoDiagnostic()
    {
        var test = Verify.CreateTest(Code(Chat, Sessions));
        test.TestState.Sources.Add(("/0/Intake.cs", """
            public class Draft
            {
                public string Context { get; set; } = "";
            }

            public class Intake
            {
                public void Load(Customer customer)
                {
                    var session = Sessions.Create();
                    session.Context = "Customer " + customer.Name;
                    var draft = new Draft();
                    draft.Context = customer.Ssn;
                }
            }
            """));
        await test.RunAsync(CancellationToken.None);
    }
}
