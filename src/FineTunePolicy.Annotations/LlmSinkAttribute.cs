using System;

namespace FineTunePolicy
{
    /// <summary>
    /// Marks a method of your own that sends data to an LLM provider (a wrapper, a gateway client):
    /// on a method, every parameter except <see cref="System.Threading.CancellationToken"/> is a
    /// sink; on a parameter, that parameter is.
    /// </summary>
    /// <example><code>[LlmSink(LlmPurpose.Inference, Provider = "contoso-gateway")] Task&lt;string&gt; AskAsync(string prompt)</code></example>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
    public sealed class LlmSinkAttribute : Attribute
    {
        /// <summary>Declares a sink for <paramref name="purpose"/>.</summary>
        /// <param name="purpose">What the provider does with the data.</param>
        public LlmSinkAttribute(LlmPurpose purpose)
        {
            Purpose = purpose;
        }

        /// <summary>What the provider does with the data.</summary>
        public LlmPurpose Purpose { get; }

        /// <summary>The provider's ID in the allow-list; <c>unknown</c> when not given.</summary>
        public string? Provider { get; set; }
    }
}
