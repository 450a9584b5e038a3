using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FineTunePolicy.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FineTunePolicy.CodeFixes
{
    /// <summary>
    /// FTP0005: adds <c>Justification = ""</c> to the <c>[Declassifies]</c> and puts the caret on it. The empty text
    /// still fires FTP0005, so applying the fix silences nothing until the reviewer's reason is written.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddJustificationCodeFixProvider))]
    [Shared]
    public sealed class AddJustificationCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "FTP0005:AddJustification";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DeclassifiesNeedsJustification);

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(static async (context, document, diagnostics) =>
        {
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var attributes = diagnostics.Select(d => AttributeAt(root, d)).OfType<AttributeSyntax>().Where(CanAddJustification).Distinct().ToList();
            return document.WithSyntaxRoot(root.ReplaceNodes(attributes, static (_, rewritten) => WithEmptyJustification(rewritten)));
        });

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (root is not null && AttributeAt(root, diagnostic) is { } attribute && CanAddJustification(attribute))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Add a justification",
                            cancellationToken => AddAsync(context.Document, root, attribute, cancellationToken),
                            EquivalenceKey),
                        diagnostic);
                }
            }
        }

        private static Task<Document> AddAsync(Document document, SyntaxNode root, AttributeSyntax attribute, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(attribute, WithEmptyJustification(attribute))));
        }

        private static AttributeSyntax? AttributeAt(SyntaxNode root, Diagnostic diagnostic) =>
            root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AttributeSyntax>();

        // A Justification already written (empty, blank, null or a constant) is the developer's to fill in: adding a
        // second one would not compile.
        private static bool CanAddJustification(AttributeSyntax attribute) =>
            attribute.ArgumentList?.Arguments.Any(a => a.NameEquals?.Name.Identifier.ValueText == "Justification") != true;

        private static AttributeSyntax WithEmptyJustification(AttributeSyntax attribute)
        {
            var text = SyntaxFactory.LiteralExpression(
                SyntaxKind.StringLiteralExpression,
                SyntaxFactory.Literal(string.Empty).WithAdditionalAnnotations(CaretAnnotation.Create()));
            var justification = SyntaxFactory.AttributeArgument(SyntaxFactory.NameEquals("Justification"), nameColon: null, text);
            var arguments = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
            return attribute.WithArgumentList(arguments.AddArguments(justification));
        }
    }
}
