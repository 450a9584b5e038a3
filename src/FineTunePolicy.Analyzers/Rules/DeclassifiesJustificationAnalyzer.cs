using System.Collections.Immutable;
using FineTunePolicy.Analyzers.Classification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FineTunePolicy.Analyzers
{
    /// <summary>FTP0005: a <c>[Declassifies]</c> without a justification that a reviewer can check.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DeclassifiesJustificationAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.FTP0005_DeclassifiesNeedsJustification);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                // Only where [Declassifies] can be written: the annotations are referenced (their identity, nothing
                // looked up) and the source writes the attribute (the cached names of each tree's declarations).
                if (!Annotations.IsReferenced(start.Compilation, Annotations.AssemblyName)
                    || !ClassificationPresence.WritesAttribute(start.Compilation, Declassifies, start.CancellationToken))
                {
                    return;
                }

                start.RegisterSymbolAction(AnalyzeMethod, SymbolKind.Method);
            });
        }

        private static readonly AnnotationAttribute[] Declassifies = { AnnotationAttribute.Declassifies };

        private static void AnalyzeMethod(SymbolAnalysisContext context)
        {
            foreach (var attribute in context.Symbol.GetAttributes())
            {
                if (!Annotations.Is(attribute.AttributeClass, AnnotationAttribute.Declassifies))
                {
                    continue;
                }

                var justified = false;
                foreach (var named in attribute.NamedArguments)
                {
                    justified |= named.Key == "Justification" && named.Value.Value is string text && !string.IsNullOrWhiteSpace(text);
                }

                if (justified || attribute.ApplicationSyntaxReference is not { } syntax)
                {
                    continue;
                }

                var dataClass = attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is int value
                    ? ((DataClass)value).ToString()
                    : "?";
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.FTP0005_DeclassifiesNeedsJustification,
                    syntax.GetSyntax(context.CancellationToken).GetLocation(),
                    "DataClass." + dataClass,
                    SymbolNames.Short(context.Symbol)));
            }
        }
    }
}
