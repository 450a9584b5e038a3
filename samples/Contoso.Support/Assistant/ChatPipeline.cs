using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace Contoso.Support.Assistant
{
    /// <summary>Builds the <see cref="IChatClient"/> pipeline used for ticket summaries.</summary>
    public static class ChatPipeline
    {
        /// <summary>Compliant: telemetry records timings, token counts and model names, not message content.</summary>
        public static IChatClient Create(ChatClient chat)
        {
            return chat.AsIChatClient()
                .AsBuilder()
                .UseOpenTelemetry(sourceName: "Contoso.Support")
                .Build();
        }

        /// <summary>
        /// VIOLATION FTP0006: <c>EnableSensitiveData = true</c> copies every prompt and answer,
        /// including the classified data in them, into traces.
        /// </summary>
        public static IChatClient CreateForDebugging(ChatClient chat)
        {
            return chat.AsIChatClient()
                .AsBuilder()
                .UseOpenTelemetry(sourceName: "Contoso.Support", configure: telemetry => telemetry.EnableSensitiveData = true)
                .Build();
        }
    }
}
