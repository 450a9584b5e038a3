using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
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
                var classifies = start.Compilation.GetTypeByMetadataName("FineTunePolicy.ClassifiedAttribute") is not null
                    || start.Compilation.GetTypeByMetadataName("Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute") is not null;
                if (!classifies)
                {
                    return;
                }

                start.RegisterOperationAction(AnalyzeAssignment, OperationKind.SimpleAssignment);
                start.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);
            });
        }

        private static void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is IPropertyReferenceOperation { Property: { Name: "EnableSensitiveData" } property }
                && property.ContainingType.Name.StartsWith("OpenTelemetry", System.StringComparison.Ordinal)
                && SymbolNames.IsInNamespace(property.ContainingType, "Microsoft.Extensions.AI")
                && assignment.Value.ConstantValue is { HasValue: true, Value: true })
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.FTP0006_SensitiveTelemetryEnabled,
                    assignment.Syntax.GetLocation(),
                    "'" + property.ContainingType.Name + ".EnableSensitiveData = true'"));
            }
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (invocation.TargetMethod is { Name: "SetSwitch", ContainingType.Name: "AppContext" }
                && invocation.Arguments.Length == 2
                && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: SemanticKernelSwitch }
                && invocation.Arguments[1].Value.ConstantValue is { HasValue: true, Value: true })
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.FTP0006_SensitiveTelemetryEnabled,
                    invocation.Syntax.GetLocation(),
                    "'AppContext.SetSwitch(\"" + SemanticKernelSwitch + "\", true)'"));
            }
        }
    }
}
