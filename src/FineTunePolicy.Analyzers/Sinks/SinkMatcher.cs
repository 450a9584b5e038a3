using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using FineTunePolicy.Analyzers.Classification;
using FineTunePolicy.Analyzers.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FineTunePolicy.Analyzers.Sinks
{
    /// <summary>One way a method is a sink: which of its parameters carry data, for which purpose, to which provider.</summary>
    internal sealed class SinkMatch
    {
        public SinkMatch(string name, LlmPurpose purpose, string provider, ProviderRule providerRule, int onlyParameter = -1, bool everyParameter = false,
            string? purposeParameter = null, bool receiverIsData = false)
        {
            Name = name;
            Purpose = purpose;
            Provider = provider;
            ProviderRule = providerRule;
            OnlyParameter = onlyParameter;
            EveryParameter = everyParameter;
            PurposeParameter = purposeParameter;
            ReceiverIsData = receiverIsData;
        }

        /// <summary><c>ChatClient.CompleteChat</c>, for messages.</summary>
        public string Name { get; }

        public LlmPurpose Purpose { get; }

        public string Provider { get; }

        public ProviderRule ProviderRule { get; }

        /// <summary>When not -1, only this parameter ordinal is a sink (<c>[LlmSink]</c> on a parameter).</summary>
        public int OnlyParameter { get; }

        /// <summary>Every parameter but the cancellation token is a sink (<c>[LlmSink]</c> on a method).</summary>
        public bool EveryParameter { get; }

        public string? PurposeParameter { get; }

        public bool ReceiverIsData { get; }

        /// <summary>Whether <paramref name="parameter"/> carries data to the provider.</summary>
        public bool IsDataParameter(IParameterSymbol parameter)
        {
            if (OnlyParameter >= 0)
            {
                return parameter.Ordinal == OnlyParameter;
            }

            if (IsCancellationToken(parameter.Type))
            {
                return false;
            }

            return EveryParameter || SinkParameters.CarriesData(parameter, PurposeParameter);
        }

        /// <summary>The purpose of one call: a fine-tune purpose argument turns an upload into fine-tuning.</summary>
        public LlmPurpose PurposeOf(IInvocationOperation invocation)
        {
            if (PurposeParameter is null)
            {
                return Purpose;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == PurposeParameter && SinkParameters.IsFineTunePurpose(argument.Value))
                {
                    return LlmPurpose.FineTuning;
                }
            }

            return Purpose;
        }

        private static bool IsCancellationToken(ITypeSymbol type) =>
            type.Name == "CancellationToken" && SymbolNames.IsInNamespace(type, "System.Threading");
    }

    /// <summary>Finds the sinks of a method, once per method per compilation.</summary>
    internal sealed class SinkMatcher
    {
        private static readonly TypeNameMap<ImmutableArray<SinkEntry>> EntriesByType = BuildIndex();

        private readonly ImmutableArray<CustomSink> _customSinks;
        private readonly SharedCache<IMethodSymbol, ImmutableArray<SinkMatch>> _cache = new(SymbolEqualityComparer.Default);

        /// <param name="customSinks">The policy's own sinks (its slice of the handoff).</param>
        public SinkMatcher(ImmutableArray<CustomSink> customSinks)
        {
            _customSinks = customSinks;
        }

        /// <summary>The names of every sink method a call in <paramref name="compilation"/> can reach (<see cref="SinkNames"/>).</summary>
        public HashSet<string> MethodNames(Compilation compilation) => SinkNames.Of(compilation, _customSinks);

        public ImmutableArray<SinkMatch> Match(IMethodSymbol method)
        {
            return _cache.GetOrAdd(method.ReducedFrom ?? method.OriginalDefinition, static (m, self) => self.Compute(m), this);
        }

        [MethodImpl(HotPath.Optimized)]
        private ImmutableArray<SinkMatch> Compute(IMethodSymbol method)
        {
            var builder = ImmutableArray.CreateBuilder<SinkMatch>();

            for (var current = method; current is not null; current = current.OverriddenMethod)
            {
                if (current.ContainingType is { } type && EntriesByType.TryGetValue(type.OriginalDefinition, out var entries))
                {
                    foreach (var entry in entries)
                    {
                        if (entry.Methods.Contains(current.Name))
                        {
                            builder.Add(new SinkMatch(type.Name + "." + current.Name, entry.Purpose, entry.Provider, entry.ProviderRule,
                                purposeParameter: entry.PurposeParameter, receiverIsData: entry.ReceiverIsData));
                        }
                    }

                    if (builder.Count > 0)
                    {
                        return builder.ToImmutable();
                    }
                }
            }

            var name = SymbolNames.Short(method);
            foreach (var attribute in method.GetAttributes())
            {
                if (IsLlmSink(attribute, out var purpose, out var provider))
                {
                    builder.Add(new SinkMatch(name, purpose, provider, ProviderRule.Fixed, everyParameter: true));
                }
            }

            foreach (var parameter in method.Parameters)
            {
                foreach (var attribute in parameter.GetAttributes())
                {
                    if (IsLlmSink(attribute, out var purpose, out var provider))
                    {
                        builder.Add(new SinkMatch(name, purpose, provider, ProviderRule.Fixed, onlyParameter: parameter.Ordinal));
                    }
                }
            }

            if (!_customSinks.IsEmpty && method.ContainingType is { } containing)
            {
                var typeName = SymbolNames.FullMetadataName(containing.OriginalDefinition);
                foreach (var sink in _customSinks)
                {
                    if (sink.MethodName != method.Name || sink.TypeName != typeName)
                    {
                        continue;
                    }

                    if (sink.ParameterName is null)
                    {
                        builder.Add(new SinkMatch(name, sink.Purpose, sink.Provider, ProviderRule.Fixed, everyParameter: true));
                        continue;
                    }

                    foreach (var parameter in method.Parameters)
                    {
                        if (parameter.Name == sink.ParameterName)
                        {
                            builder.Add(new SinkMatch(name, sink.Purpose, sink.Provider, ProviderRule.Fixed, onlyParameter: parameter.Ordinal));
                        }
                    }
                }
            }

            return builder.ToImmutable();
        }

        private static bool IsLlmSink(AttributeData attribute, out LlmPurpose purpose, out string provider)
        {
            purpose = LlmPurpose.Inference;
            provider = ProviderIds.Unknown;
            if (!Annotations.Is(attribute.AttributeClass, AnnotationAttribute.LlmSink))
            {
                return false;
            }

            if (attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is int value && value >= 0 && value <= 2)
            {
                purpose = (LlmPurpose)value;
            }

            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "Provider" && named.Value.Value is string text && !string.IsNullOrWhiteSpace(text))
                {
                    provider = text.Trim().ToLowerInvariant();
                }
            }

            return true;
        }

        private static TypeNameMap<ImmutableArray<SinkEntry>> BuildIndex()
        {
            var groups = new Dictionary<string, ImmutableArray<SinkEntry>.Builder>(StringComparer.Ordinal);
            foreach (var entry in SinkCatalog.Entries)
            {
                if (!groups.TryGetValue(entry.TypeName, out var list))
                {
                    groups[entry.TypeName] = list = ImmutableArray.CreateBuilder<SinkEntry>();
                }

                list.Add(entry);
            }

            return new TypeNameMap<ImmutableArray<SinkEntry>>(groups.Select(group => new KeyValuePair<string, ImmutableArray<SinkEntry>>(group.Key,
                group.Value.ToImmutable())));
        }
    }

    /// <summary>Which parameters of a catalogue sink carry data: never model names, IDs, settings or tokens.</summary>
    internal static class SinkParameters
    {
        private static readonly ImmutableHashSet<string> NonDataNames = ImmutableHashSet.Create(
            StringComparer.OrdinalIgnoreCase,
            "model", "modelid", "modelname", "deploymentname", "basemodel", "purpose", "filename", "contenttype", "mediatype", "mimetype", "voice", "role",
                "endpoint", "format", "language");

        public static bool CarriesData(IParameterSymbol parameter, string? purposeParameter)
        {
            if (parameter.Name == purposeParameter || NonDataNames.Contains(parameter.Name))
            {
                return false;
            }

            var type = parameter.Type;
            if (type.TypeKind == TypeKind.Enum || type.IsValueType && IsSettingValueType(type))
            {
                return false;
            }

            if (type.SpecialType == SpecialType.System_String && (parameter.Name.EndsWith("Id", StringComparison.Ordinal)
                || parameter.Name.EndsWith("Ids", StringComparison.Ordinal) || parameter.Name == "id"))
            {
                return false;
            }

            // Request plumbing, not content.
            return type.Name is not ("RequestOptions" or "RequestContext" or "Uri" or "IProgress");
        }

        /// <summary>True for <c>FileUploadPurpose.FineTune</c>, <c>UploadFilePurpose.FineTune</c> or the constant <c>"fine-tune"</c>.</summary>
        public static bool IsFineTunePurpose(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                if (conversion.Operand.ConstantValue is { HasValue: true, Value: string converted })
                {
                    return IsFineTuneText(converted);
                }

                value = conversion.Operand;
            }

            if (value.ConstantValue is { HasValue: true, Value: string text })
            {
                return IsFineTuneText(text);
            }

            return value switch
            {
                IPropertyReferenceOperation property => property.Property.Name == "FineTune",
                IFieldReferenceOperation field => field.Field.Name == "FineTune",
                IObjectCreationOperation creation => creation.Arguments.Length == 1 && IsFineTunePurpose(creation.Arguments[0].Value),
                _ => false,
            };
        }

        private static bool IsFineTuneText(string text) =>
            text.Equals("fine-tune", StringComparison.OrdinalIgnoreCase) || text.Equals("fine_tune", StringComparison.OrdinalIgnoreCase)
                || text.Equals("finetune", StringComparison.OrdinalIgnoreCase);

        private static bool IsSettingValueType(ITypeSymbol type)
        {
            switch (type.SpecialType)
            {
                case SpecialType.System_Boolean:
                case SpecialType.System_Int16:
                case SpecialType.System_Int32:
                case SpecialType.System_Int64:
                case SpecialType.System_Single:
                case SpecialType.System_Double:
                case SpecialType.System_Decimal:
                case SpecialType.System_DateTime:
                    return true;
            }

            return type.Name is "TimeSpan" or "DateTimeOffset" or "CancellationToken" or "Nullable"
                && (type is not INamedTypeSymbol { IsGenericType: true } generic || IsSettingValueType(generic.TypeArguments[0]));
        }
    }
}
