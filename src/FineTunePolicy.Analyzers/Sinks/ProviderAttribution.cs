using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FineTunePolicy.Analyzers.Sinks
{
    /// <summary>
    /// What the flow knows of a local: the values written into it, or null when the flow saw no write. An entry is null
    /// for a write that is not a value (an element of a collection, a mutation, an <c>out</c> argument).
    /// </summary>
    internal delegate IEnumerable<IOperation?>? LocalWrites(ILocalSymbol local);

    /// <summary>
    /// The provider of a sink call (docs/classifying-data.md, "Providers"): the SDK names it; an OpenAI client visibly
    /// made by an <c>AzureOpenAIClient</c> is Azure OpenAI; an abstraction is the provider it was visibly made from, else
    /// the catalogue's fallback. Which object made the client is a flow fact, asked through <see cref="LocalWrites"/>.
    /// </summary>
    internal static class ProviderAttribution
    {
        private const int MaxOriginDepth = 8;

        public static string ProviderFor(SinkMatch match, IInvocationOperation call, LocalWrites localWrites)
        {
            if (match.ProviderRule == ProviderRule.Fixed)
            {
                return match.Provider;
            }

            var receiver = call.Instance ?? (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null);
            return receiver is not null && Origin(receiver, localWrites, 0) is { } origin ? origin : match.Provider;
        }

        private static string? Origin(IOperation operation, LocalWrites localWrites, int depth)
        {
            if (depth > MaxOriginDepth)
            {
                return null;
            }

            operation = Strip(operation);
            switch (operation)
            {
                case IConversionOperation conversion:
                    return Origin(conversion.Operand, localWrites, depth + 1);
                case IAwaitOperation awaited:
                    return Origin(awaited.Operation, localWrites, depth + 1);
                case IObjectCreationOperation creation:
                    return ProviderOfType(creation.Type);
                case IInvocationOperation invocation:
                    var receiver = invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod
                        && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                    return receiver is not null
                        ? Origin(receiver, localWrites, depth + 1) ?? ProviderOfType(receiver.Type)
                        : ProviderOfType(invocation.TargetMethod.ContainingType) ?? ProviderOfType(invocation.Type);
                case IPropertyReferenceOperation { Instance: { } instance }:
                    return Origin(instance, localWrites, depth + 1) ?? ProviderOfType(instance.Type);
                case ILocalReferenceOperation local when localWrites(local.Local) is { } writes:
                    string? found = null;
                    foreach (var write in writes)
                    {
                        var origin = write is not null ? Origin(write, localWrites, depth + 1) : null;
                        if (origin is null || found is not null && found != origin)
                        {
                            return null;
                        }

                        found = origin;
                    }

                    return found;
                default:
                    return ProviderOfType(operation.Type);
            }
        }

        /// <summary>The provider a client type talks to: a catalogued client type or family, on the type, its bases or its interfaces.</summary>
        private static string? ProviderOfType(ITypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current is INamedTypeSymbol named && Lookup(SymbolNames.FullMetadataName(named.OriginalDefinition)) is { } provider)
                {
                    return provider;
                }
            }

            if (type is not null && SinkCatalog.ClientFamilyOf(type) is { } family)
            {
                return family;
            }

            if (type is not null)
            {
                foreach (var contract in type.AllInterfaces)
                {
                    if (Lookup(SymbolNames.FullMetadataName(contract.OriginalDefinition)) is { } provider)
                    {
                        return provider;
                    }
                }
            }

            return null;

            static string? Lookup(string name)
            {
                foreach (var entry in SinkCatalog.ClientProviders)
                {
                    if (entry.Key == name)
                    {
                        return entry.Value;
                    }
                }

                return null;
            }
        }

        private static IOperation Strip(IOperation operation)
        {
            while (operation is IConversionOperation { IsImplicit: true, OperatorMethod: null } conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }
    }
}
