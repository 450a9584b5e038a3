using FineTunePolicy;

namespace Contoso.Support.Domain
{
    /// <summary>
    /// A support ticket. The attributes on the positional parameters classify the generated
    /// properties as well: <c>ticket.Body</c> is Confidential (Personal), <c>ticket.Subject</c> is
    /// Internal, <c>ticket.TicketId</c> and <c>ticket.Product</c> are Public (unclassified).
    /// </summary>
    public sealed record SupportTicket(
        string TicketId,
        int CustomerId,
        string Product,
        [Internal] string Subject,
        [Confidential(Categories = DataCategory.Personal)] string Body,
        [Internal] string? AgentResolution);
}
