using FineTunePolicy;

namespace Contoso.Support.Domain
{
    /// <summary>
    /// An order. The type itself is unclassified: OrderNumber, Product and Status are Public.
    /// Total is Confidential, so an <c>Order</c> sent or serialised as a whole is Confidential.
    /// </summary>
    public sealed class Order
    {
        public string OrderNumber { get; init; } = "";

        public string Product { get; init; } = "";

        public string Status { get; init; } = "";

        [Confidential(Categories = DataCategory.Financial)]
        public decimal Total { get; init; }
    }
}
