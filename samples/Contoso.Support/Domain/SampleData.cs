using System.Collections.Generic;

namespace Contoso.Support.Domain
{
    /// <summary>Made-up customers and tickets for the dry run. None of these people exist.</summary>
    public static class SampleData
    {
        public static Customer Ada { get; } = new()
        {
            Id = 1001,
            DisplayName = "Ada Example",
            Tier = "Premium",
            Email = "ada@contoso.example",
            Ssn = "000-00-0001",
            CardNumber = "4000 0000 0000 0002",
            Orders =
            {
                new Order { OrderNumber = "SO-5531", Product = "Contoso Router X2", Status = "Delivered", Total = 129.00m },
            },
        };

        public static SupportTicket RouterTicket { get; } = new(
            TicketId: "T-2024-0042",
            CustomerId: 1001,
            Product: "Contoso Router X2",
            Subject: "Router drops Wi-Fi every evening",
            Body: "Hi, my router loses Wi-Fi around 8pm every day. Call me on +1 425 555 0100 or mail ada@contoso.example. Ada",
            AgentResolution: "Thanks Ada Example! Please update the firmware to 2.4.1 and switch the 5 GHz channel to 36.");

        public static IReadOnlyList<(Customer Customer, SupportTicket Ticket)> Resolved { get; } = new[] { (Ada, RouterTicket) };
    }
}
