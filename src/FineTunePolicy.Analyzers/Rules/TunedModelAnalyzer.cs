using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using FineTunePolicy.Analyzers.Policy;
using FineTunePolicy.Analyzers.Rules;
using FineTunePolicy.Analyzers.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FineTunePolicy.Analyzers
{
    /// <summary>
    /// FTP0010: a tuned model that the project's manifest does not declare, given where an SDK takes a model or deployment
    /// name (<see cref="ModelParameters"/>). Needs no classification: it runs wherever a table's SDK is referenced, and
    /// binds only the members whose names (read once per tree) mention a member of the table.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TunedModelAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.FTP0010_UndeclaredTunedModel);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (!ReferencesModelSdk(start.Compilation))
                {
                    return;
                }

                var policy = PolicyHandoff.Read(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
                var check = new TunedModelCheck(policy.TunedModels, policy.Ceilings.FromManifest);
                var names = NameHashes();

                // A code block, not an operation block: nothing is bound unless the member names a member of the table.
                start.RegisterCodeBlockAction([MethodImpl(HotPath.Optimized)] (block) =>
                {
                    if (!MayNameModelParameter(block.CodeBlock, names))
                    {
                        return;
                    }

                    foreach (var node in block.CodeBlock.DescendantNodesAndSelf())
                    {
                        if (IsCandidate(node) && block.SemanticModel.GetOperation(node, block.CancellationToken) is { } operation
                            && check.Evaluate(operation) is { } diagnostic)
                        {
                            block.ReportDiagnostic(diagnostic);
                        }
                    }
                });
            });
        }

        private static bool ReferencesModelSdk(Compilation compilation)
        {
            foreach (var identity in compilation.ReferencedAssemblyNames)
            {
                if (ModelParameters.Assemblies.Contains(identity.Name))
                {
                    return true;
                }
            }

            return false;
        }

        private static System.Collections.Generic.HashSet<int> NameHashes()
        {
            var hashes = new System.Collections.Generic.HashSet<int>();
            foreach (var name in ModelParameters.WrittenNames)
            {
                hashes.Add(NameHash.Of(name));
            }

            return hashes;
        }

        // The cached names of the member that holds the block (TreeNames); a field or property initializer, which has no
        // such entry, is small and checked by its syntax alone.
        [MethodImpl(HotPath.Optimized)]
        private static bool MayNameModelParameter(SyntaxNode codeBlock, System.Collections.Generic.HashSet<int> names)
        {
            var treeNames = TreeNames.Of(codeBlock.SyntaxTree);
            for (var node = codeBlock; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax when treeNames.Members.TryGetValue(node.SpanStart, out var member):
                        return member.Mentions(names);
                    case CompilationUnitSyntax:
                        return treeNames.TopLevel is { } topLevel && topLevel.Mentions(names);
                    case BaseFieldDeclarationSyntax or BaseTypeDeclarationSyntax:
                        return true;
                }
            }

            return true;
        }

        // Syntax first: a call, construction or assignment whose written name is one of the table's (a target-typed new
        // names no type, so it is always asked).
        [MethodImpl(HotPath.Optimized)]
        private static bool IsCandidate(SyntaxNode node)
        {
            return node switch
            {
                InvocationExpressionSyntax invocation => RightmostName(invocation.Expression) is { } name && ModelParameters.WrittenNames.Contains(name),
                ObjectCreationExpressionSyntax creation => RightmostName(creation.Type) is { } type && ModelParameters.WrittenNames.Contains(type),
                ImplicitObjectCreationExpressionSyntax => true,
                AssignmentExpressionSyntax assignment => assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                    && RightmostName(assignment.Left) is { } property && ModelParameters.WrittenNames.Contains(property),
                _ => false,
            };
        }

        private static string? RightmostName(SyntaxNode expression)
        {
            return expression switch
            {
                SimpleNameSyntax name => name.Identifier.ValueText,
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
                _ => null,
            };
        }
    }
}
