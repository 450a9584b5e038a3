using System;

namespace FineTunePolicy.Shared
{
    // The annotations' public enums (FineTunePolicy.DataClass, DataCategory, LlmPurpose), for the analyzer and the
    // task. Neither may reference the annotations assembly (it would have to ship beside them and could clash with
    // the user's copy), so this file is linked into both; tests/FineTunePolicy.Contract.Tests checks the values.

    /// <summary>Data classes, ordered lowest first.</summary>
    internal enum DataClass
    {
        Public = 0,
        Internal = 1,
        Confidential = 2,
        Restricted = 3,
    }

    /// <summary>Data categories, a set.</summary>
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

    /// <summary>What data is sent to a provider for.</summary>
    internal enum LlmPurpose
    {
        Inference = 0,
        Embedding = 1,
        FineTuning = 2,
    }
}
