using Microsoft.CodeAnalysis;
using Verify = FineTunePolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<FineTunePolicy.Analyzers.ClassifiedDataFlowAnalyzer>;

namespace FineTunePolicy.Analyzers.Tests.Rules;

/// <summary>FTP0009: a method other assemblies call returns classified data that its signature does not show.</summary>
public class FTP0009Tests
{
    private const string Domain = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using FineTunePolicy;

        public sealed class Customer
        {
            public int Id { get; set; }
            public string Name { get; set; } = "";
            [Restricted(Categories = DataCategory.Personal)] public string Ssn { get; set; } = "";
            [Confidential(Categories = DataCategory.Personal | DataCategory.Financial)] public string Iban { get; set; } = "";
        }

        """;

    [Fact]
    public async Task LookupByIdReturningARestrictedMember_ReportsOnItsName()
    {
        const string source = Domain + """
            public static class CustomerDirectory
            {
                private static readonly Dictionary<int, Customer> Customers = new();

                public static string {|#0:SsnOf|}(int id) => "SSN " + Customers[id].Ssn;
            }
            """;

        await FTP0008Tests.VerifyAsync(source,
            Verify.Diagnostic(Descriptors.FTP0009_VisibleMethodReturnsClassifiedData)
                .WithLocation(0)
                .WithArguments("'CustomerDirectory.SsnOf'", "Restricted, Personal", "'Customer.Ssn'", "string", "the method",
                    "return: Restricted(Categories = DataCategory.Personal)"));
    }

    [Fact]
    public async Task LookupReturningARecordsPositionalProperty_IsFoundByItsName()
    {
        // The only classified name the body mentions is a record's positional parameter, which the compiler declares as a property.
        const string source = Domain + """
            public sealed record Patient(int Id, [property: Restricted(Categories = DataCategory.Health)] string Diagnosis);

            public static class Ward
            {
                public static string {|#0:DiagnosisOf|}(object entry) => ((Patient)entry).Diagnosis;
            }
            """;

        await FTP0008Tests.VerifyAsync(source,
            Verify.Diagnostic(Descriptors.FTP0009_VisibleMethodReturnsClassifiedData)
                .WithLocation(0)
                .WithArguments("'Ward.DiagnosisOf'", "Restricted, Health", "'Patient.Diagnosis'", "string", "the method",
                    "return: Restricted(Categories = DataCategory.Health)"));
    }

    [Fact]
    public async Task LookupReturningAMemberOfAClassifiedType_IsFoundByItsName()
    {
        // The only classified name the body mentions is a member without an attribute of its own: its type's attribute classifies it.
        const string source = Domain + """
            [Confidential(Categories = DataCategory.Financial)]
            public static class Treasury
            {
                public static string Motto { get; } = "Liquidity first";
            }

            public static class Letters
            {
                public static string {|#0:Closing|}() => "Yours, " + Treasury.Motto;
            }
            """;

        await FTP0008Tests.VerifyAsync(source,
            Verify.Diagnostic(Descriptors.FTP0009_VisibleMethodReturnsClassifiedData)
                .WithLocation(0)
                .WithArguments("'Letters.Closing'", "Confidential, Financial", "'Treasury.Motto'", "string", "the method",
                    "return: Confidential(Categories = DataCategory.Financial)"));
    }

    [Fact]
    public async Task InterfaceImplementation_ProposesTheInterfaceMember_WithEveryCategory()
    {
        const string source = Domain + """
            public interface IPaymentDetails
            {
                Task<string> {|#1:IbanOfAsync|}(int customerId);
            }

            internal sealed class PaymentDetails(Dictionary<int, Customer> customers) : IPaymentDetails
            {
                public Task<string> {|#0:IbanOfAsync|}(int customerId) => Task.FromResult(customers[customerId].Iban);
            }
            """;

        await FTP0008Tests.VerifyAsync(source,
            Verify.Diagnostic(Descriptors.FTP0009_VisibleMethodReturnsClassifiedData)
                .WithLocation(0)
                .WithLocation(1)
                .WithArguments("'PaymentDetails.IbanOfAsync'", "Confidential, Personal, Financial", "'Customer.Iban'", "Task<string>",
                    "the interface member 'IPaymentDetails.IbanOfAsync'", "return: Confidential(Categories = DataCategory.Personal | DataCategory.Financial)"));
    }

    [Fact]
    public async Task InstanceLookupOverPrivateState_Reports_ForCallersElsewhereSeeNoneOfIt()
    {
        const string source = Domain + """
            public sealed class CustomerLookup(IReadOnlyDictionary<int, Customer> customers)
            {
                public string {|#0:SsnOf|}(int id) => customers[id].Ssn;
            }
            """;

        await FTP0008Tests.VerifyAsync(source,
            Verify.Diagnostic(Descriptors.FTP0009_VisibleMethodReturnsClassifiedData)
                .WithLocation(0)
                .WithArguments("'CustomerLookup.SsnOf'", "Restricted, Personal", "'Customer.Ssn'", "string", "the method",
                    "return: Restricted(Categories = DataCategory.Personal)"));
    }

    [Fact]
    public async Task ReceiverWithAVisibleClassifiedMember_NoDiagnostic()
    {
        // A caller elsewhere sees Iban on the receiver, so the call's result carries Confidential there too.
        const string source = Domain + """
            public sealed class Account
            {
                [Confidential(Categories = DataCategory.Financial)] public string Iban { get; set; } = "";
                public string Describe() => "IBAN " + Iban;
            }
            """;

        await FTP0008Tests.VerifyAsync(source);
    }

    [Fact]
    public async Task SinkReturningWhatItReads_NoDiagnostic_ForCallersTakeItsResultAsTheAnswer()
    {
        // A call to a sink returns the provider's answer, which carries nothing of the request, in this assembly as in every other:
        // what Ask's body returns is no caller's value. The same body without [LlmSink] is a lookup that callers elsewhere cannot see into.
        const string source = Domain + """
            public sealed class SupportDesk
            {
                private static readonly Dictionary<int, Customer> Customers = new();

                [LlmSink(LlmPurpose.Inference)]
                public string Ask(string prompt, int id) => prompt + Customers[id].Ssn;

                public string {|#0:Lookup|}(string prompt, int id) => prompt + Customers[id].Ssn;
            }
            """;

        await FTP0008Tests.VerifyAsync(source,
            Verify.Diagnostic(Descriptors.FTP0009_VisibleMethodReturnsClassifiedData)
                .WithLocation(0)
                .WithArguments("'SupportDesk.Lookup'", "Restricted, Personal", "'Customer.Ssn'", "string", "the method",
                    "return: Restricted(Categories = DataCategory.Personal)"));
    }

    [Fact]
    public async Task ReturnAttributePresent_NoDiagnostic()
    {
        const string source = Domain + """
            public static class CustomerDirectory
            {
                private static readonly Dictionary<int, Customer> Customers = new();

                [return: Restricted(Categories = DataCategory.Personal)]
                public static string SsnOf(int id) => Customers[id].Ssn;

                [return: Public]
                public static string Initial(int id) => Customers[id].Ssn.Substring(0, 1);
            }
            """;

        await FTP0008Tests.VerifyAsync(source);
    }

    [Fact]
    public async Task ResultFromAnArgumentOfAClassifiedType_NoDiagnostic()
    {
        // A caller elsewhere passes a Customer, which carries Restricted as a whole: the class travels with the argument.
        const string source = Domain + """
            public static class Prompts
            {
                public static string Describe(Customer customer) => customer.Name + " " + customer.Ssn;
            }
            """;

        await FTP0008Tests.VerifyAsync(source);
    }

    [Fact]
    public async Task ClassifiedReturnTypeOrNonPublicMethod_NoDiagnostic()
    {
        const string source = Domain + """
            public static class CustomerDirectory
            {
                private static readonly Dictionary<int, Customer> Customers = new();

                public static Customer Find(int id) => Customers[id];

                internal static string SsnOf(int id) => Customers[id].Ssn;

                public static bool HasSsn(int id) => Customers[id].Ssn.Length > 0;

                [Declassifies(DataClass.Internal, Justification = "Keeps the last four digits")]
                public static string Last4(int id) => Customers[id].Ssn.Substring(7);
            }
            """;

        await FTP0008Tests.VerifyAsync(source);
    }
}
