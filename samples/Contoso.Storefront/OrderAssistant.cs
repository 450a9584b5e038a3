using System.Threading;
using System.Threading.Tasks;
using OpenAI.Chat;

namespace Contoso.Storefront
{
    /// <summary>
    /// Answers shoppers' questions about their orders with the support team's tuned model. The model was trained on
    /// Confidential support tickets and its registry entry lets only employees receive its answers, so this project
    /// (audience: customers) may not call it: the build fails with FTP1075 at the model in finetune-policy.json.
    /// </summary>
    public sealed class OrderAssistant
    {
        /// <summary>The support team's tuned model, as the allow-list's registry names it.</summary>
        public const string Model = "ft:gpt-4o-mini-2024-07-18:contoso:support-v3:9xYzAbCd";

        private readonly ChatClient _chat;

        public OrderAssistant(string apiKey)
        {
            _chat = new ChatClient(Model, apiKey);
        }

        public static string BuildPrompt(string orderNumber, string question) => $"Order {orderNumber}: {question}";

        public async Task<string> AnswerAsync(string orderNumber, string question, CancellationToken cancellationToken = default)
        {
            var messages = new ChatMessage[] { new UserChatMessage(BuildPrompt(orderNumber, question)) };
            ChatCompletion completion = await _chat.CompleteChatAsync(messages, cancellationToken: cancellationToken);
            return completion.Content[0].Text;
        }
    }
}
