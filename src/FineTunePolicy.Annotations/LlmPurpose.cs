namespace FineTunePolicy
{
    /// <summary>What a provider does with data sent to it.</summary>
    public enum LlmPurpose
    {
        /// <summary>Prompts and completions: chat, responses, assistants, audio, moderation, and uploads used in prompts.</summary>
        Inference = 0,

        /// <summary>Embedding generation.</summary>
        Embedding = 1,

        /// <summary>Training: fine-tuning jobs and training-file uploads. The data may become part of a model.</summary>
        FineTuning = 2,
    }
}
