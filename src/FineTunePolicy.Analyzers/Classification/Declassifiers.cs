using System;
using System.Collections.Generic;
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
        // The sanitizers' methods by their type's metadata name: a method's type is matched without building its name.
        private readonly TypeNameMap<Dictionary<string, DataClass>> _sanitizers;
        private readonly SharedCache<IMethodSymbol, DataClass?> _caps = new(SymbolEqualityComparer.Default);

        /// <param name="sanitizers">The policy's sanitizers by <c>Namespace.Type.Method</c> (its slice of the handoff).</param>
        public Declassifiers(ImmutableDictionary<string, DataClass> sanitizers)
        {
            var byType = new Dictionary<string, Dictionary<string, DataClass>>(StringComparer.Ordinal);
            foreach (var sanitizer in sanitizers)
            {
                var dot = sanitizer.Key.LastIndexOf('.');
                var type = dot < 0 ? "" : sanitizer.Key.Substring(0, dot);
                if (!byType.TryGetValue(type, out var methods))
                {
                    byType[type] = methods = new Dictionary<string, DataClass>(StringComparer.Ordinal);
                }

                methods[sanitizer.Key.Substring(dot + 1)] = sanitizer.Value;
            }

            _sanitizers = new TypeNameMap<Dictionary<string, DataClass>>(byType);
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

                    if (_sanitizers.TryGetValue(containing.OriginalDefinition, out var methods) && methods.TryGetValue(current.Name, out var sanitized))
                    {
                        return sanitized;
                    }
                }
            }

            return null;
        }
    }
}
