using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace FineTunePolicy.Analyzers.Classification
{
    /// <summary>
    /// Whether any value of a compilation can be classified, decided before anything is bound: from the referenced
    /// assemblies' identities, then from the attributes written on the source's declarations (<see cref="TreeNames"/>).
    /// Where no value can be classified, no finding of FTP0001-FTP0003 and no FTP0006 is possible, so the flow engine
    /// does not start.
    /// </summary>
    internal static class ClassificationPresence
    {
        private static readonly AnnotationAttribute[] ClassifyingAttributes =
        {
            AnnotationAttribute.Classified, AnnotationAttribute.Public, AnnotationAttribute.Internal, AnnotationAttribute.Confidential,
                AnnotationAttribute.Restricted,
        };

        /// <summary>
        /// True when the policy maps organisation attributes, when Microsoft.Extensions.Compliance's classification is
        /// referenced, or when the annotations are referenced and used: by a referenced assembly built against them, or
        /// by an attribute of this compilation's source written with one of their names (or an alias, or a subclass of
        /// <c>ClassifiedAttribute</c> declared here).
        /// </summary>
        public static bool CanClassify(Compilation compilation, bool policyMapsAttributes, CancellationToken cancellationToken)
        {
            if (policyMapsAttributes || Annotations.IsReferenced(compilation, Annotations.ComplianceAssemblyName))
            {
                return true;
            }

            if (!Annotations.IsReferenced(compilation, Annotations.AssemblyName))
            {
                return false;
            }

            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (!Annotations.IsAnnotationsAssembly(assembly.Identity) && Annotations.IsBuiltAgainstAnnotations(assembly))
                {
                    return true;
                }
            }

            return WritesAttribute(compilation, ClassifyingAttributes, cancellationToken);
        }

        /// <summary>
        /// Whether the source writes one of <paramref name="attributes"/> on a declaration: by its name, an alias of it,
        /// or a type declared in the source that derives from one of them (to any depth).
        /// </summary>
        public static bool WritesAttribute(Compilation compilation, AnnotationAttribute[] attributes, CancellationToken cancellationToken)
        {
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var attribute in attributes)
            {
                names.UnionWith(Annotations.WrittenNames(attribute));
            }

            var trees = new List<TreeNames>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                trees.Add(TreeNames.Of(tree));
            }

            // Aliases and subclasses add names; a few rounds reach the fixed point (chains of subclasses are short).
            for (var changed = true; changed;)
            {
                changed = false;
                foreach (var treeNames in trees)
                {
                    foreach (var alias in treeNames.Aliases)
                    {
                        changed |= names.Contains(alias.Value) && names.Add(alias.Key);
                    }

                    foreach (var type in treeNames.DeclaredTypes)
                    {
                        foreach (var baseName in type.Value)
                        {
                            if (names.Contains(baseName) && names.Add(type.Key))
                            {
                                changed = true;
                                if (type.Key.EndsWith("Attribute", System.StringComparison.Ordinal))
                                {
                                    names.Add(type.Key.Substring(0, type.Key.Length - "Attribute".Length));
                                }
                            }
                        }
                    }
                }
            }

            foreach (var tree in trees)
            {
                if (tree.AttributeNames.Overlaps(names))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
