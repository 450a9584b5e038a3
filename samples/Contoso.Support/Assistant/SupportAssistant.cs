using System.Threading;
using System.Threading.Tasks;
using Contoso.Support.Domain;
using Contoso.Support.Redaction;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AIChatRole = Microsoft.Extensions.AI.ChatRole;

namespace Contoso.Support.Assistant
{
    /// <summary>
    /// Drafts replies to support tickets. Uses the OpenAI SDK's <see cref="ChatClient"/> directly
    /// and, for summaries, the provider-agnostic <see cref="IChatClient"/> of Microsoft.Extensions.AI.
    /// </summary>
    public sealed class SupportAssistant
    {
        private readonly ChatClient _chat;
        private readonly IChatClient _summaries;

        public SupportAssistant(ChatClient chat, IChatClient summaries)
        {
            _chat = chat;
            _summaries = summaries;
        }

        /// <summary>Compliant: the prompt holds Internal data at most (ceiling for inference: Internal).</summary>
        public async Task<string> DraftReplyAsync(Customer customer, SupportTicket ticket, CancellationToken cancellationToken = default)
        {
            var messages = PromptBuilder.BuildReplyMessages(customer, ticket);
            ChatCompletion completion = await _chat.CompleteChatAsync(messages, cancellationToken: cancellationToken);
            return completion.Content[0].Text;
        }

        /// <summary>VIOLATION FTP0001: the verification prompt carries Customer.Ssn (Restricted).</summary>
        public async Task<string> VerifyCallerAsync(Customer customer, SupportTicket ticket, CancellationToken cancellationToken = default)
        {
            var messages = PromptBuilder.BuildVerificationMessages(customer, ticket);
            ChatCompletion completion = await _chat.CompleteChatAsync(messages, cancellationToken: cancellationToken);
            return completion.Content[0].Text;
        }

        /// <summary>
        /// VIOLATION FTP0003: the raw ticket body is Confidential (Personal), above the default
        /// inference ceiling (Internal). Without a policy, no provider may receive Confidential data.
        /// </summary>
        public async Task<string> SummariseTicketAsync(SupportTicket ticket, CancellationToken cancellationToken = default)
        {
            var prompt = $"Summarise this support ticket in one sentence: {ticket.Body}";
            ChatResponse response = await _summaries.GetResponseAsync(prompt, cancellationToken: cancellationToken);
            return response.Text;
        }

        /// <summary>Compliant: the same summary, with the body passed through a justified redactor first.</summary>
        public async Task<string> SummariseRedactedTicketAsync(SupportTicket ticket, CancellationToken cancellationToken = default)
        {
            var messages = new[]
            {
                new AIChatMessage(AIChatRole.System, "Summarise the support ticket in one sentence."),
                new AIChatMessage(AIChatRole.User, Redactor.RedactTicketText(ticket.Body)),
            };

            ChatResponse response = await _summaries.GetResponseAsync(messages, cancellationToken: cancellationToken);
            return response.Text;
        }

        /// <summary>
        /// Compliant: an e-mail address masked by <see cref="Redactor.MaskEmail"/> is Internal. That
        /// redactor has no justification, which FTP0005 reports on its attribute; the cap still applies.
        /// </summary>
        public async Task<string> ConfirmContactAsync(Customer customer, CancellationToken cancellationToken = default)
        {
            var line = "Write a one-line confirmation that we will reply to " + Redactor.MaskEmail(customer.Email) + ".";
            ChatCompletion completion = await _chat.CompleteChatAsync(new OpenAI.Chat.ChatMessage[] { new UserChatMessage(line) }, cancellationToken: cancellationToken);
            return completion.Content[0].Text;
        }
    }
}
