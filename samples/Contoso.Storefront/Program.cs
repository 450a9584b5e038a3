using System;

namespace Contoso.Storefront
{
    /// <summary>A dry run: prints the model and the prompt the assistant would send. It calls no provider.</summary>
    public static class Program
    {
        public static int Main()
        {
            Console.WriteLine("== Storefront assistant (ChatClient.CompleteChatAsync) ==");
            Console.WriteLine($"model: {OrderAssistant.Model}");
            Console.WriteLine(OrderAssistant.BuildPrompt("CT-1042", "When does my router arrive?"));
            Console.WriteLine("Dry run only: no request was sent.");
            return 0;
        }
    }
}
