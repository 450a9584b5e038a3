using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FineTunePolicy.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace FineTunePolicy.CodeFixes
{
    /// <summary>
    /// FTP0008 and FTP0009 write an attribute where callers in other assemblies will read it: on the reported method, or
    /// on the interface or base member the rule names (its first additional location), which may be in another document.
    /// The attribute is written fully qualified and simplified by the IDE's clean-up, which adds <c>using FineTunePolicy;</c>.
    /// Fix All annotates each declaration once, however many implementations led to it.
    /// </summary>
    public abstract class AnnotateDeclarationCodeFixProvider : CodeFixProvider
    {
        /// <summary>What the code action is called, e.g. <c>Add [LlmSink] to 'ITextGenerator.GenerateAsync'</c>.</summary>
        protected abstract string Title(string declaration);

        protected abstract string EquivalenceKey { get; }

        /// <summary>The attribute (fully qualified, to be simplified) for this diagnostic, or null when the compilation cannot express it.</summary>
        protected abstract SyntaxNode? CreateAttribute(SyntaxGenerator generator, Compilation compilation, Diagnostic diagnostic);

        /// <summary>Adds the attribute to the declaration (on the method, or on its return value).</summary>
        protected abstract void Annotate(DocumentEditor editor, MethodDeclarationSyntax declaration, SyntaxNode attribute);

        public sealed override FixAllProvider GetFixAllProvider() => new FixAll(this);

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var compilation = await context.Document.Project.GetCompilationAsync(context.CancellationToken).ConfigureAwait(false);
            if (compilation is null)
            {
                return;
            }

            var generator = SyntaxGenerator.GetGenerator(context.Document);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (await TargetAsync(context.Document.Project.Solution, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } target
                    && CreateAttribute(generator, compilation, diagnostic) is not null)
                {
                    var solution = context.Document.Project.Solution;
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            Title(target.Name),
                            cancellationToken => ApplyAsync(this, solution, new[] { diagnostic }, cancellationToken),
                            EquivalenceKey),
                        diagnostic);
                }
            }
        }

        private static async Task<Solution> ApplyAsync(AnnotateDeclarationCodeFixProvider provider, Solution solution, IEnumerable<Diagnostic> diagnostics,
            CancellationToken cancellationToken)
        {
            var editor = new SolutionEditor(solution);
            var annotated = new HashSet<(DocumentId, Microsoft.CodeAnalysis.Text.TextSpan)>();
            foreach (var diagnostic in diagnostics)
            {
                if (await TargetAsync(solution, diagnostic, cancellationToken).ConfigureAwait(false) is not { } target
                    || !annotated.Add((target.Document.Id, target.Declaration.Span))
                    || await target.Document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } compilation)
                {
                    continue;
                }

                var documentEditor = await editor.GetDocumentEditorAsync(target.Document.Id, cancellationToken).ConfigureAwait(false);
                if (provider.CreateAttribute(documentEditor.Generator, compilation, diagnostic) is { } attribute)
                {
                    provider.Annotate(documentEditor, target.Declaration,
                        attribute.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));
                }
            }

            return editor.GetChangedSolution();
        }

        // The method declaration to annotate, in whichever document of the solution holds it.
        private static async Task<Target?> TargetAsync(Solution solution, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var location = diagnostic.Properties.ContainsKey(DiagnosticProperties.OnOtherDeclaration) && diagnostic.AdditionalLocations.Count > 0
                ? diagnostic.AdditionalLocations[0]
                : diagnostic.Location;
            if (!location.IsInSource || solution.GetDocument(location.SourceTree) is not { } document
                || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
            {
                return null;
            }

            var declaration = root.FindNode(location.SourceSpan).FirstAncestorOrSelf<MethodDeclarationSyntax>();
            return declaration is null ? null : new Target(document, declaration);
        }

        /// <summary>The one FineTunePolicy annotation type of that name the compilation references, or null.</summary>
        protected static INamedTypeSymbol? AnnotationType(Compilation compilation, string name)
        {
            return compilation.GetTypesByMetadataName("FineTunePolicy." + name)
                .FirstOrDefault(type => Annotations.IsAnnotationsAssembly(type.ContainingAssembly.Identity)
                    && compilation.IsSymbolAccessibleWithin(type, compilation.Assembly));
        }

        private sealed class Target
        {
            public Target(Document document, MethodDeclarationSyntax declaration)
            {
                Document = document;
                Declaration = declaration;
            }

            public Document Document { get; }

            public MethodDeclarationSyntax Declaration { get; }

            public string Name => Declaration.Parent is BaseTypeDeclarationSyntax type
                ? type.Identifier.ValueText + "." + Declaration.Identifier.ValueText
                : Declaration.Identifier.ValueText;
        }

        private sealed class FixAll : FixAllProvider
        {
            private readonly AnnotateDeclarationCodeFixProvider _provider;

            public FixAll(AnnotateDeclarationCodeFixProvider provider)
            {
                _provider = provider;
            }

            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
                new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

            public override async Task<CodeAction?> GetFixAsync(FixAllContext context)
            {
                var diagnostics = new List<Diagnostic>();
                switch (context.Scope)
                {
                    case FixAllScope.Document when context.Document is not null:
                        diagnostics.AddRange(await context.GetDocumentDiagnosticsAsync(context.Document).ConfigureAwait(false));
                        break;
                    case FixAllScope.Project:
                        diagnostics.AddRange(await context.GetAllDiagnosticsAsync(context.Project).ConfigureAwait(false));
                        break;
                    case FixAllScope.Solution:
                        foreach (var project in context.Solution.Projects)
                        {
                            diagnostics.AddRange(await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                        }

                        break;
                }

                var solution = context.Solution;
                var provider = _provider;
                return CodeAction.Create(
                    provider.Title("every declaration"),
                    cancellationToken => ApplyAsync(provider, solution, diagnostics, cancellationToken),
                    provider.EquivalenceKey);
            }
        }
    }
}
