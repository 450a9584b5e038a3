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
        /// The names of every sink method a call in this compilation can reach: the catalogue's, the policy's custom sinks,
        /// and the <c>[LlmSink]</c> methods of referenced assemblies built against the annotations (constructors as
        /// <c>.ctor</c>). Sinks declared in this compilation's source are found from its syntax (<c>SinkReach</c>).
        /// </summary>
        public static HashSet<string> Of(Compilation compilation, ImmutableArray<CustomSink> customSinks)
        {
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var entry in SinkCatalog.Entries)
            {
                names.UnionWith(entry.Methods);
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
