using FineTunePolicy.Analyzers;
using Microsoft.CodeAnalysis;
using Verify = FineTunePolicy.CodeFixes.Tests.Verifiers.CodeFixVerifier<
    FineTunePolicy.Analyzers.ClassifiedDataFlowAnalyzer,
    FineTunePolicy.CodeFixes.AddReturnClassificationCodeFixProvider>;

namespace FineTunePolicy.CodeFixes.Tests.Rules;

/// <summary>FTP0009's fix: [return: ...] with the class and categories the result carries.</summary>
public class FTP0009FixTests
{
    private const string Domain = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using FineTunePolicy;

        public sealed class Customer
        {
            public int Id { get; set; }
            [Restricted(Categories = DataCategory.Personal)] public string Ssn { get; set; } = "";
            [Confidential(Categories = DataCategory.Personal | DataCategory.Financial)] public string Iban { get; set; } = "";
            [Internal] public string Segment { get; set; } = "";
        }

        """;

    private static DiagnosticResult Ftp0009(int marker) =>
        new DiagnosticResult(DiagnosticIds.VisibleMethodReturnsClassifiedData, DiagnosticSeverity.Info).WithLocation(marker)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    [Fact]
    public async Task StaticLookup_GetsTheReturnClassAndCategory_AndGoesQuiet()
    {
        const string source = Domain + """
            public static class CustomerDirectory
            {
                private static readonly Dictionary<int, Customer> Customers = new();

                public static string {|#0:SsnOf|}(int id) => Customers[id].Ssn;
            }
            """;
        const string fixedSource = Domain + """
            public static class CustomerDirectory
            {
                private static readonly Dictionary<int, Customer> Customers = new();

                [return: Restricted(Categories = DataCategory.Personal)]
                public static string SsnOf(int id) => Customers[id].Ssn;
            }
            """;

        await Verify.VerifyAsync(source, [Ftp0009(0)], fixedSource, AddReturnClassificationCodeFixProvider.Key);
    }

    [Fact]
    public async Task InterfaceMember_GetsEveryCategory_AndTheClassWithoutCategories()
    {
        const string source = Domain + """
            public interface ICustomerFacts
            {
                Task<string> IbanOfAsync(int customerId);
                string SegmentOf(int customerId);
            }

            internal sealed class CustomerFacts(Dictionary<int, Customer> customers) : ICustomerFacts
            {
                public Task<string> {|#0:IbanOfAsync|}(int customerId) => Task.FromResult(customers[customerId].Iban);
                public string {|#1:SegmentOf|}(int customerId) => customers[customerId].Segment;
            }
            """;
        const string fixedSource = Domain + """
            public interface ICustomerFacts
            {
                [return: Confidential(Categories = DataCategory.Personal | DataCategory.Financial)]
                Task<string> IbanOfAsync(int customerId);
                [return: Internal]
                string SegmentOf(int customerId);
            }

            internal sealed class CustomerFacts(Dictionary<int, Customer> customers) : ICustomerFacts
            {
                public Task<string> IbanOfAsync(int customerId) => Task.FromResult(customers[customerId].Iban);
                public string SegmentOf(int customerId) => customers[customerId].Segment;
            }
            """;

        var test = new Verify.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = AddReturnClassificationCodeFixProvider.Key,
            NumberOfIncrementalIterations = 2,
            NumberOfFixAllIterations = 1,
        };
        test.ExpectedDiagnostics.AddRange([Ftp0009(0), Ftp0009(1)]);
        await test.RunAsync();
    }
}
