using System.Collections.Immutable;
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
                if (start.Compilation.GetTypeByMetadataName("FineTunePolicy.DeclassifiesAttribute") is null)
                {
                    return;
                }

                start.RegisterSymbolAction(AnalyzeMethod, SymbolKind.Method);
            });
        }

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
                    ? ((Classification.DataClass)value).ToString()
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
