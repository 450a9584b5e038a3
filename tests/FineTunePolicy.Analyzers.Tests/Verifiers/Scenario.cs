using Microsoft.CodeAnalysis;
using Verify = FineTunePolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<FineTunePolicy.Analyzers.ClassifiedDataFlowAnalyzer>;

namespace FineTunePolicy.Analyzers.Tests.Verifiers;

/// <summary>
/// Short scenarios over a shared domain: <c>Customer</c> (Restricted Ssn, Confidential Email,
/// Public Id), an unclassified <c>Order</c> holding a Restricted card number, and a
/// Confidential record <c>Ticket</c>. The sink argument is marked <c>{|#0:...|}</c>.
/// </summary>
internal static class Scenario
{
    public const string Domain = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text;
        using System.Threading.Tasks;
        using FineTunePolicy;

        public class Customer
        {
            [Public] public int Id { get; set; }
            public string Name { get; set; } = "";
            [Restricted(Categories = DataCategory.Personal)] public string Ssn { get; set; } = "";
            [Confidential(Categories = DataCategory.Personal)] public string Email { get; set; } = "";
            [Internal] public string Segment { get; set; } = "";
        }

        public class Order
        {
            public int Number { get; set; }
            [Restricted(Categories = DataCategory.Payment)] public string CardNumber { get; set; } = "";
        }

        [Confidential]
        public record Ticket(string Subject, string Body);

        """;

    public static string Code(string usings, string body) => usings + "\n" + Domain + body;

    /// <summary>Expects exactly one <paramref name="descriptor"/> at marker 0.</summary>
    public static Task HitAsync(string source, DiagnosticDescriptor descriptor, string? policy = null) =>
        Verify.VerifyAsync(source, policy, new DiagnosticResult(descriptor.Id, descriptor.DefaultSeverity).WithLocation(0)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    /// <summary>Expects no diagnostic at all.</summary>
    public static Task CleanAsync(string source, string? policy = null) => Verify.VerifyAsync(source, policy);
}
