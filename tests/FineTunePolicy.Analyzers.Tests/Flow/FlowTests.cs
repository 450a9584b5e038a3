using static FineTunePolicy.Analyzers.Tests.Verifiers.Scenario;

namespace FineTunePolicy.Analyzers.Tests.Flow;

/// <summary>Every derivation of docs/classifying-data.md, "What the analyzer tracks": a hit that must be reported and a near miss that must not.</summary>
public class FlowTests
{
    private const string Chat = "using OpenAI.Chat;";

    private static string InChat(string statements, string members = "") => Code(Chat, $$"""
        public class Bot
        {
            {{members}}
            public async Task Run(ChatClient chat, Customer customer, Order order, Ticket ticket, List<Customer> customers)
            {
                {{statements}}
                await Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public Task LocalAssignment_CarriesClass() => HitAsync(InChat("""
        var ssn = customer.Ssn;
        string copy;
        copy = ssn;
        chat.CompleteChat({|#0:copy|});
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task LocalReassignedFromPublic_StillReportsBecauseFlowIsPerVariable() => HitAsync(InChat("""
        var text = customer.Ssn;
        text = "hello";
        chat.CompleteChat({|#0:text|});
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task PublicLocal_NoDiagnostic() => CleanAsync(InChat("""
        var text = "Customer #" + customer.Id;
        chat.CompleteChat(text);
        """));

    [Fact]
    public Task Await_CarriesClass() => HitAsync(InChat("""
        var ssn = await Task.FromResult(customer.Ssn);
        await chat.CompleteChatAsync({|#0:ssn|});
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task ConditionalBranches_CarryClass() => HitAsync(InChat("""
        var text = customer.Id > 0 ? customer.Email : "none";
        chat.CompleteChat({|#0:text|});
        """), Descriptors.FTP0003_DataAboveInferenceCeiling);

    [Fact]
    public Task ConditionalOnClassifiedCondition_NoDiagnostic() => CleanAsync(InChat("""
        var text = customer.Ssn.StartsWith("9") ? "yes" : "no";
        chat.CompleteChat(text);
        """));

    [Fact]
    public Task Coalesce_CarriesClass() => HitAsync(InChat("""
        string? maybe = null;
        chat.CompleteChat({|#0:maybe ?? customer.Email|});
        """), Descriptors.FTP0003_DataAboveInferenceCeiling);

    [Fact]
    public Task Interpolation_CarriesClass() => HitAsync(InChat("""
        chat.CompleteChat({|#0:$"Customer {customer.Name} has SSN {customer.Ssn}"|});
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task StringFormat_CarriesClass() => HitAsync(InChat("""
        chat.CompleteChat({|#0:string.Format("SSN {0}", customer.Ssn)|});
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task StringJoinAndConcat_CarryClass() => HitAsync(InChat("""
        var all = string.Join(", ", customers.Select(c => c.Email));
        chat.CompleteChat({|#0:string.Concat("Emails: ", all)|});
        """), Descriptors.FTP0003_DataAboveInferenceCeiling);

    [Fact]
    public Task StringBuilder_AppendMakesBuilderClassified() => HitAsync(InChat("""
        var builder = new StringBuilder();
        builder.Append("Customer: ").AppendLine(customer.Ssn);
        chat.CompleteChat({|#0:builder.ToString()|});
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task StringBuilderWithPublicData_NoDiagnostic() => CleanAsync(InChat("""
        var builder = new StringBuilder();
        builder.Append("Customer: ").Append(customer.Id).Append(customer.Name);
        chat.CompleteChat(builder.ToString());
        """));

    [Fact]
    public Task RecordToString_PrintsEveryMember() => HitAsync(InChat("""
        chat.CompleteChat({|#0:ticket.ToString()|});
        """), Descriptors.FTP0003_DataAboveInferenceCeiling);

    [Fact]
    public Task RecordInInterpolation_PrintsEveryMember() => HitAsync(InChat("""
        chat.CompleteChat({|#0:$"Ticket: {ticket}"|});
        """), Descriptors.FTP0003_DataAboveInferenceCeiling);

    [Fact]
    public Task ToStringOverrideReadingClassifiedMember_CarriesClass() => HitAsync(Code(Chat, """
        public class Card
        {
            [Restricted] public string Pan { get; set; } = "";
            public override string ToString() => "Card " + Pan;
        }

        public class Bot
        {
            public void Run(ChatClient chat, Card card) => chat.CompleteChat({|#0:"Pay with " + card|});
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task ClassWithoutToString_InInterpolation_PrintsTypeNameOnly() => CleanAsync(InChat("""
        chat.CompleteChat($"Order object: {order.Number}");
        """));

    [Fact]
    public Task SystemTextJsonSerialization_CarriesWholeObject() => HitAsync(InChat("""
        var json = System.Text.Json.JsonSerializer.Serialize(order);
        chat.CompleteChat({|#0:json|});
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task NewtonsoftSerialization_CarriesWholeObject() => HitAsync(InChat("""
        chat.CompleteChat({|#0:Newtonsoft.Json.JsonConvert.SerializeObject(customers)|});
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task BinaryData_CarriesClass() => HitAsync(InChat("""
        var data = BinaryData.FromObjectAsJson(order);
        chat.CompleteChat({|#0:new UserChatMessage(ChatMessageContentPart.CreateTextPart(data.ToString()))|});
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task EncodingAndMemoryStream_CarryClass() => HitAsync(Code("using OpenAI.Files;", """
        public class Exporter
        {
            public void Run(OpenAIFileClient files, Customer customer)
            {
                var bytes = Encoding.UTF8.GetBytes(customer.Ssn);
                using var stream = new System.IO.MemoryStream(bytes);
                files.UploadFile({|#0:stream|}, "train.jsonl", FileUploadPurpose.FineTune);
            }
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task CollectionAdd_MakesCollectionClassified() => HitAsync(InChat("""
        var messages = new List<ChatMessage>();
        messages.Add(new SystemChatMessage("You are helpful."));
        messages.Add(new UserChatMessage(customer.Email));
        chat.CompleteChat({|#0:messages|});
        """), Descriptors.FTP0003_DataAboveInferenceCeiling);

    [Fact]
    public Task CollectionInitializer_CarriesClass() => HitAsync(InChat("""
        var messages = new List<ChatMessage> { new SystemChatMessage("Hi"), new UserChatMessage(customer.Ssn) };
        chat.CompleteChat({|#0:messages|});
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task CollectionOfPublicMessages_NoDiagnostic() => CleanAsync(InChat("""
        var messages = new List<ChatMessage> { new SystemChatMessage("Hi"), new UserChatMessage(customer.Name) };
        messages.AddRange(new ChatMessage[] { new UserChatMessage("more") });
        chat.CompleteChat(messages);
        """));

    [Fact]
    public Task ArrayOfWholeObjects_CarriesElementClass() => HitAsync(InChat("""
        var orders = new[] { order };
        chat.CompleteChat({|#0:System.Text.Json.JsonSerializer.Serialize(orders)|});
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task LinqProjectionOfClassifiedMember_CarriesClass() => HitAsync(InChat("""
        var lines = customers.Where(c => c.Id > 0).Select(c => c.Ssn).ToList();
        chat.CompleteChat({|#0:string.Join("\n", lines)|});
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task LinqProjectionOfPublicMember_NoDiagnostic() => CleanAsync(InChat("""
        var lines = customers.OrderBy(c => c.Ssn).Take(5).Select(c => c.Name + " #" + c.Id);
        chat.CompleteChat(string.Join("\n", lines));
        """));

    [Fact]
    public Task LinqFilterKeepsSourceClass_WholeElementsSent() => HitAsync(InChat("""
        var selected = customers.Where(c => c.Id > 10).Distinct().ToArray();
        chat.CompleteChat({|#0:System.Text.Json.JsonSerializer.Serialize(selected)|});
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task ForEachElementMember_CarriesMemberClass() => HitAsync(InChat("""
        var text = "";
        foreach (var c in customers)
        {
            text += c.Email;
        }

        chat.CompleteChat({|#0:text|});
        """), Descriptors.FTP0003_DataAboveInferenceCeiling);

    [Fact]
    public Task ObjectInitializer_MakesObjectClassified() => HitAsync(Code(Chat, """
        public class Note { public string Text { get; set; } = ""; }

        public class Bot
        {
            public void Run(ChatClient chat, Customer customer)
            {
                var note = new Note { Text = customer.Ssn };
                chat.CompleteChat({|#0:note.Text|});
            }
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task PropertyWriteOnOptions_MakesOptionsClassified() => HitAsync(Code("using Microsoft.Extensions.AI;", """
        public class Bot
        {
            public async Task Run(IChatClient client, Customer customer)
            {
                var options = new ChatOptions();
                options.Instructions = "The customer's SSN is " + customer.Ssn;
                await client.GetResponseAsync("Help me", {|#0:options|});
            }
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task ChatMessageFactory_CarriesClass() => HitAsync(InChat("""
        chat.CompleteChat({|#0:ChatMessage.CreateUserMessage(customer.Email)|});
        """), Descriptors.FTP0003_DataAboveInferenceCeiling);

    [Fact]
    public Task ImplicitStringToChatMessage_CarriesClass() => HitAsync(InChat("""
        ChatMessage message = customer.Email;
        chat.CompleteChat({|#0:message|});
        """), Descriptors.FTP0003_DataAboveInferenceCeiling);

    [Fact]
    public Task NameofTypeofGetType_CarryNothing() => CleanAsync(InChat("""
        chat.CompleteChat(nameof(customer.Ssn) + typeof(Customer).Name + customer.GetType().Name);
        """));

    [Fact]
    public Task SubstringAndTrim_Propagate() => HitAsync(InChat("""
        chat.CompleteChat({|#0:customer.Ssn.Trim().Substring(0, 3)|});
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task TupleAndAnonymousType_CarryElementClass() => HitAsync(InChat("""
        var pair = (customer.Name, customer.Email);
        var shape = new { pair.Name, Mail = pair.Email };
        chat.CompleteChat({|#0:shape.Mail|});
        """), Descriptors.FTP0003_DataAboveInferenceCeiling);

    [Fact]
    public Task Deconstruction_CarriesClass() => HitAsync(InChat("""
        var (name, ssn) = (customer.Name, customer.Ssn);
        chat.CompleteChat({|#0:ssn|});
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task PatternVariable_CarriesClass() => HitAsync(InChat("""
        object boxed = customer.Ssn;
        if (boxed is string text)
        {
            chat.CompleteChat({|#0:text|});
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task SwitchExpression_CarriesArms() => HitAsync(InChat("""
        var text = customer.Id switch { 0 => "none", _ => customer.Email };
        chat.CompleteChat({|#0:text|});
        """), Descriptors.FTP0003_DataAboveInferenceCeiling);

    [Fact]
    public Task UploadedFileId_CarriesNothing() => CleanAsync(Code("using OpenAI.Files; using OpenAI.FineTuning;", """
        public class Trainer
        {
            public async Task Run(OpenAIFileClient files, FineTuningClient tuning, string publicFaq)
            {
                var file = await files.UploadFileAsync(BinaryData.FromString(publicFaq), "faq.jsonl", FileUploadPurpose.FineTune);
                await tuning.FineTuneAsync("gpt-4o-mini", file.Value.Id, waitUntilCompleted: false);
            }
        }
        """));

    [Fact]
    public Task ElementTakenFromContainer_CarriesOnlyWhatIsRead() => CleanAsync(InChat("""
        var orders = new List<Order> { order };
        var first = orders.Find(o => o.Number > 0);
        var byNumber = orders.ToDictionary(o => o.Number);
        chat.CompleteChat("Order " + first!.Number);
        if (byNumber.TryGetValue(1, out var found))
        {
            chat.CompleteChat("Found " + found.Number + " " + byNumber.GetValueOrDefault(2)?.Number);
        }
        """));

    [Fact]
    public Task ElementTakenFromContainer_ClassifiedMemberRead_Reports() => HitAsync(InChat("""
        var byNumber = new Dictionary<int, Order> { [1] = order };
        if (byNumber.TryGetValue(1, out var found))
        {
            chat.CompleteChat({|#0:"Card " + found.CardNumber|});
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task MethodGroupProjectionReadingPublicMembers_NoDiagnostic() => CleanAsync(InChat("""
        chat.CompleteChat(string.Join(", ", new[] { order }.Take(3).Select(Describe)));
        """, "private static string Describe(Order o) => \"#\" + o.Number;"));

    [Fact]
    public Task MethodGroupProjectionReadingClassifiedMembers_Reports() => HitAsync(InChat("""
        chat.CompleteChat({|#0:string.Join(", ", new[] { order }.Select(Describe))|});
        """, "private static string Describe(Order o) => o.CardNumber;"), Descriptors.FTP0001_RestrictedDataReachesLlm);
}
