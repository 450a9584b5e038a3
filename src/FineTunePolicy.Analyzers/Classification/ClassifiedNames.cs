using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FineTunePolicy.Analyzers.Classification
{
    /// <summary>
    /// The names through which a method body can read classified data: members of this compilation's types and of
    /// referenced assemblies built against the classification attributes whose value carries a class (their own
    /// attribute or their containing type's), or whose type or return type does (a field holding customers, a method
    /// returning one). A result can carry a class only from something read, so a body that mentions none of these names
    /// returns nothing classified but what its parameters bring, and FTP0009 does not bind it.
    /// </summary>
    internal sealed class ClassifiedNames
    {
        private readonly HashSet<string> _names;

        private ClassifiedNames(HashSet<string> names)
        {
            _names = names;
        }

        public static ClassifiedNames Compute(Compilation compilation, ClassificationIndex classification, CancellationToken cancellationToken)
        {
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            Collect(compilation.Assembly.GlobalNamespace, classification, names, cancellationToken);
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (!Annotations.IsAnnotationsAssembly(assembly.Identity) && Annotations.IsBuiltAgainstClassification(assembly))
                {
                    Collect(assembly.GlobalNamespace, classification, names, cancellationToken);
                }
            }

            return new ClassifiedNames(names);
        }

        /// <summary>Whether the code block mentions one of the names (an identifier, written in any form).</summary>
        public bool AreMentionedIn(SyntaxNode codeBlock)
        {
            foreach (var token in codeBlock.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.Parent is SimpleNameSyntax && _names.Contains(token.ValueText))
                {
                    return true;
                }
            }

            return false;
        }

        private static void Collect(INamespaceOrTypeSymbol container, ClassificationIndex classification, HashSet<string> names,
            CancellationToken cancellationToken)
        {
            foreach (var member in container.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (member)
                {
                    case INamespaceOrTypeSymbol nested:
                        Collect(nested, classification, names, cancellationToken);
                        break;
                    case IFieldSymbol { IsImplicitlyDeclared: false } field when Carries(classification, field, field.Type):
                    case IPropertySymbol property when Carries(classification, property, property.Type):
                    case IMethodSymbol { MethodKind: MethodKind.Ordinary } method when Carries(classification, method, method.ReturnType)
                        || !classification.ReturnClass(method).IsNone:
                        names.Add(member.Name);
                        break;
                }
            }
        }

        private static bool Carries(ClassificationIndex classification, ISymbol member, ITypeSymbol type) =>
            !(member is IMethodSymbol) && !classification.MemberValue(member).IsNone || !classification.Whole(type).IsNone;
    }
}
