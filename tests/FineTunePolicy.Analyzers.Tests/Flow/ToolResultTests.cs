using Microsoft.CodeAnalysis.Testing;
using static FineTunePolicy.Analyzers.Tests.Verifiers.Scenario;
using Verify = FineTunePolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<FineTunePolicy.Analyzers.ClassifiedDataFlowAnalyzer>;

namespace FineTunePolicy.Analyzers.Tests.Flow;

/// <summary>What a function-calling tool returns is sent to the model: an Inference sink with provider 'unknown' (issue 11, bullet 4).</summary>
public class ToolResultTests
{
    private const string Kernel = """
        using System.ComponentModel;
        using System.Text.Json;
        using Microsoft.SemanticKernel;
        """;

    private const string ExtensionsAI = """
        using System.ComponentModel;
        using Microsoft.Extensions.AI;
        """;

    [Fact]
    public async Task KernelFunctionReturningClassifiedData_IsReportedAtTheReturnedExpression()
    {
        var source = Code(Kernel, """
            public interface ICustomerStore
            {
                Customer Find(int id);
            }

            public sealed class CrmPlugin(ICustomerStore store)
            {
                [KernelFunction, Description("Finds the e-mail address of a customer")]
                public string GetEmail(int id) => {|#0:store.Find(id).Email|};
            }
            """);

        await Verify.VerifyAsync(source,
            Verify.Diagnostic(Descriptors.FTP0003_DataAboveInferenceCeiling)
                .WithLocation(0)
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("'Customer.Email'", "Confidential, Personal", "'CrmPlugin.GetEmail (tool result)'", "inference", "unknown", "Internal (default "
                    + "policy, no manifest)"));
    }

    [Fact]
    public Task KernelFunctionReturningACount_NoDiagnostic() => CleanAsync(Code(Kernel, """
        public sealed class CrmPlugin(List<Customer> customers)
        {
            [KernelFunction]
            public int CountInSegment(string segment) => customers.Count(c => c.Segment == segment);

            [KernelFunction]
            public async Task<bool> HasOrdersAsync(int id) => await Task.FromResult(customers.Any(c => c.Id == id && c.Ssn.Length > 0));
        }
        """));

    [Fact]
    public Task KernelFunctionReturningPublicData_NoDiagnostic() => CleanAsync(Code(Kernel, """
        public sealed class CrmPlugin(List<Customer> customers)
        {
            [KernelFunction]
            public string Names() => string.Join(", ", customers.Select(c => c.Name + " #" + c.Id));
        }
        """));

    [Fact]
    public Task MethodWithoutKernelFunction_IsNotATool() => CleanAsync(Code(Kernel, """
        public sealed class CrmPlugin(List<Customer> customers)
        {
            public string Emails() => string.Join(", ", customers.Select(c => c.Email));
        }
        """));

    [Fact]
    public Task AsyncKernelFunctionInAPluginRegisteredByType_EndToEnd() => HitAsync(Code(Kernel, """
        public interface IOrderRepository
        {
            Task<IReadOnlyList<Order>> RecentAsync(string customerName);
        }

        public sealed class OrderPlugin(IOrderRepository orders)
        {
            [KernelFunction("recent_orders"), Description("Lists the customer's recent orders")]
            public async Task<string> RecentOrdersAsync(string customerName)
            {
                var recent = await orders.RecentAsync(customerName);
                var json = JsonSerializer.Serialize(recent);
                return {|#0:json|};
            }

            [KernelFunction("order_count")]
            public async Task<int> CountAsync(string customerName) => (await orders.RecentAsync(customerName)).Count;
        }

        public static class Setup
        {
            public static Kernel Build(IOrderRepository orders)
            {
                var builder = Kernel.CreateBuilder();
                builder.Plugins.AddFromObject(new OrderPlugin(orders));
                return builder.Build();
            }
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task KernelFunctionFactoryCreateFromMethodWithALambda_ChecksWhatItReturns() => HitAsync(Code(Kernel, """
        public static class Tools
        {
            public static KernelFunction Lookup(Dictionary<int, Customer> customers) =>
                KernelFunctionFactory.CreateFromMethod((int id) => {|#0:customers[id].Ssn|}, "lookup_ssn");
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task AIFunctionFactoryCreateWithALambda_ChecksWhatItReturns() => HitAsync(Code(ExtensionsAI, """
        public sealed class SupportTools(Dictionary<int, Customer> customers)
        {
            public AIFunction Contact() => AIFunctionFactory.Create(
                [Description("Contact of a customer")] (int id) =>
                {
                    var customer = customers[id];
                    return {|#0:$"{customer.Name} <{customer.Email}>"|};
                },
                "contact");
        }
        """), Descriptors.FTP0003_DataAboveInferenceCeiling);

    [Fact]
    public Task AIFunctionFactoryCreateWithALambdaReturningACount_NoDiagnostic() => CleanAsync(Code(ExtensionsAI, """
        public sealed class SupportTools(List<Customer> customers)
        {
            public AIFunction Count() => AIFunctionFactory.Create((string segment) => customers.Count(c => c.Segment == segment), "count");

            public AIFunction Name() => AIFunctionFactory.Create((int id) => customers.First(c => c.Id == id).Name, "name");
        }
        """));

    [Fact]
    public Task AIFunctionFactoryCreateWithAMethodGroup_ChecksWhatTheMethodReturns() => HitAsync(Code(ExtensionsAI, """
        public sealed class SupportTools(List<Order> orders)
        {
            private string CardOf(int number) => orders.First(o => o.Number == number).CardNumber;

            public ChatOptions Options() => new() { Tools = [AIFunctionFactory.Create({|#0:CardOf|}, "card_of")] };
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task CreateFunctionFromMethodWithALocalFunction_ChecksWhatItReturns_AtItsName() => HitAsync(Code(Kernel, """
        public sealed class SupportPlugins
        {
            public static void Register(Kernel kernel, List<Order> orders)
            {
                kernel.Plugins.AddFromFunctions("orders", [kernel.CreateFunctionFromMethod({|#0:CardOf|}, "card_of")]);

                string CardOf(int number)
                {
                    var order = orders.FirstOrDefault(o => o.Number == number);
                    if (order is null)
                    {
                        return "unknown order";
                    }

                    return order.CardNumber;
                }
            }
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task AIFunctionFactoryCreateWithALocalFunctionReturningACount_NoDiagnostic() => CleanAsync(Code(ExtensionsAI, """
        public sealed class SupportTools(List<Order> orders)
        {
            public ChatOptions Options()
            {
                int CountOf(string card) => orders.Count(o => o.CardNumber == card);
                string Label(int number) => "Order #" + number;
                return new() { Tools = [AIFunctionFactory.Create(CountOf, "count"), AIFunctionFactory.Create(Label, "label")] };
            }
        }
        """));

    [Fact]
    public Task AIFunctionFactoryCreateWithADelegateHeldInALocal_ChecksTheLambdaItHolds() => HitAsync(Code(ExtensionsAI, """
        public sealed class SupportTools(List<Order> orders)
        {
            public AITool CardTool()
            {
                Func<int, string> lookup = number => {|#0:orders.First(o => o.Number == number).CardNumber|};
                return AIFunctionFactory.Create(lookup, "card_of");
            }
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task KernelFunctionFactoryWithAMethodGroupHeldInALocal_IsReportedAtTheLocal() => HitAsync(Code(Kernel, """
        public sealed class SupportPlugins(List<Order> orders)
        {
            private string CardOf(int number) => orders.First(o => o.Number == number).CardNumber;

            public KernelFunction CardFunction()
            {
                Func<int, string> lookup = CardOf;
                return KernelFunctionFactory.CreateFromMethod({|#0:lookup|}, "card_of");
            }
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task ADelegateHeldInALocalReturningACount_NoDiagnostic() => CleanAsync(Code(ExtensionsAI, """
        public sealed class SupportTools(List<Order> orders)
        {
            public AITool CountTool()
            {
                Func<string, int> count = card => orders.Count(o => o.CardNumber == card);
                return AIFunctionFactory.Create(count, "count");
            }
        }
        """));
}
