using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FineTunePolicy.Analyzers;
using FineTunePolicy.Analyzers.Classification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace FineTunePolicy.CodeFixes
{
    /// <summary>
    /// FTP0001-FTP0003: "Pass through '&lt;declassifier&gt;'", once for each <c>[Declassifies]</c> method in scope whose
    /// result is within the class the sink accepts and whose parameter takes every source read: wraps the reads of the
    /// sources above that class, when they are in the method that holds the sink argument. Nothing is offered otherwise
    /// (a declassifier that does not fit, or a source read in another method, would leave the finding in place).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PassThroughDeclassifierCodeFixProvider))]
    [Shared]
    public sealed class PassThroughDeclassifierCodeFixProvider : CodeFixProvider
    {
        /// <summary>Followed by the declassifier's documentation id, so that Fix All uses the one chosen.</summary>
        public const string EquivalenceKeyPrefix = "FTP0001:PassThrough:";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            DiagnosticIds.RestrictedDataReachesLlm,
            DiagnosticIds.DataAboveFineTuningCeiling,
            DiagnosticIds.DataAboveInferenceCeiling);

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(static async (context, document, diagnostics) =>
        {
            if (context.CodeActionEquivalenceKey?.StartsWith(EquivalenceKeyPrefix, StringComparison.Ordinal) != true
                || await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false) is not { } root
                || await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false) is not { } model)
            {
                return document;
            }

            var id = context.CodeActionEquivalenceKey.Substring(EquivalenceKeyPrefix.Length);
            var declassifier = Declassifiers.InScope(model.Compilation, context.CancellationToken).FirstOrDefault(d => d.Id == id);
            var reads = new HashSet<ExpressionSyntax>();
            foreach (var diagnostic in diagnostics)
            {
                if (declassifier is not null && Plan.For(diagnostic, root, model, context.CancellationToken) is { } plan && plan.Fits(declassifier, model))
                {
                    reads.UnionWith(plan.Reads);
                }
            }

            return reads.Count == 0 ? document : Wrap(document, root, reads, declassifier!);
        });

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (Plan.For(diagnostic, root, model, context.CancellationToken) is not { } plan)
                {
                    continue;
                }

                foreach (var declassifier in Declassifiers.InScope(model.Compilation, context.CancellationToken))
                {
                    if (plan.Fits(declassifier, model))
                    {
                        context.RegisterCodeFix(
                            CodeAction.Create(
                                "Pass through '" + SymbolNames.Short(declassifier.Method) + "'",
                                _ => Task.FromResult(Wrap(context.Document, root, plan.Reads, declassifier)),
                                EquivalenceKeyPrefix + declassifier.Id),
                            diagnostic);
                    }
                }
            }
        }

        private static Document Wrap(Document document, SyntaxNode root, IEnumerable<ExpressionSyntax> reads, Declassifier declassifier)
        {
            var generator = SyntaxGenerator.GetGenerator(document);
            var method = declassifier.Method;
            var rewritten = root.ReplaceNodes(reads, (original, current) =>
            {
                var callee = generator.MemberAccessExpression(generator.TypeExpression(method.ContainingType, addImport: true), method.Name);
                return generator.InvocationExpression(callee, current.WithoutTrivia())
                    .WithTriviaFrom(current)
                    .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            });
            return document.WithSyntaxRoot(rewritten);
        }

        /// <summary>What one diagnostic asks of a declassifier: the class its result must stay within, and the reads it must take.</summary>
        private sealed class Plan
        {
            private Plan(DataClass accepted, ImmutableArray<ExpressionSyntax> reads, SyntaxNode argument)
            {
                Accepted = accepted;
                Reads = reads;
                Argument = argument;
            }

            public DataClass Accepted { get; }

            public ImmutableArray<ExpressionSyntax> Reads { get; }

            public SyntaxNode Argument { get; }

            public static Plan? For(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
            {
                if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.AcceptedClass, out var acceptedText)
                    || !DataModelText.TryParseClass(acceptedText, out var accepted)
                    || !diagnostic.Properties.TryGetValue(DiagnosticProperties.SourcesAbove, out var sourcesText)
                    || string.IsNullOrEmpty(sourcesText)
                    || !diagnostic.Location.IsInSource
                    || diagnostic.Location.SourceTree != root.SyntaxTree)
                {
                    return null;
                }

                var argument = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                var sources = sourcesText!.Split(DiagnosticProperties.Separator).Distinct().ToList();
                var reads = SourceReads.Find(argument, sources, model, cancellationToken);
                return reads.IsEmpty ? null : new Plan(accepted, reads, argument);
            }

            /// <summary>Whether calling <paramref name="declassifier"/> on every read compiles here and brings the data within the class.</summary>
            public bool Fits(Declassifier declassifier, SemanticModel model)
            {
                var method = declassifier.Method;
                if (declassifier.Result > Accepted || !method.IsStatic || method.IsGenericMethod || method.ReturnsVoid || method.Parameters.IsEmpty
                    || method.Parameters[0].RefKind != RefKind.None || method.Parameters.Skip(1).Any(p => !p.IsOptional && !p.IsParams)
                    || !model.IsAccessible(Argument.SpanStart, method)
                    || SymbolEqualityComparer.Default.Equals(model.GetEnclosingSymbol(Argument.SpanStart), method))
                {
                    return false;
                }

                foreach (var read in Reads)
                {
                    var type = model.GetTypeInfo(read);
                    if (type.Type is not { } readType
                        || !model.Compilation.ClassifyCommonConversion(readType, method.Parameters[0].Type).IsImplicit
                        || !model.Compilation.ClassifyCommonConversion(method.ReturnType, type.ConvertedType ?? readType).IsImplicit)
                    {
                        return false;
                    }
                }

                return true;
            }
        }
    }
}
