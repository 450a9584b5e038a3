using System.Text;
using Microsoft.CodeAnalysis;

namespace FineTunePolicy.Analyzers
{
    internal static class SymbolNames
    {
        /// <summary>The metadata name of a type: <c>Namespace.Outer+Inner`1</c>.</summary>
        public static string FullMetadataName(INamedTypeSymbol type)
        {
            var builder = new StringBuilder();
            Append(builder, type);
            return builder.ToString();
        }

        /// <summary><c>Type.Member</c> for messages (<c>Customer.Ssn</c>).</summary>
        public static string Short(ISymbol symbol)
        {
            if (symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor)
            {
                return "new " + constructor.ContainingType.Name;
            }

            return symbol.ContainingType is null ? symbol.Name : symbol.ContainingType.Name + "." + symbol.Name;
        }

        /// <summary>Whether the symbol's namespace is exactly <paramref name="ns"/>, without building its name.</summary>
        public static bool IsInNamespace(ISymbol symbol, string ns) => IsInNamespace(symbol, ns, ns.Length);

        /// <summary>
        /// Whether <paramref name="type"/>'s metadata name (<c>Namespace.Outer+Inner`1</c>) is <paramref name="fullName"/>, compared from
        /// the end without building it: the analyzer asks this of every base and interface of many types.
        /// </summary>
        public static bool HasMetadataName(INamedTypeSymbol type, string fullName) => EndsWithMetadataName(type, fullName, fullName.Length);

        private static bool EndsWithMetadataName(INamedTypeSymbol type, string fullName, int end)
        {
            var name = type.MetadataName;
            var start = end - name.Length;
            if (start < 0 || string.CompareOrdinal(fullName, start, name, 0, name.Length) != 0)
            {
                return false;
            }

            if (type.ContainingType is { } outer)
            {
                return start > 0 && fullName[start - 1] == '+' && EndsWithMetadataName(outer, fullName, start - 1);
            }

            return start == 0
                ? type.ContainingNamespace is null or { IsGlobalNamespace: true }
                : fullName[start - 1] == '.' && IsInNamespace(type, fullName, start - 1);
        }

        // Whether the symbol's namespace is exactly the first `end` characters of `ns`.
        private static bool IsInNamespace(ISymbol symbol, string ns, int end)
        {
            for (var current = symbol.ContainingNamespace; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
            {
                var name = current.Name;
                var start = end - name.Length;
                if (start < 0 || string.CompareOrdinal(ns, start, name, 0, name.Length) != 0)
                {
                    return false;
                }

                if (start == 0)
                {
                    return current.ContainingNamespace is null or { IsGlobalNamespace: true };
                }

                if (ns[start - 1] != '.')
                {
                    return false;
                }

                end = start - 1;
            }

            return false;
        }

        private static void Append(StringBuilder builder, INamedTypeSymbol type)
        {
            if (type.ContainingType is { } outer)
            {
                Append(builder, outer);
                builder.Append('+');
            }
            else if (type.ContainingNamespace is { IsGlobalNamespace: false } ns)
            {
                builder.Append(ns.ToDisplayString()).Append('.');
            }

            builder.Append(type.MetadataName);
        }
    }
}
