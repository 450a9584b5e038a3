using System.Collections.Generic;
using System.Linq;
using System.Text;
using Contoso.Support.Domain;
using Contoso.Support.Redaction;
using OpenAI.Chat;

namespace Contoso.Support.Assistant
{
    /// <summary>Builds the chat messages the support assistant sends. Pure: no network.</summary>
    public static class PromptBuilder
    {
        public const string SystemPrompt =
            "You are Contoso's support assistant. Answer briefly and politely. Never ask for payment details.";

        /// <summary>Compliant: only Internal and Public members, and the ticket text through a redactor.</summary>
        public static List<ChatMessage> BuildReplyMessages(Customer customer, SupportTicket ticket)
        {
            return new List<ChatMessage>
            {
                new SystemChatMessage(SystemPrompt),
                new UserChatMessage(DescribeRequest(customer, ticket)),
            };
        }

        /// <summary>
        /// The message that asks the model to check the caller's identity before an account change.
        /// Three helper levels down, <see cref="IdentityLine"/> puts the SSN into the prompt.
        /// </summary>
        public static List<ChatMessage> BuildVerificationMessages(Customer customer, SupportTicket ticket)
        {
            var messages = new List<ChatMessage> { new SystemChatMessage(SystemPrompt) };
            messages.Add(new UserChatMessage(DescribeCaller(customer) + "\n\nRequest: " + Redactor.RedactTicketText(ticket.Body)));
            return messages;
        }

        // Level 1: the request, with the customer's tier and order status (Internal, Public).
        private static string DescribeRequest(Customer customer, SupportTicket ticket)
        {
            var builder = new StringBuilder();
            builder.AppendLine($"Customer: {customer.DisplayName} ({customer.Tier} tier)");
            builder.AppendLine($"Product: {ticket.Product}. Subject: {ticket.Subject}");
            builder.AppendLine("Recent orders: " + DescribeOrders(customer.Orders));
            builder.AppendLine("Problem: " + Redactor.RedactTicketText(ticket.Body));
            return builder.ToString();
        }

        // Level 2: only the Public members of each order (not Total, which is Confidential).
        private static string DescribeOrders(IEnumerable<Order> orders)
        {
            return string.Join("; ", orders.Select(order => order.OrderNumber + " " + order.Product + " " + order.Status));
        }

        // Level 1 of the verification prompt.
        private static string DescribeCaller(Customer customer)
        {
            return "Verify the caller before changing the account. " + IdentityLine(customer);
        }

        // Level 2.
        private static string IdentityLine(Customer customer)
        {
            return $"Caller claims to be {customer.DisplayName}; {KnownIdentifiers(customer)}";
        }

        // Level 3: the SSN is Restricted; it must never reach a provider (FTP0001 at the call site).
        private static string KnownIdentifiers(Customer customer)
        {
            return "the SSN on file is " + customer.Ssn + ". Ask the caller for the last four digits and compare.";
        }
    }
}
