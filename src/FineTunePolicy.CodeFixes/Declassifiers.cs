using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using FineTunePolicy.Analyzers;
using FineTunePolicy.Analyzers.Classification;
using Microsoft.CodeAnalysis;

namespace FineTunePolicy.CodeFixes
{
    /// <summary>A <c>[Declassifies(X)]</c> method and the class <c>X</c> its result is capped at.</summary>
    internal sealed class Declassifier
    {
        public Declassifier(IMethodSymbol method, DataClass result)
        {
            Method = method;
            Result = result;
        }

        public IMethodSymbol Method { get; }

        public DataClass Result { get; }

        /// <summary>
        /// Names the declassifier in an equivalence key (<c>Contoso.Redaction.MaskSsn(string)</c>), so that Fix All applies the same one everywhere.
        /// </summary>
        public string Id => Method.ToDisplayString();
    }

    /// <summary>
    /// The <c>[Declassifies]</c> methods a compilation can call: its own and those of referenced assemblies that use the
    /// annotations (no other assembly can declare one), found once per compilation.
    /// </summary>
    internal static class Declassifiers
    {
        private static readonly ConditionalWeakTable<Compilation, Declassifier[]> Cache = new();

        public static IReadOnlyList<Declassifier> InScope(Compilation compilation, CancellationToken cancellationToken)
        {
            if (Cache.TryGetValue(compilation, out var known))
            {
                return known;
            }

            var builder = ImmutableArray.CreateBuilder<Declassifier>();
            Collect(compilation.Assembly.GlobalNamespace, builder, cancellationToken);
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (Annotations.IsBuiltAgainstAnnotations(assembly))
                {
                    Collect(assembly.GlobalNamespace, builder, cancellationToken);
                }
            }

            var found = builder.ToArray();
            return Cache.GetValue(compilation, _ => found);
        }

        /// <summary>The class <c>[Declassifies]</c> caps <paramref name="method"/>'s result at, or null when it has none.</summary>
        public static DataClass? ResultOf(IMethodSymbol method)
        {
            foreach (var attribute in method.GetAttributes())
            {
                if (Annotations.Is(attribute.AttributeClass, AnnotationAttribute.Declassifies)
                    && attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is int value && value >= 0 && value <= 3)
                {
                    return (DataClass)value;
                }
            }

            return null;
        }

        private static void Collect(INamespaceOrTypeSymbol container, ImmutableArray<Declassifier>.Builder builder, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var member in container.GetMembers())
            {
                switch (member)
                {
                    case INamespaceOrTypeSymbol nested:
                        Collect(nested, builder, cancellationToken);
                        break;
                    case IMethodSymbol method when ResultOf(method) is { } result:
                        builder.Add(new Declassifier(method, result));
                        break;
                }
            }
        }
    }
}
