using System;

namespace FineTunePolicy.Analyzers
{
    // The vocabulary every room shares (so that no room imports another for it). Mirrors of the annotation enums: the
    // analyzer must not reference the annotations assembly (it would have to ship beside the analyzer and could clash
    // with the user's copy).
    internal enum DataClass
    {
        Public = 0,
        Internal = 1,
        Confidential = 2,
        Restricted = 3,
    }

    [Flags]
    internal enum DataCategory
    {
        None = 0,
        Personal = 1,
        Health = 2,
        Payment = 4,
        Credentials = 8,
        Financial = 16,
    }

    internal enum LlmPurpose
    {
        Inference = 0,
        Embedding = 1,
        FineTuning = 2,
    }

    /// <summary>Provider ids every room agrees on.</summary>
    internal static class ProviderIds
    {
        /// <summary>A call through an abstraction whose implementation cannot be seen: the lowest ceiling of the purpose applies.</summary>
        public const string Unknown = "unknown";
    }

    /// <summary>Names of the vocabulary as the handoff and the code fixes write them.</summary>
    internal static class DataModelText
    {
        public static bool TryParseClass(string? text, out DataClass dataClass)
        {
            return Enum.TryParse(text?.Trim(), ignoreCase: true, out dataClass) && Enum.IsDefined(typeof(DataClass), dataClass);
        }

        public static DataCategory ParseCategories(string? text)
        {
            var result = DataCategory.None;
            if (text is null)
            {
                return result;
            }

            foreach (var part in text.Split('+', '|'))
            {
                if (Enum.TryParse(part.Trim(), ignoreCase: true, out DataCategory category))
                {
                    result |= category;
                }
            }

            return result;
        }
    }
}
