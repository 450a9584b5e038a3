using System;
using System.Collections.Generic;

namespace FineTunePolicy.Build.Tasks.Model
{
    /// <summary>Where a provider runs.</summary>
    internal enum Hosting
    {
        Internal = 0,
        External = 1,
    }

    // DataClass, DataCategory and the purpose enum (LlmPurpose, called Purpose here) are shared with the analyzer:
    // src/Shared/DataModel.cs. Their spellings in the analyzer configuration are src/Shared/HandoffKeys.cs.

    /// <summary>The spellings of the enums in the policy files.</summary>
    internal static class PolicyNames
    {
        public static readonly string[] Classes = { "Public", "Internal", "Confidential", "Restricted" };

        /// <summary>Categories a file may name (None is written as an empty list).</summary>
        public static readonly string[] Categories = { "Personal", "Health", "Payment", "Credentials", "Financial" };

        /// <summary>Purposes as written in the JSON files.</summary>
        public static readonly string[] Purposes = { "inference", "embedding", "fineTuning" };

        public static readonly string[] Hostings = { "internal", "external" };

        public static DataClass ParseClass(string text) => (DataClass)Array.IndexOf(Classes, text);

        public static DataCategory ParseCategory(string text) => (DataCategory)(1 << Array.IndexOf(Categories, text));

        public static Purpose ParsePurpose(string text) => (Purpose)Array.IndexOf(Purposes, text);

        public static Hosting ParseHosting(string text) => (Hosting)Array.IndexOf(Hostings, text);

        public static string Name(DataClass value) => Classes[(int)value];

        /// <summary>The JSON spelling: inference, embedding, fineTuning.</summary>
        public static string Name(Purpose value) => Purposes[(int)value];

        public static string Name(Hosting value) => Hostings[(int)value];

        /// <summary>The categories of a set, in the fixed order of <see cref="Categories"/>.</summary>
        public static List<string> Names(DataCategory value)
        {
            var names = new List<string>();
            for (var i = 0; i < Categories.Length; i++)
            {
                if ((value & (DataCategory)(1 << i)) != 0)
                {
                    names.Add(Categories[i]);
                }
            }

            return names;
        }

        /// <summary>"Personal+Health", or "None": the analyzer configuration spelling.</summary>
        public static string Joined(DataCategory value)
        {
            var names = Names(value);
            return names.Count == 0 ? HandoffKeys.NoCategories : string.Join(HandoffKeys.CategorySeparator.ToString(), names);
        }

        /// <summary>A purpose as a developer reads it in a sentence.</summary>
        public static string Phrase(Purpose value) => value switch
        {
            Purpose.Inference => "inference",
            Purpose.Embedding => "embedding",
            _ => "fine-tuning",
        };
    }
}
