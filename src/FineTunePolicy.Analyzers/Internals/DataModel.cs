using System;

namespace FineTunePolicy.Analyzers
{
    // DataClass, DataCategory, LlmPurpose and ProviderIds are src/Shared (DataModel.cs, ProviderIds.cs), linked into
    // the analyzer and the build task alike (the analyzer must not reference the annotations assembly: it would have
    // to ship beside the analyzer and could clash with the user's copy).

    /// <summary>Names of the vocabulary as the handoff and the code fixes write them.</summary>
    internal static class DataModelText
    {
        public static bool TryParseClass(string? text, out DataClass dataClass) => HandoffKeys.TryParseClass(text, out dataClass);

        public static DataCategory ParseCategories(string? text)
        {
            var result = DataCategory.None;
            if (text is null)
            {
                return result;
            }

            foreach (var part in text.Split(HandoffKeys.CategorySeparator, '|'))
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
