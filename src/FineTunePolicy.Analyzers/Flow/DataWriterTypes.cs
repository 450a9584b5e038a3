using Microsoft.CodeAnalysis;

namespace FineTunePolicy.Analyzers.Flow
{
    /// <summary>
    /// The types whose objects accumulate what is written into them: writers, streams, buffers and builders, by metadata name, bases
    /// and interfaces included. Asked of the receiver and of every argument of every call that a summary collects, mostly of the same
    /// few types (<c>string</c>, a customer, a builder): each type's answer is kept, because finding it walks the bases and builds the
    /// list of all interfaces.
    /// </summary>
    internal sealed class DataWriterTypes
    {
        private static readonly TypeNameSet Names = new(new[]
        {
            "System.IO.TextWriter",
            "System.IO.Stream",
            "System.IO.BinaryWriter",
            "System.Text.StringBuilder",
            "System.Text.Json.Utf8JsonWriter",
            "System.Buffers.IBufferWriter`1",
            "System.Text.Json.Nodes.JsonNode",
            "System.Xml.XmlWriter",
        });

        private readonly SharedCache<ITypeSymbol, bool> _known = new(SymbolEqualityComparer.Default);

        /// <summary>Whether values of <paramref name="type"/> accumulate what is written into them.</summary>
        public bool Contains(ITypeSymbol? type)
        {
            if (type is null || type.SpecialType != SpecialType.None)
            {
                // string, int, object: never a writer (and the commonest arguments by far).
                return false;
            }

            return _known.TryGetValue(type, out var known) ? known : _known.GetOrAdd(type, Compute(type));
        }

        private static bool Compute(ITypeSymbol type)
        {
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                if (current is INamedTypeSymbol named && Names.Contains(named.OriginalDefinition))
                {
                    return true;
                }
            }

            foreach (var contract in type.AllInterfaces)
            {
                if (Names.Contains(contract.OriginalDefinition))
                {
                    return true;
                }
            }

            if (type is ITypeParameterSymbol { ConstraintTypes: var constraints })
            {
                foreach (var constraint in constraints)
                {
                    if (Compute(constraint))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
