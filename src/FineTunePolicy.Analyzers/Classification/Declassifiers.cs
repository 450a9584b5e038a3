using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace FineTunePolicy.Analyzers.Classification
{
    /// <summary>
    /// The methods whose result carries at most a class (docs/classifying-data.md, "Declassifiers"): <c>[Declassifies]</c>
    /// (on the method or a method it overrides), Microsoft.Extensions.Compliance's <c>Redactor.Redact</c> (Public), and the
    /// policy's sanitizers. Answered once per method per compilation.
    /// </summary>
    internal sealed class Declassifiers
    {
        private readonly ImmutableDictionary<string, DataClass> _sanitizers;
        private readonly SharedCache<IMethodSymbol, DataClass?> _caps = new(SymbolEqualityComparer.Default);

        /// <param name="sanitizers">The policy's sanitizers by <c>Namespace.Type.Method</c> (its slice of the handoff).</param>
        public Declassifiers(ImmutableDictionary<string, DataClass> sanitizers)
        {
            _sanitizers = sanitizers;
        }

        /// <summary>The class <paramref name="method"/> caps its result at, or null when it is no declassifier.</summary>
        public DataClass? CapOf(IMethodSymbol method)
        {
            return _caps.GetOrAdd(method.OriginalDefinition, static (m, self) => self.Compute(m), this);
        }

        private DataClass? Compute(IMethodSymbol method)
        {
            for (var current = method; current is not null; current = current.OverriddenMethod)
            {
                foreach (var attribute in current.GetAttributes())
                {
                    if (Annotations.Is(attribute.AttributeClass, AnnotationAttribute.Declassifies)
                        && attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is int value)
                    {
                        return (DataClass)System.Math.Max(0, System.Math.Min(3, value));
                    }
                }

                if (current.ContainingType is { } containing)
                {
                    if (current.Name == "Redact" && Annotations.IsComplianceRedactor(containing))
                    {
                        return DataClass.Public;
                    }

                    if (_sanitizers.TryGetValue(SymbolNames.FullMetadataName(containing.OriginalDefinition) + "." + current.Name, out var sanitized))
                    {
                        return sanitized;
                    }
                }
            }

            return null;
        }
    }
}
