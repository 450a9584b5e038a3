using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using FineTunePolicy.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace FineTunePolicy.CodeFixes
{
    /// <summary>FTP0009: <c>[return: Restricted(Categories = DataCategory.Personal)]</c>, the class and categories the result was found to carry.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddReturnClassificationCodeFixProvider))]
    [Shared]
    public sealed class AddReturnClassificationCodeFixProvider : AnnotateDeclarationCodeFixProvider
    {
        public const string Key = "FTP0009:AddReturnClassification";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.VisibleMethodReturnsClassifiedData);

        protected override string EquivalenceKey => Key;

        protected override string Title(string declaration) => "Classify the result of '" + declaration + "'";

        protected override SyntaxNode? CreateAttribute(SyntaxGenerator generator, Compilation compilation, Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.ResultClass, out var dataClass)
                || dataClass is not ("Internal" or "Confidential" or "Restricted")
                || AnnotationType(compilation, dataClass + "Attribute") is not { } attribute)
            {
                return null;
            }

            var arguments = ImmutableArray<SyntaxNode>.Empty;
            if (diagnostic.Properties.TryGetValue(DiagnosticProperties.ResultCategories, out var categories) && !string.IsNullOrEmpty(categories))
            {
                if (AnnotationType(compilation, "DataCategory") is not { } categoryType)
                {
                    return null;
                }

                var flags = categories!.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries).Select(name => name.Trim()).ToList();
                if (flags.Any(flag => categoryType.GetMembers(flag).IsEmpty))
                {
                    return null;
                }

                var value = flags
                    .Select(flag => generator.MemberAccessExpression(generator.TypeExpression(categoryType, addImport: true), flag))
                    .Aggregate(generator.BitwiseOrExpression);
                arguments = arguments.Add(generator.AttributeArgument("Categories", value));
            }

            return generator.Attribute(generator.TypeExpression(attribute, addImport: true), arguments.IsEmpty ? null : arguments);
        }

        protected override void Annotate(DocumentEditor editor, MethodDeclarationSyntax declaration, SyntaxNode attribute) =>
            editor.AddReturnAttribute(declaration, attribute);
    }
}
