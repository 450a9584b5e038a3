using System.Composition;
using System.Collections.Immutable;
using FineTunePolicy.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace FineTunePolicy.CodeFixes
{
    /// <summary>FTP0008: <c>[LlmSink(LlmPurpose.X, Provider = "...")]</c> where callers look: the interface or base member, or the method.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddLlmSinkCodeFixProvider))]
    [Shared]
    public sealed class AddLlmSinkCodeFixProvider : AnnotateDeclarationCodeFixProvider
    {
        public const string Key = "FTP0008:AddLlmSink";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.VisibleMethodSendsParameterToLlm);

        protected override string EquivalenceKey => Key;

        protected override string Title(string declaration) => "Add [LlmSink] to '" + declaration + "'";

        protected override SyntaxNode? CreateAttribute(SyntaxGenerator generator, Compilation compilation, Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Purpose, out var purpose) || string.IsNullOrEmpty(purpose)
                || AnnotationType(compilation, "LlmSinkAttribute") is not { } attribute
                || AnnotationType(compilation, "LlmPurpose") is not { } purposes
                || purposes.GetMembers(purpose!).IsEmpty)
            {
                return null;
            }

            var arguments = ImmutableArray.Create(
                generator.AttributeArgument(generator.MemberAccessExpression(generator.TypeExpression(purposes, addImport: true), purpose!)));
            if (diagnostic.Properties.TryGetValue(DiagnosticProperties.Provider, out var provider) && !string.IsNullOrEmpty(provider))
            {
                arguments = arguments.Add(generator.AttributeArgument("Provider", generator.LiteralExpression(provider!)));
            }

            return generator.Attribute(generator.TypeExpression(attribute, addImport: true), arguments);
        }

        protected override void Annotate(DocumentEditor editor, MethodDeclarationSyntax declaration, SyntaxNode attribute) =>
            editor.AddAttribute(declaration, attribute);
    }
}
