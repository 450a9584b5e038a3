using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FineTunePolicy.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FineTunePolicy.CodeFixes
{
    /// <summary>
    /// Where a diagnosed sink argument reads its classified sources inside the method that holds it: the argument
    /// itself, and what the locals it uses were given (initialisers, assignments, <c>foreach</c>, and arguments of calls
    /// on them such as <c>builder.Append(x)</c>), transitively. A source read in another method is not found here.
    /// </summary>
    internal static class SourceReads
    {
        /// <summary>
        /// The reads of <paramref name="sources"/> (names as messages give them, <c>Customer.Ssn</c>) that flow into
        /// <paramref name="argument"/>, or empty when one of the sources is not read in this method.
        /// </summary>
        public static ImmutableArray<ExpressionSyntax> Find(SyntaxNode argument, IReadOnlyCollection<string> sources, SemanticModel model,
            CancellationToken cancellationToken)
        {
            if (sources.Count == 0 || Scope(argument) is not { } scope)
            {
                return ImmutableArray<ExpressionSyntax>.Empty;
            }

            var walk = new Walk(scope, sources, model, cancellationToken);
            walk.Visit(argument);
            return walk.Found.Count == sources.Count ? walk.Reads.ToImmutable() : ImmutableArray<ExpressionSyntax>.Empty;
        }

        // The member whose body holds the argument (method, constructor, accessor, property), or the file's top-level statements.
        private static SyntaxNode? Scope(SyntaxNode node)
        {
            foreach (var ancestor in node.AncestorsAndSelf())
            {
                switch (ancestor)
                {
                    case GlobalStatementSyntax:
                        return ancestor.Parent;
                    case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or BasePropertyDeclarationSyntax:
                        return ancestor;
                    case BaseTypeDeclarationSyntax:
                        return null;
                }
            }

            return null;
        }

        private sealed class Walk
        {
            private readonly SyntaxNode _scope;
            private readonly IReadOnlyCollection<string> _sources;
            private readonly SemanticModel _model;
            private readonly CancellationToken _cancellationToken;
            private readonly HashSet<ILocalSymbol> _locals = new(SymbolEqualityComparer.Default);

            public Walk(SyntaxNode scope, IReadOnlyCollection<string> sources, SemanticModel model, CancellationToken cancellationToken)
            {
                _scope = scope;
                _sources = sources;
                _model = model;
                _cancellationToken = cancellationToken;
            }

            public ImmutableArray<ExpressionSyntax>.Builder Reads { get; } = ImmutableArray.CreateBuilder<ExpressionSyntax>();

            public HashSet<string> Found { get; } = new();

            public void Visit(SyntaxNode node)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (node is ExpressionSyntax expression && SourceRead(expression) is { } name)
                {
                    Found.Add(name);
                    if (!Reads.Contains(expression))
                    {
                        Reads.Add(expression);
                    }

                    return;
                }

                if (node is IdentifierNameSyntax identifier && _model.GetSymbolInfo(identifier, _cancellationToken).Symbol is ILocalSymbol local
                    && _locals.Add(local))
                {
                    foreach (var written in WritesInto(local))
                    {
                        Visit(written);
                    }
                }

                foreach (var child in node.ChildNodes())
                {
                    Visit(child);
                }
            }

            // The name of the classified member, parameter or [return:] method this expression reads, if it is one of the sources.
            private string? SourceRead(ExpressionSyntax expression)
            {
                ExpressionSyntax? read = expression switch
                {
                    MemberAccessExpressionSyntax access => access,
                    IdentifierNameSyntax identifier when !IsNameOfAccess(identifier) => identifier,
                    ConditionalAccessExpressionSyntax { WhenNotNull: MemberBindingExpressionSyntax binding } => binding,
                    InvocationExpressionSyntax invocation => invocation,
                    _ => null,
                };

                if (read is null)
                {
                    return null;
                }

                var symbol = _model.GetSymbolInfo(read, _cancellationToken).Symbol;
                var readsValue = symbol is IPropertySymbol or IFieldSymbol or IParameterSymbol || symbol is IMethodSymbol && read is InvocationExpressionSyntax;
                if (symbol is null || !readsValue)
                {
                    return null;
                }

                var source = SymbolNames.Short(symbol.OriginalDefinition);
                return _sources.Contains(source) ? source : null;
            }

            private static bool IsNameOfAccess(IdentifierNameSyntax name) =>
                name.Parent is MemberAccessExpressionSyntax access && access.Name == name
                || name.Parent is MemberBindingExpressionSyntax;

            private IEnumerable<SyntaxNode> WritesInto(ILocalSymbol local)
            {
                foreach (var node in _scope.DescendantNodes())
                {
                    switch (node)
                    {
                        case VariableDeclaratorSyntax { Initializer: { } initializer } declarator when Is(_model.GetDeclaredSymbol(declarator,
                            _cancellationToken), local):
                            yield return initializer.Value;
                            break;
                        case AssignmentExpressionSyntax assignment when Is(_model.GetSymbolInfo(assignment.Left, _cancellationToken).Symbol, local):
                            yield return assignment.Right;
                            break;
                        case ForEachStatementSyntax loop when Is(_model.GetDeclaredSymbol(loop, _cancellationToken), local):
                            yield return loop.Expression;
                            break;
                        case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax call } invocation
                            when Is(_model.GetSymbolInfo(call.Expression, _cancellationToken).Symbol, local):
                            yield return invocation.ArgumentList;
                            break;
                    }
                }
            }

            private static bool Is(ISymbol? symbol, ILocalSymbol local) => SymbolEqualityComparer.Default.Equals(symbol, local);
        }
    }
}
