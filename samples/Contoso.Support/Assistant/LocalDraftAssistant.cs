using System.Text;
using System.Threading.Tasks;
using Contoso.Support.Domain;
using OllamaSharp;

namespace Contoso.Support.Assistant
{
    /// <summary>
    /// Drafts replies with the Ollama server of the developer cluster. The manifest declares Ollama
    /// for embeddings only, so the chat call below is outside the project's policy.
    /// </summary>
    public sealed class LocalDraftAssistant
    {
        private readonly IOllamaApiClient _ollama;

        public LocalDraftAssistant(IOllamaApiClient ollama)
        {
            _ollama = ollama;
        }

        /// <summary>
        /// Violation (FTP0004): Ollama is not declared for inference in finetune-policy.json. Fix:
        /// declare it (the allow-list permits Ollama for inference up to Confidential) and have the
        /// use approved, or draft with the declared provider.
        /// </summary>
        public async Task<string> DraftAsync(SupportTicket ticket)
        {
            var reply = new StringBuilder();
            await foreach (var chunk in _ollama.GenerateAsync("Draft a short, friendly reply about " + ticket.Product))
            {
                reply.Append(chunk?.Response);
            }

            return reply.ToString();
        }
    }
}
