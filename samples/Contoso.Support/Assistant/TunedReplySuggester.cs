using System.Threading;
using System.Threading.Tasks;
using Contoso.Support.Domain;
using Contoso.Support.Indexing;
using Contoso.Support.Redaction;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;

namespace Contoso.Support.Assistant
{
    /// <summary>
    /// Suggests replies with the support team's tuned model, which the manifest declares (so FTP0010 stays quiet), and
    /// keeps the suggestions searchable. The model was trained on Confidential, Personal support tickets: what it
    /// answers carries that class, wherever it goes next.
    /// </summary>
    public sealed class TunedReplySuggester
    {
        /// <summary>The support team's tuned model, registered in the allow-list and declared in finetune-policy.json.</summary>
        public const string SupportModel = "ft:gpt-4o-mini-2024-07-18:contoso:support-v3:9xYzAbCd";

        private readonly ChatClient _tuned;
        private readonly EmbeddingClient _embeddings;

        public TunedReplySuggester(OpenAIClient openAi)
        {
            _tuned = openAi.GetChatClient(SupportModel);
            _embeddings = openAi.GetEmbeddingClient("text-embedding-3-small");
        }

        /// <summary>Compliant: the prompt is the ticket's index text (Internal), and the suggestion goes back to the agent.</summary>
        public async Task<string> SuggestAsync(SupportTicket ticket, CancellationToken cancellationToken = default)
        {
            ChatCompletion completion = await _tuned.CompleteChatAsync(
                new ChatMessage[] { new UserChatMessage("Draft a reply to: " + TicketIndexer.IndexText(ticket)) },
                cancellationToken: cancellationToken);
            return completion.Content[0].Text;
        }

        /// <summary>
        /// VIOLATION FTP0003: the suggestion is the answer of a model trained on Confidential, Personal tickets; the
        /// manifest grants embeddings up to Internal. Fix: <see cref="IndexRedactedSuggestionAsync"/>.
        /// </summary>
        public async Task<OpenAIEmbedding> IndexSuggestionAsync(SupportTicket ticket, CancellationToken cancellationToken = default)
        {
            var suggestion = await SuggestAsync(ticket, cancellationToken);
            return (await _embeddings.GenerateEmbeddingAsync(suggestion, cancellationToken: cancellationToken)).Value;
        }

        /// <summary>Compliant: the suggestion passes through the ticket redactor (Internal) before it is embedded.</summary>
        public async Task<OpenAIEmbedding> IndexRedactedSuggestionAsync(SupportTicket ticket, CancellationToken cancellationToken = default)
        {
            var suggestion = await SuggestAsync(ticket, cancellationToken);
            return (await _embeddings.GenerateEmbeddingAsync(Redactor.RedactTicketText(suggestion), cancellationToken: cancellationToken)).Value;
        }
    }
}
