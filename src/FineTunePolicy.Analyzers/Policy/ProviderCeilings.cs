using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace FineTunePolicy.Analyzers.Policy
{
    /// <summary>
    /// The ceilings the analyzer enforces (the slice of the handoff that Rules reads): the embedded defaults (no
    /// manifest, docs/rules/README.md), or per provider and purpose as the build task resolved them from the manifest
    /// and the allow-list.
    /// </summary>
    internal sealed class ProviderCeilings
    {
        private static readonly ImmutableDictionary<LlmPurpose, DataClass> DefaultCeilings = ImmutableDictionary.CreateRange(new[]
        {
            new KeyValuePair<LlmPurpose, DataClass>(LlmPurpose.Inference, DataClass.Internal),
            new KeyValuePair<LlmPurpose, DataClass>(LlmPurpose.Embedding, DataClass.Internal),
            new KeyValuePair<LlmPurpose, DataClass>(LlmPurpose.FineTuning, DataClass.Public),
        });

        public static readonly ProviderCeilings Default = new(
            fromManifest: false,
            ImmutableDictionary<(string, LlmPurpose), DataClass>.Empty,
            ImmutableHashSet<string>.Empty);

        private readonly ImmutableDictionary<(string Provider, LlmPurpose Purpose), DataClass> _ceilings;
        private readonly ImmutableHashSet<string> _internalProviders;

        public ProviderCeilings(bool fromManifest, ImmutableDictionary<(string, LlmPurpose), DataClass> ceilings, ImmutableHashSet<string> internalProviders)
        {
            FromManifest = fromManifest;
            _ceilings = ceilings;
            _internalProviders = internalProviders;
        }

        /// <summary>True when a manifest was validated; false for the embedded defaults.</summary>
        public bool FromManifest { get; }

        /// <summary>Whether the policy lets <paramref name="provider"/> receive data for <paramref name="purpose"/>.</summary>
        public bool IsAllowed(string provider, LlmPurpose purpose) => Ceiling(provider, purpose) is not null;

        /// <summary>The highest class <paramref name="provider"/> may receive for <paramref name="purpose"/>; null when not allowed.</summary>
        public DataClass? Ceiling(string provider, LlmPurpose purpose)
        {
            if (!FromManifest)
            {
                return DefaultCeilings[purpose];
            }

            if (provider == ProviderIds.Unknown)
            {
                // A provider-agnostic call gets the lowest ceiling the policy grants any provider.
                DataClass? lowest = null;
                foreach (var entry in _ceilings)
                {
                    if (entry.Key.Purpose == purpose && (lowest is null || entry.Value < lowest))
                    {
                        lowest = entry.Value;
                    }
                }

                return lowest;
            }

            return _ceilings.TryGetValue((provider, purpose), out var ceiling) ? ceiling : null;
        }

        /// <summary>Restricted data may reach only an internally hosted provider granted Restricted for the purpose.</summary>
        public bool AllowsRestricted(string provider, LlmPurpose purpose)
        {
            return FromManifest && _internalProviders.Contains(provider) && Ceiling(provider, purpose) == DataClass.Restricted;
        }

        /// <summary>The providers the policy allows for a purpose, in ordinal order.</summary>
        public List<string> AllowedProviders(LlmPurpose purpose)
        {
            var names = new List<string>();
            foreach (var entry in _ceilings)
            {
                if (entry.Key.Purpose == purpose)
                {
                    names.Add(entry.Key.Provider);
                }
            }

            names.Sort(StringComparer.Ordinal);
            return names;
        }
    }
}
