using static FineTunePolicy.Analyzers.Tests.Verifiers.Scenario;

namespace FineTunePolicy.Analyzers.Tests.Classification;

/// <summary>docs/classifying-data.md: how attributes classify members, types, wholes and containers.</summary>
public class ClassificationTests
{
    private const string Chat = "using OpenAI.Chat; using System.Text.Json;";

    private static string Send(string types, string expression) => Code(Chat, types + $$"""

        public class Bot
        {
            public void Run(ChatClient chat, Holder h) => chat.CompleteChat({{expression}});
        }
        """);

    [Fact]
    public Task TypeAttribute_ClassifiesUnattributedMembers() => HitAsync(Send("""
        [Confidential] public class Account { public string Owner { get; set; } = ""; }
        public class Holder { public Account Account { get; set; } = new(); }
        """, "{|#0:h.Account.Owner|}"), Descriptors.FTP0003_DataAboveInferenceCeiling);

    [Fact]
    public Task PublicMemberInsideRestrictedType_IsPublic() => CleanAsync(Send("""
        [Restricted] public class Account { [Public] public int Id { get; set; } public string Secret { get; set; } = ""; }
        public class Holder { public Account Account { get; set; } = new(); }
        """, "\"Account #\" + h.Account.Id"));

    [Fact]
    public Task RestrictedTypeMemberWithoutOwnAttribute_IsRestricted() => HitAsync(Send("""
        [Restricted] public class Account { [Public] public int Id { get; set; } public string Secret { get; set; } = ""; }
        public class Holder { public Account Account { get; set; } = new(); }
        """, "{|#0:h.Account.Secret|}"), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task BaseClassAttribute_AppliesToDerivedType() => HitAsync(Send("""
        [Confidential] public abstract class PersonalRecord { }
        public class Employee : PersonalRecord { public string Name { get; set; } = ""; }
        public class Holder { public Employee Employee { get; set; } = new(); }
        """, "{|#0:h.Employee.Name|}"), Descriptors.FTP0003_DataAboveInferenceCeiling);

    [Fact]
    public Task InterfaceAttribute_AppliesToImplementingType() => HitAsync(Send("""
        [Restricted] public interface ISecret { }
        public class ApiKey : ISecret { public string Value { get; set; } = ""; }
        public class Holder { public ApiKey Key { get; set; } = new(); }
        """, "{|#0:h.Key.Value|}"), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task WholeObject_CarriesMaximumOfMembers() => HitAsync(Send("""
        public class Holder { public Order Order { get; set; } = new(); }
        """, "{|#0:JsonSerializer.Serialize(h.Order)|}"), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task UnclassifiedMemberOfWholeObject_IsPublic() => CleanAsync(Send("""
        public class Holder { public Order Order { get; set; } = new(); }
        """, "\"Order \" + h.Order.Number"));

    [Fact]
    public Task NestedWholeObject_ReachesDeepMembers() => HitAsync(Send("""
        public class Invoice { public List<Order> Orders { get; set; } = new(); }
        public class Holder { public Dictionary<string, Invoice> Invoices { get; set; } = new(); }
        """, "{|#0:JsonSerializer.Serialize(h.Invoices)|}"), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task ContainerElement_CarriesContainerClass() => HitAsync(Send("""
        public class Holder { [Confidential] public List<string> Notes { get; set; } = new(); }
        """, "{|#0:h.Notes[0]|}"), Descriptors.FTP0003_DataAboveInferenceCeiling);

    [Fact]
    public Task GenericBoxOfClassifiedType_CarriesClassAsWhole() => HitAsync(Send("""
        public class Box<T> { public T Value { get; set; } = default!; }
        public class Holder { public Box<Order> Box { get; set; } = new(); }
        """, "{|#0:JsonSerializer.Serialize(h.Box)|}"), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task CyclicTypeGraph_Terminates() => HitAsync(Send("""
        public class Node { public Node? Next { get; set; } public Leaf Leaf { get; set; } = new(); }
        public class Leaf { public Node? Parent { get; set; } [Confidential] public string Data { get; set; } = ""; }
        public class Holder { public Node Node { get; set; } = new(); }
        """, "{|#0:JsonSerializer.Serialize(h.Node)|}"), Descriptors.FTP0003_DataAboveInferenceCeiling);

    [Fact]
    public Task PositionalRecordParameterAttribute_ClassifiesProperty() => HitAsync(Send("""
        public record Patient(string Name, [Restricted(Categories = DataCategory.Health)] string Diagnosis);
        public class Holder { public Patient Patient { get; set; } = new("a", "b"); }
        """, "{|#0:h.Patient.Diagnosis|}"), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task PositionalRecordUnclassifiedParameter_IsPublic() => CleanAsync(Send("""
        public record Patient(string Name, [Restricted] string Diagnosis);
        public class Holder { public Patient Patient { get; set; } = new("a", "b"); }
        """, "h.Patient.Name"));

    [Fact]
    public Task ClassifiedParameter_CarriesClass() => HitAsync(Code(Chat, """
        public class Bot
        {
            public void Run(ChatClient chat, [Confidential] string note) => chat.CompleteChat({|#0:note|});
        }
        """), Descriptors.FTP0003_DataAboveInferenceCeiling);

    [Fact]
    public Task ClassifiedReturnValue_CarriesClass() => HitAsync(Code(Chat, """
        public interface IVault { [return: Restricted] string Read(string key); }
        public class Bot
        {
            public void Run(ChatClient chat, IVault vault) => chat.CompleteChat({|#0:vault.Read("db")|});
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task ClassifiedAttributeWithExplicitClass_Classifies() => HitAsync(Send("""
        public class Holder { [Classified(DataClass.Restricted, Categories = DataCategory.Credentials)] public string Token { get; set; } = ""; }
        """, "{|#0:h.Token|}"), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task ComplianceAttribute_UnmappedCountsAsConfidential() => HitAsync(Code(Chat + " using Microsoft.Extensions.Compliance.Classification;", """
        public sealed class PiiAttribute : DataClassificationAttribute
        {
            public PiiAttribute() : base(new DataClassification("Contoso", "PII")) { }
        }

        public class Bot
        {
            public void Run(ChatClient chat, Holder h) => chat.CompleteChat({|#0:h.Phone|});
        }

        public class Holder { [Pii] public string Phone { get; set; } = ""; }
        """), Descriptors.FTP0003_DataAboveInferenceCeiling);

    [Fact]
    public Task NoDataClassificationAttribute_IsPublic() => CleanAsync(Code(Chat + " using Microsoft.Extensions.Compliance.Classification;", """
        public class Bot
        {
            public void Run(ChatClient chat, Holder h) => chat.CompleteChat(h.Label);
        }

        [Confidential]
        public class Holder { [NoDataClassification] public string Label { get; set; } = ""; }
        """));

    [Fact]
    public Task PolicyAttributeMapping_ClassifiesOrganisationAttribute() => HitAsync(Code(Chat, """
        public sealed class SecretAttribute : Attribute { }

        public class Holder { [Secret] public string Pin { get; set; } = ""; }

        public class Bot
        {
            public void Run(ChatClient chat, Holder h) => chat.CompleteChat({|#0:h.Pin|});
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm, Policies.Header + "finetune_policy.attributes = SecretAttribute:Restricted:Credentials\n");
}
