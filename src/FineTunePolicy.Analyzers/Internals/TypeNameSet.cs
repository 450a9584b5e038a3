using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace FineTunePolicy.Analyzers
{
    /// <summary>
    /// Types named by metadata name (<c>System.Buffers.IBufferWriter`1</c>, <c>Outer+Inner</c>), matched against symbols without building
    /// their names: a hash lookup of the simple metadata name, then a comparison of the containing names from the end.
    /// </summary>
    internal sealed class TypeNameSet
    {
        private static readonly char[] Separators = { '.', '+' };

        private readonly Dictionary<string, List<string>> _bySimpleName = new(System.StringComparer.Ordinal);

        public TypeNameSet(IEnumerable<string> fullNames)
        {
            foreach (var fullName in fullNames)
            {
                var simple = fullName.Substring(fullName.LastIndexOfAny(Separators) + 1);
                if (!_bySimpleName.TryGetValue(simple, out var names))
                {
                    _bySimpleName[simple] = names = new List<string>();
                }

                names.Add(fullName);
            }
        }

        /// <summary>The full name of <paramref name="type"/> if it is in the set, else null.</summary>
        public string? Find(INamedTypeSymbol type)
        {
            if (_bySimpleName.TryGetValue(type.MetadataName, out var names))
            {
                foreach (var name in names)
                {
                    if (SymbolNames.HasMetadataName(type, name))
                    {
                        return name;
                    }
                }
            }

            return null;
        }

        public bool Contains(INamedTypeSymbol type) => Find(type) is not null;
    }
}
