using System;
using Contoso.Support.Assistant;
using Contoso.Support.Domain;
using Contoso.Support.FineTuning;
using Contoso.Support.Indexing;
using OpenAI.Chat;

namespace Contoso.Support
{
    /// <summary>
    /// A dry run: prints what the assistant, the indexer and the exporter would send, using the
    /// compliant paths only. It creates no client and calls no provider, so it needs no API key.
    /// </summary>
    public static class Program
    {
        public static int Main()
        {
            var customer = SampleData.Ada;
            var ticket = SampleData.RouterTicket;

            Console.WriteLine("== Support assistant: reply prompt (ChatClient.CompleteChatAsync) ==");
            foreach (ChatMessage message in PromptBuilder.BuildReplyMessages(customer, ticket))
            {
                Console.WriteLine($"[{message.GetType().Name}] {message.Content[0].Text}");
            }

            Console.WriteLine();
            Console.WriteLine("== Embedding indexer: text per ticket (IEmbeddingGenerator.GenerateAsync) ==");
            Console.WriteLine(TicketIndexer.IndexText(ticket));

            Console.WriteLine();
            Console.WriteLine("== Fine-tuning exporter: JSONL (OpenAIFileClient.UploadFileAsync, FileUploadPurpose.FineTune) ==");
            Console.Write(FineTuningExporter.BuildAnonymisedJsonl(SampleData.Resolved));
            Console.WriteLine($"Then: FineTuningClient.FineTuneAsync(\"{FineTuningExporter.BaseModel}\", <file id>, waitUntilCompleted: false)");

            Console.WriteLine();
            Console.WriteLine("Dry run only: no request was sent. See README.md for the findings the build reports.");
            return 0;
        }
    }
}
