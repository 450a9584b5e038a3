using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace FineTunePolicy.Analyzers
{
    /// <summary>
    /// Values keyed by a type's metadata name (<c>System.Buffers.IBufferWriter`1</c>, <c>Outer+Inner</c>), looked up by symbol without
    /// building the symbol's name: a hash lookup of the simple name (without the generic arity, so that a generic type's metadata name
    /// need not be built), then a comparison of the whole name from the end. The analyzer asks this of every method it sees (sinks,
    /// declassifiers) and of every base and interface of many types.
    /// </summary>
    internal class TypeNameMap<TValue>
    {
        private static readonly char[] Separators = { '.', '+' };

        private readonly Dictionary<string, List<KeyValuePair<string, TValue>>> _bySimpleName = new(System.StringComparer.Ordinal);

        public TypeNameMap(IEnumerable<KeyValuePair<string, TValue>> entries)
        {
            foreach (var entry in entries)
            {
                var simple = entry.Key.Substring(entry.Key.LastIndexOfAny(Separators) + 1);
                if (simple.IndexOf('`') is var arity and >= 0)
                {
                    simple = simple.Substring(0, arity);
                }

                if (!_bySimpleName.TryGetValue(simple, out var named))
                {
                    _bySimpleName[simple] = named = new List<KeyValuePair<string, TValue>>();
                }

                named.Add(entry);
            }
        }

        public bool TryGetValue(INamedTypeSymbol type, out TValue value)
        {
            if (_bySimpleName.TryGetValue(type.Name, out var named))
            {
                foreach (var entry in named)
                {
                    if (SymbolNames.HasMetadataName(type, entry.Key))
                    {
                        value = entry.Value;
                        return true;
                    }
                }
            }

            value = default!;
            return false;
        }
    }

    /// <summary>Types named by metadata name (each mapped to its own name).</summary>
    internal sealed class TypeNameSet : TypeNameMap<string>
    {
        public TypeNameSet(IEnumerable<string> fullNames)
            : base(System.Linq.Enumerable.Select(fullNames, name => new KeyValuePair<string, string>(name, name)))
        {
        }

        public bool Contains(INamedTypeSymbol type) => TryGetValue(type, out _);
    }
}
