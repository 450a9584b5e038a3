using System.Collections.Generic;
using FineTunePolicy;

namespace Contoso.Support.Domain
{
    /// <summary>
    /// A Contoso customer. The type is <c>[Internal]</c>, so every member without its own
    /// attribute (DisplayName, Tier, Orders) is Internal; members with their own attribute
    /// override that, upwards (Email, Ssn, CardNumber) and downwards (Id).
    /// </summary>
    [Internal]
    public sealed class Customer
    {
        /// <summary>The public customer number printed on invoices.</summary>
        [Public]
        public int Id { get; init; }

        public string DisplayName { get; init; } = "";

        /// <summary>Support tier (Standard, Premium).</summary>
        public string Tier { get; init; } = "Standard";

        [Confidential(Categories = DataCategory.Personal)]
        public string Email { get; init; } = "";

        /// <summary>US social security number, used to verify identity on the phone.</summary>
        [Restricted(Categories = DataCategory.Personal)]
        public string Ssn { get; init; } = "";

        /// <summary>The card on file (full PAN).</summary>
        [Restricted(Categories = DataCategory.Payment)]
        public string CardNumber { get; init; } = "";

        public List<Order> Orders { get; init; } = new();
    }
}
