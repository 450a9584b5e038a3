using System.Collections.Immutable;
using System.Linq;
using FineTunePolicy.Analyzers.Classification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FineTunePolicy.Analyzers
{
    /// <summary>
    /// FTP0006: GenAI telemetry set to record message content (<c>EnableSensitiveData = true</c> on
    /// the Microsoft.Extensions.AI OpenTelemetry clients, or Semantic Kernel's sensitive switch)
    /// in a compilation that classifies data.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SensitiveTelemetryAnalyzer : DiagnosticAnalyzer
    {
        private const string SemanticKernelSwitch = "Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnosticsSensitive";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.FTP0006_SensitiveTelemetryEnabled);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                // Only where the subject exists (a telemetry client that can record content is referenced) and data can
                // be classified: decided from referenced assemblies' identities and the cached names of the source.
                var compilation = start.Compilation;
                if (!ReferencesTelemetrySubject(compilation)
                    || !ClassificationPresence.CanClassify(compilation, PolicyMapsAttributes(start.Options), start.CancellationToken))
                {
                    return;
                }

                // Whether the compilation classifies any data is asked only where telemetry records content (rare),
                // and answered once.
                var classifies = new System.Lazy<bool>(() => ClassifiesData(compilation, start.CancellationToken));
                // Syntax first, then one node's operation: an operation action would make the driver bind every body.
                start.RegisterSyntaxNodeAction(c => AnalyzeAssignment(c, classifies), SyntaxKind.SimpleAssignmentExpression);
                start.RegisterSyntaxNodeAction(c => AnalyzeInvocation(c, classifies), SyntaxKind.InvocationExpression);
            });
        }

        /// <summary>Microsoft.Extensions.AI (its OpenTelemetry clients) and Semantic Kernel (its sensitive switch).</summary>
        private static readonly string[] TelemetrySubjects = { "Microsoft.Extensions.AI", "Microsoft.SemanticKernel.Abstractions",
            "Microsoft.SemanticKernel.Core" };

        private static bool ReferencesTelemetrySubject(Compilation compilation)
        {
            foreach (var identity in compilation.ReferencedAssemblyNames)
            {
                if (System.Array.IndexOf(TelemetrySubjects, identity.Name) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool PolicyMapsAttributes(AnalyzerOptions options) =>
            !Policy.PolicyHandoff.Read(options.AnalyzerConfigOptionsProvider.GlobalOptions).AttributeMappings.IsEmpty;

        /// <summary>
        /// True when this compilation's code carries a classification attribute, or a referenced assembly does
        /// (it references the annotations or Microsoft.Extensions.Compliance and is not one of them).
        /// </summary>
        private static bool ClassifiesData(Compilation compilation, System.Threading.CancellationToken cancellationToken)
        {
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                var name = assembly.Identity.Name;
                if (Annotations.IsAnnotationsAssembly(assembly.Identity) || name.StartsWith("Microsoft.Extensions.Compliance", System.StringComparison.Ordinal))
                {
                    continue;
                }

                if (Annotations.IsBuiltAgainstClassification(assembly))
                {
                    return true;
                }
            }

            foreach (var symbol in compilation.GetSymbolsWithName(_ => true, SymbolFilter.TypeAndMember, cancellationToken))
            {
                if (HasClassification(symbol.GetAttributes())
                    || symbol is IMethodSymbol method && (HasClassification(method.GetReturnTypeAttributes())
                        || method.Parameters.Any(p => HasClassification(p.GetAttributes())))
                    || symbol is INamedTypeSymbol type && type.InstanceConstructors.Any(c => c.Parameters.Any(p => HasClassification(p.GetAttributes()))))
                {
                    // The last case covers primary constructors, whose parameters may carry the attributes.
                    return true;
                }
            }

            return false;
        }

        private static bool HasClassification(System.Collections.Immutable.ImmutableArray<AttributeData> attributes)
        {
            foreach (var attribute in attributes)
            {
                for (var type = attribute.AttributeClass; type is not null; type = type.BaseType)
                {
                    if (Annotations.Is(type, AnnotationAttribute.Classified) || Annotations.IsComplianceClassification(type))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static void AnalyzeAssignment(SyntaxNodeAnalysisContext context, System.Lazy<bool> classifies)
        {
            var syntax = (AssignmentExpressionSyntax)context.Node;
            if (RightmostName(syntax.Left) != "EnableSensitiveData"
                || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not ISimpleAssignmentOperation assignment)
            {
                return;
            }

            if (assignment.Target is IPropertyReferenceOperation { Property: { Name: "EnableSensitiveData" } property }
                && property.ContainingType.Name.StartsWith("OpenTelemetry", System.StringComparison.Ordinal)
                && SymbolNames.IsInNamespace(property.ContainingType, "Microsoft.Extensions.AI")
                && assignment.Value.ConstantValue is { HasValue: true, Value: true }
                && classifies.Value)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.FTP0006_SensitiveTelemetryEnabled,
                    assignment.Syntax.GetLocation(),
                    "'" + property.ContainingType.Name + ".EnableSensitiveData = true'"));
            }
        }

        private static void AnalyzeInvocation(SyntaxNodeAnalysisContext context, System.Lazy<bool> classifies)
        {
            var syntax = (InvocationExpressionSyntax)context.Node;
            if (RightmostName(syntax.Expression) != "SetSwitch"
                || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IInvocationOperation invocation)
            {
                return;
            }

            if (invocation.TargetMethod is { Name: "SetSwitch", ContainingType.Name: "AppContext" }
                && invocation.Arguments.Length == 2
                && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: SemanticKernelSwitch }
                && invocation.Arguments[1].Value.ConstantValue is { HasValue: true, Value: true }
                && classifies.Value)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.FTP0006_SensitiveTelemetryEnabled,
                    invocation.Syntax.GetLocation(),
                    "'AppContext.SetSwitch(\"" + SemanticKernelSwitch + "\", true)'"));
            }
        }

        private static string? RightmostName(ExpressionSyntax expression)
        {
            return expression switch
            {
                SimpleNameSyntax name => name.Identifier.ValueText,
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                _ => null,
            };
        }
    }
}
