using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using FineTunePolicy.Analyzers.Policy;
using Microsoft.CodeAnalysis;

namespace FineTunePolicy.Analyzers.Sinks
{
    /// <summary>The names of the methods that are sinks in a compilation, known before anything is bound.</summary>
    internal static class SinkNames
    {
        private static readonly ConditionalWeakTable<IAssemblySymbol, List<string>> DeclaredInMetadata = new();

        /// <summary>
        /// The names of every sink method a call in this compilation can reach: the catalogue's whose type the compilation
        /// declares or references, the policy's custom sinks, and the <c>[LlmSink]</c> methods of referenced assemblies built
        /// against the annotations (constructors as <c>.ctor</c>). Sinks declared in this compilation's source are found from
        /// its syntax (<c>SinkReach</c>).
        /// </summary>
        /// <remarks>
        /// A catalogue type that no assembly of the compilation declares cannot be called, and its names are common words: without
        /// Anthropic's <c>IResourceService</c>, <c>list.Add(x)</c> calls no sink, nor <c>factory.Create()</c> without its
        /// message services. Left in, each would make every body that calls a namesake, and every caller of that body, look as if
        /// it could reach a sink, and be analysed.
        /// </remarks>
        public static HashSet<string> Of(Compilation compilation, ImmutableArray<CustomSink> customSinks)
        {
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            var types = new DeclaredTypes(compilation);
            foreach (var entry in SinkCatalog.Entries)
            {
                if (types.Declares(entry.TypeName))
                {
                    names.UnionWith(entry.Methods);
                }
            }

            foreach (var sink in customSinks)
            {
                names.Add(sink.MethodName);
            }

            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (!Annotations.IsAnnotationsAssembly(assembly.Identity) && Annotations.IsBuiltAgainstAnnotations(assembly))
                {
                    names.UnionWith(DeclaredInMetadata.GetValue(assembly, DeclaredSinks));
                }
            }

            return names;
        }

        /// <summary>The methods of a referenced assembly that are declared sinks, or have a parameter that is.</summary>
        private static List<string> DeclaredSinks(IAssemblySymbol assembly)
        {
            var names = new List<string>();
            var namespaces = new Stack<INamespaceOrTypeSymbol>();
            namespaces.Push(assembly.GlobalNamespace);
            while (namespaces.Count > 0)
            {
                foreach (var member in namespaces.Pop().GetMembers())
                {
                    switch (member)
                    {
                        case INamespaceOrTypeSymbol container:
                            namespaces.Push(container);
                            break;
                        case IMethodSymbol method when IsDeclaredSink(method):
                            names.Add(method.MethodKind == MethodKind.Constructor ? WellKnownMemberNames.InstanceConstructorName : method.Name);
                            break;
                    }
                }
            }

            return names;
        }

        /// <summary>Whether a type of a metadata name is declared in the compilation's source or references, namespace by namespace.</summary>
        private sealed class DeclaredTypes
        {
            private readonly Compilation _compilation;
            private readonly Dictionary<string, INamespaceSymbol?> _namespaces = new(System.StringComparer.Ordinal);

            // A reference under an extern alias is not in the global namespace: then every catalogue type may be there.
            private readonly bool _aliased;

            public DeclaredTypes(Compilation compilation)
            {
                _compilation = compilation;
                foreach (var reference in compilation.References)
                {
                    foreach (var alias in reference.Properties.Aliases)
                    {
                        _aliased |= alias != "global";
                    }
                }
            }

            [MethodImpl(HotPath.Optimized)]
            public bool Declares(string metadataName)
            {
                var dot = metadataName.LastIndexOf('.');
                if (_aliased || dot < 0 || metadataName.IndexOf('+') >= 0)
                {
                    return true;
                }

                var name = metadataName.Substring(dot + 1);
                var tick = name.IndexOf('`');
                var arity = 0;
                if (tick >= 0 && !int.TryParse(name.Substring(tick + 1), System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out arity))
                {
                    return true;
                }

                return Namespace(metadataName.Substring(0, dot)) is { } container
                    && !container.GetTypeMembers(tick < 0 ? name : name.Substring(0, tick), arity).IsEmpty;
            }

            private INamespaceSymbol? Namespace(string qualifiedName)
            {
                if (_namespaces.TryGetValue(qualifiedName, out var known))
                {
                    return known;
                }

                var dot = qualifiedName.LastIndexOf('.');
                var parent = dot < 0 ? _compilation.GlobalNamespace : Namespace(qualifiedName.Substring(0, dot));
                INamespaceSymbol? found = null;
                if (parent is not null)
                {
                    foreach (var member in parent.GetMembers(qualifiedName.Substring(dot + 1)))
                    {
                        found ??= member as INamespaceSymbol;
                    }
                }

                _namespaces[qualifiedName] = found;
                return found;
            }
        }

        private static bool IsDeclaredSink(IMethodSymbol method)
        {
            if (HasSinkAttribute(method.GetAttributes()))
            {
                return true;
            }

            foreach (var parameter in method.Parameters)
            {
                if (HasSinkAttribute(parameter.GetAttributes()))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasSinkAttribute(ImmutableArray<AttributeData> attributes)
        {
            foreach (var attribute in attributes)
            {
                if (Annotations.Is(attribute.AttributeClass, AnnotationAttribute.LlmSink))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
