using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FineTunePolicy.Analyzers.Flow
{
    /// <summary>Where the body of a method of the compilation is, and the one a code block holds.</summary>
    internal static class MethodBodies
    {
        /// <summary>The definition whose body a call reaches, or null when it has none in this compilation's source.</summary>
        [MethodImpl(HotPath.Optimized)]
        public static IMethodSymbol? Definition(IMethodSymbol method, Compilation compilation)
        {
            // Most calls reach methods of references, which have no syntax: that answers at once, where their assembly is found by
            // walking up their namespaces. Source of another compilation (a project reference in the editor) has syntax: the
            // assembly tells it apart.
            if (method.DeclaringSyntaxReferences.IsEmpty || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly)
                || method.IsAbstract || method.IsExtern
                || method.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction or MethodKind.DelegateInvoke)
            {
                return null;
            }

            // A partial method's implementation part, or the definition of a constructed method.
            var definition = method.PartialImplementationPart ?? method.OriginalDefinition;
            return definition.DeclaringSyntaxReferences.IsEmpty ? null : definition;
        }

        /// <summary>The declaration of <paramref name="definition"/> that has a body (not, say, the body-less half of a partial method).</summary>
        public static SyntaxNode? BodyNode(IMethodSymbol definition)
        {
            foreach (var reference in definition.DeclaringSyntaxReferences)
            {
                var node = reference.GetSyntax();
                var hasBody = node switch
                {
                    BaseMethodDeclarationSyntax declaration => declaration.Body is not null || declaration.ExpressionBody is not null,
                    AccessorDeclarationSyntax accessor => accessor.Body is not null || accessor.ExpressionBody is not null,
                    ArrowExpressionClauseSyntax => true,
                    CompilationUnitSyntax unit => unit.Members.Any(member => member is GlobalStatementSyntax),
                    _ => false,
                };

                if (hasBody)
                {
                    return node;
                }
            }

            return null;
        }

        /// <summary>The method whose body a code block can hold: a method, or a property's getter.</summary>
        [MethodImpl(HotPath.Optimized)]
        public static IMethodSymbol? OwnerOf(ISymbol owner)
        {
            return owner switch
            {
                IMethodSymbol symbol => symbol,
                IPropertySymbol { GetMethod: { } getter } => getter,
                _ => null,
            };
        }
    }
}
