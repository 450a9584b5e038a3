using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FineTunePolicy.Analyzers.Policy
{
    /// <summary>
    /// The policy the build task hands over in the generated <c>FineTunePolicy.Analyzers.globalconfig</c> (keys spelled
    /// by src/Shared/HandoffKeys.cs and documented in docs/policy-files.md), read once per compilation into immutable
    /// slices; the composition root gives each room only its slice: the ceilings to Rules, the custom sinks to Sinks,
    /// the sanitizers and attribute mappings to Classification. Without a manifest the ceilings are the embedded defaults.
    /// </summary>
    internal sealed class PolicyHandoff
    {
        public static readonly PolicyHandoff Default = new(
            ProviderCeilings.Default,
            ImmutableArray<CustomSink>.Empty,
            ImmutableDictionary<string, DataClass>.Empty,
            ImmutableDictionary<string, (DataClass, DataCategory)>.Empty,
            TunedModels.None);

        private PolicyHandoff(
            ProviderCeilings ceilings,
            ImmutableArray<CustomSink> sinks,
            ImmutableDictionary<string, DataClass> sanitizers,
            ImmutableDictionary<string, (DataClass Class, DataCategory Categories)> attributeMappings,
            TunedModels tunedModels)
        {
            Ceilings = ceilings;
            Sinks = sinks;
            Sanitizers = sanitizers;
            AttributeMappings = attributeMappings;
            TunedModels = tunedModels;
        }

        /// <summary>The ceilings per provider and purpose (Rules).</summary>
        public ProviderCeilings Ceilings { get; }

        /// <summary>Custom sinks: methods (or one parameter) of the organisation's own that reach a provider (Sinks).</summary>
        public ImmutableArray<CustomSink> Sinks { get; }

        /// <summary>Sanitizers by <c>Namespace.Type.Method</c>: their result carries at most the class (Classification).</summary>
        public ImmutableDictionary<string, DataClass> Sanitizers { get; }

        /// <summary>Attribute types (full metadata name) that classify, with their class and categories (Classification).</summary>
        public ImmutableDictionary<string, (DataClass Class, DataCategory Categories)> AttributeMappings { get; }

        /// <summary>The allow-list's registered tuned models, each with its training class and whether the manifest declares it (Rules, Flow).</summary>
        public TunedModels TunedModels { get; }

        /// <summary>Reads the handoff from the global analyzer options; never throws, ignores what it cannot read.</summary>
        public static PolicyHandoff Read(AnalyzerConfigOptions options)
        {
            var ceilings = ReadCeilings(options);
            var sinks = ReadSinks(options);
            var sanitizers = ReadSanitizers(options);
            var attributes = ReadAttributes(options);
            var models = ceilings.FromManifest ? ReadTunedModels(options) : TunedModels.None;
            return !ceilings.FromManifest && sinks.IsEmpty && sanitizers.IsEmpty && attributes.IsEmpty
                ? Default
                : new PolicyHandoff(ceilings, sinks, sanitizers, attributes, models);
        }

        // finetune_policy.mode = manifest; finetune_policy.providers = a, b; finetune_policy.provider.<id>.<purpose> = Class
        private static ProviderCeilings ReadCeilings(AnalyzerConfigOptions options)
        {
            if (!options.TryGetValue(HandoffKeys.Mode, out var mode)
                || !string.Equals(mode.Trim(), HandoffKeys.ModeManifest, StringComparison.OrdinalIgnoreCase))
            {
                return ProviderCeilings.Default;
            }

            var ceilings = ImmutableDictionary.CreateBuilder<(string, LlmPurpose), DataClass>();
            var internalProviders = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            foreach (var provider in SplitList(options, HandoffKeys.Providers))
            {
                var id = provider.ToLowerInvariant();
                if (options.TryGetValue(HandoffKeys.Hosting(id), out var hosting)
                    && hosting.Trim().Equals(HandoffKeys.HostingInternal, StringComparison.OrdinalIgnoreCase))
                {
                    internalProviders.Add(id);
                }

                foreach (LlmPurpose purpose in Enum.GetValues(typeof(LlmPurpose)))
                {
                    if (options.TryGetValue(HandoffKeys.Ceiling(id, purpose), out var value) && HandoffKeys.TryParseClass(value, out var ceiling))
                    {
                        ceilings[(id, purpose)] = ceiling;
                    }
                }
            }

            return new ProviderCeilings(true, ceilings.ToImmutable(), internalProviders.ToImmutable());
        }

        // finetune_policy.sinks = Namespace.Type.Method(parameter):purpose:provider, ...
        private static ImmutableArray<CustomSink> ReadSinks(AnalyzerConfigOptions options)
        {
            var builder = ImmutableArray.CreateBuilder<CustomSink>();
            foreach (var entry in SplitList(options, HandoffKeys.Sinks))
            {
                var parts = entry.Split(HandoffKeys.FieldSeparator);
                if (parts.Length < 2 || !HandoffKeys.TryParsePurpose(parts[1], out var purpose))
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

                var provider = parts.Length > 2 && parts[2].Trim().Length > 0 ? parts[2].Trim().ToLowerInvariant() : ProviderIds.Unknown;
                builder.Add(new CustomSink(method.Substring(0, lastDot), method.Substring(lastDot + 1), parameter, purpose, provider));
            }

            return builder.ToImmutable();
        }

        // finetune_policy.sanitizers = Namespace.Type.Method:Class, ...
        private static ImmutableDictionary<string, DataClass> ReadSanitizers(AnalyzerConfigOptions options)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, DataClass>(StringComparer.Ordinal);
            foreach (var entry in SplitList(options, HandoffKeys.Sanitizers))
            {
                var parts = entry.Split(HandoffKeys.FieldSeparator);
                if (parts.Length == 2 && HandoffKeys.TryParseClass(parts[1], out var dataClass))
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
            foreach (var entry in SplitList(options, HandoffKeys.Attributes))
            {
                var parts = entry.Split(HandoffKeys.FieldSeparator);
                if (parts.Length >= 2 && HandoffKeys.TryParseClass(parts[1], out var dataClass))
                {
                    builder[parts[0].Trim()] = (dataClass, parts.Length > 2 ? DataModelText.ParseCategories(parts[2]) : DataCategory.None);
                }
            }

            return builder.ToImmutable();
        }

        // finetune_policy.model.<n>.id = ft:...; .provider = openai; .class = Confidential; .categories = Personal+Financial (None);
        // .declared = true. n = 1, 2, 3 ... consecutive: the first missing id ends the list (manifest mode only).
        private static TunedModels ReadTunedModels(AnalyzerConfigOptions options)
        {
            var models = ImmutableArray.CreateBuilder<TunedModel>();
            for (var n = 1; options.TryGetValue(HandoffKeys.Model(n, HandoffKeys.ModelId), out var id); n++)
            {
                id = id.Trim();
                if (id.Length == 0)
                {
                    continue;
                }

                var provider = options.TryGetValue(HandoffKeys.Model(n, HandoffKeys.ModelProvider), out var p) && p.Trim().Length > 0
                    ? p.Trim().ToLowerInvariant()
                    : ProviderIds.Unknown;
                options.TryGetValue(HandoffKeys.Model(n, HandoffKeys.ModelClass), out var classText);
                options.TryGetValue(HandoffKeys.Model(n, HandoffKeys.ModelCategories), out var categories);
                options.TryGetValue(HandoffKeys.Model(n, HandoffKeys.ModelDeclared), out var declared);

                // A class the analyzer cannot read is taken as the highest: what the model may repeat is unknown.
                var trainingClass = HandoffKeys.TryParseClass(classText, out var parsed) ? parsed : DataClass.Restricted;
                models.Add(new TunedModel(
                    id,
                    provider,
                    trainingClass,
                    DataModelText.ParseCategories(categories),
                    string.Equals(declared?.Trim(), HandoffKeys.True, StringComparison.OrdinalIgnoreCase)));
            }

            return models.Count == 0 ? TunedModels.None : new TunedModels(models.ToImmutable());
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
}
