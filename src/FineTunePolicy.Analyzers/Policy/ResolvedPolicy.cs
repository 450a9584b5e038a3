using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using FineTunePolicy.Analyzers.Classification;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FineTunePolicy.Analyzers.Policy
{
    /// <summary>
    /// The policy the analyzer enforces: the embedded defaults of DESIGN §5, or the policy the
    /// build task resolved from the manifest and allow-list and handed over in the generated
    /// <c>FineTunePolicy.Analyzers.globalconfig</c> (keys documented in docs/policy-files.md).
    /// </summary>
    internal sealed class ResolvedPolicy
    {
        public const string UnknownProvider = "unknown";
        private const string Prefix = "finetune_policy.";

        private static readonly ImmutableDictionary<LlmPurpose, DataClass> DefaultCeilings = ImmutableDictionary.CreateRange(new[]
        {
            new KeyValuePair<LlmPurpose, DataClass>(LlmPurpose.Inference, DataClass.Internal),
            new KeyValuePair<LlmPurpose, DataClass>(LlmPurpose.Embedding, DataClass.Internal),
            new KeyValuePair<LlmPurpose, DataClass>(LlmPurpose.FineTuning, DataClass.Public),
        });

        public static readonly ResolvedPolicy Default = new(
            fromManifest: false,
            ImmutableDictionary<(string, LlmPurpose), DataClass>.Empty,
            ImmutableHashSet<string>.Empty,
            ImmutableArray<CustomSink>.Empty,
            ImmutableDictionary<string, DataClass>.Empty,
            ImmutableDictionary<string, (DataClass, DataCategory)>.Empty);

        private readonly ImmutableDictionary<(string Provider, LlmPurpose Purpose), DataClass> _ceilings;
        private readonly ImmutableHashSet<string> _internalProviders;

        private ResolvedPolicy(
            bool fromManifest,
            ImmutableDictionary<(string, LlmPurpose), DataClass> ceilings,
            ImmutableHashSet<string> internalProviders,
            ImmutableArray<CustomSink> sinks,
            ImmutableDictionary<string, DataClass> sanitizers,
            ImmutableDictionary<string, (DataClass Class, DataCategory Categories)> attributeClasses)
        {
            FromManifest = fromManifest;
            _ceilings = ceilings;
            _internalProviders = internalProviders;
            Sinks = sinks;
            Sanitizers = sanitizers;
            AttributeClasses = attributeClasses;
        }

        /// <summary>True when a manifest was validated; false for the embedded defaults.</summary>
        public bool FromManifest { get; }

        /// <summary>Custom sinks: methods (or one parameter) of the organisation's own that reach a provider.</summary>
        public ImmutableArray<CustomSink> Sinks { get; }

        /// <summary>Sanitizers by <c>Namespace.Type.Method</c>: their result carries at most the class.</summary>
        public ImmutableDictionary<string, DataClass> Sanitizers { get; }

        /// <summary>Attribute types (full metadata name) that classify, with their class and categories.</summary>
        public ImmutableDictionary<string, (DataClass Class, DataCategory Categories)> AttributeClasses { get; }

        /// <summary>Whether the policy lets <paramref name="provider"/> receive data for <paramref name="purpose"/>.</summary>
        public bool IsAllowed(string provider, LlmPurpose purpose) => Ceiling(provider, purpose) is not null;

        /// <summary>The highest class <paramref name="provider"/> may receive for <paramref name="purpose"/>; null when not allowed.</summary>
        public DataClass? Ceiling(string provider, LlmPurpose purpose)
        {
            if (!FromManifest)
            {
                return DefaultCeilings[purpose];
            }

            if (provider == UnknownProvider)
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

        /// <summary>Where the ceilings come from, for messages.</summary>
        public string Origin => FromManifest ? "project policy" : "default policy, no manifest";

        /// <summary>The providers allowed for a purpose, for messages.</summary>
        public string DescribeAllowed(LlmPurpose purpose)
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
            return names.Count == 0
                ? "no provider is allowed for " + DataModelText.Describe(purpose)
                : "allowed for " + DataModelText.Describe(purpose) + ": " + string.Join(", ", names);
        }

        /// <summary>Reads the policy from the global analyzer options; never throws, ignores what it cannot read.</summary>
        public static ResolvedPolicy FromOptions(AnalyzerConfigOptions options)
        {
            if (!options.TryGetValue(Prefix + "mode", out var mode) || !string.Equals(mode.Trim(), "manifest", StringComparison.OrdinalIgnoreCase))
            {
                return FromDefaultsWithExtras(options);
            }

            var ceilings = ImmutableDictionary.CreateBuilder<(string, LlmPurpose), DataClass>();
            var internalProviders = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            foreach (var provider in SplitList(options, Prefix + "providers"))
            {
                var id = provider.ToLowerInvariant();
                if (options.TryGetValue(Prefix + "provider." + id + ".hosting", out var hosting) && hosting.Trim().Equals("internal", StringComparison.OrdinalIgnoreCase))
                {
                    internalProviders.Add(id);
                }

                foreach (LlmPurpose purpose in Enum.GetValues(typeof(LlmPurpose)))
                {
                    if (options.TryGetValue(Prefix + "provider." + id + "." + PurposeKey(purpose), out var value) && DataModelText.TryParseClass(value, out var ceiling))
                    {
                        ceilings[(id, purpose)] = ceiling;
                    }
                }
            }

            return new ResolvedPolicy(true, ceilings.ToImmutable(), internalProviders.ToImmutable(), ReadSinks(options), ReadSanitizers(options), ReadAttributes(options));
        }

        public static string PurposeKey(LlmPurpose purpose) => purpose == LlmPurpose.FineTuning ? "finetuning" : purpose.ToString().ToLowerInvariant();

        private static ResolvedPolicy FromDefaultsWithExtras(AnalyzerConfigOptions options)
        {
            var sinks = ReadSinks(options);
            var sanitizers = ReadSanitizers(options);
            var attributes = ReadAttributes(options);
            return sinks.IsEmpty && sanitizers.IsEmpty && attributes.IsEmpty
                ? Default
                : new ResolvedPolicy(false, Default._ceilings, Default._internalProviders, sinks, sanitizers, attributes);
        }

        // finetune_policy.sinks = Namespace.Type.Method(parameter):purpose:provider, ...
        private static ImmutableArray<CustomSink> ReadSinks(AnalyzerConfigOptions options)
        {
            var builder = ImmutableArray.CreateBuilder<CustomSink>();
            foreach (var entry in SplitList(options, Prefix + "sinks"))
            {
                var parts = entry.Split(':');
                if (parts.Length < 2 || !TryParsePurpose(parts[1], out var purpose))
                {
                    continue;
                }

                var method = parts[0].Trim();
                string? parameter = null;
                var open = method.IndexOf('(');
                if (open > 0 && method.EndsWith(")", StringComparison.Ordinal))
                {
                    parameter = method.Substring(open + 1, method.Length - open - 2).Trim();
                    method = method.Substring(0, open);
                }

                var lastDot = method.LastIndexOf('.');
                if (lastDot <= 0)
                {
                    continue;
                }

                var provider = parts.Length > 2 && parts[2].Trim().Length > 0 ? parts[2].Trim().ToLowerInvariant() : UnknownProvider;
                builder.Add(new CustomSink(method.Substring(0, lastDot), method.Substring(lastDot + 1), parameter, purpose, provider));
            }

            return builder.ToImmutable();
        }

        // finetune_policy.sanitizers = Namespace.Type.Method:Class, ...
        private static ImmutableDictionary<string, DataClass> ReadSanitizers(AnalyzerConfigOptions options)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, DataClass>(StringComparer.Ordinal);
            foreach (var entry in SplitList(options, Prefix + "sanitizers"))
            {
                var parts = entry.Split(':');
                if (parts.Length == 2 && DataModelText.TryParseClass(parts[1], out var dataClass))
                {
                    builder[parts[0].Trim()] = dataClass;
                }
            }

            return builder.ToImmutable();
        }

        // finetune_policy.attributes = Namespace.Attribute:Class:Category+Category, ...
        private static ImmutableDictionary<string, (DataClass, DataCategory)> ReadAttributes(AnalyzerConfigOptions options)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, (DataClass, DataCategory)>(StringComparer.Ordinal);
            foreach (var entry in SplitList(options, Prefix + "attributes"))
            {
                var parts = entry.Split(':');
                if (parts.Length >= 2 && DataModelText.TryParseClass(parts[1], out var dataClass))
                {
                    builder[parts[0].Trim()] = (dataClass, parts.Length > 2 ? DataModelText.ParseCategories(parts[2]) : DataCategory.None);
                }
            }

            return builder.ToImmutable();
        }

        private static bool TryParsePurpose(string text, out LlmPurpose purpose)
        {
            switch (text.Trim().ToLowerInvariant())
            {
                case "inference": purpose = LlmPurpose.Inference; return true;
                case "embedding": purpose = LlmPurpose.Embedding; return true;
                case "finetuning":
                case "fine-tuning": purpose = LlmPurpose.FineTuning; return true;
                default: purpose = default; return false;
            }
        }

        private static IEnumerable<string> SplitList(AnalyzerConfigOptions options, string key)
        {
            if (!options.TryGetValue(key, out var value))
            {
                yield break;
            }

            foreach (var part in value.Split(','))
            {
                var trimmed = part.Trim();
                if (trimmed.Length > 0)
                {
                    yield return trimmed;
                }
            }
        }
    }

    /// <summary>A sink the policy declares: a method of the organisation's own, or one of its parameters.</summary>
    internal sealed class CustomSink
    {
        public CustomSink(string typeName, string methodName, string? parameterName, LlmPurpose purpose, string provider)
        {
            TypeName = typeName;
            MethodName = methodName;
            ParameterName = parameterName;
            Purpose = purpose;
            Provider = provider;
        }

        public string TypeName { get; }

        public string MethodName { get; }

        public string? ParameterName { get; }

        public LlmPurpose Purpose { get; }

        public string Provider { get; }
    }
}
