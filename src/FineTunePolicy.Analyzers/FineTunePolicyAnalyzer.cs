using System.Collections.Immutable;
using FineTunePolicy.Analyzers.Classification;
using FineTunePolicy.Analyzers.Flow;
using FineTunePolicy.Analyzers.Policy;
using FineTunePolicy.Analyzers.Rules;
using FineTunePolicy.Analyzers.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FineTunePolicy.Analyzers
{
    /// <summary>
    /// Follows classified data into LLM sinks (FTP0001-FTP0004, FTP0007). One engine per
    /// compilation; each method body is analysed once, and its summary is shared with callers.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class FineTunePolicyAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.FTP0001_RestrictedDataReachesLlm,
            Descriptors.FTP0002_DataAboveFineTuningCeiling,
            Descriptors.FTP0003_DataAboveInferenceCeiling,
            Descriptors.FTP0004_ProviderNotAllowedForPurpose,
            Descriptors.FTP0007_FlowAnalysisIncomplete);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        /// <summary>Created for each compilation the engine works in; tests read its counters.</summary>
        internal static event System.Action<FlowEngine>? EngineCreated;

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var compilation = context.Compilation;
            var cancellationToken = context.CancellationToken;
            var policy = ResolvedPolicy.FromOptions(context.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
            if (!ShouldRun(compilation, policy, cancellationToken))
            {
                return;
            }

            var sinks = new SinkMatcher(policy);
            if (!ClassificationPresence.CanClassify(compilation, !policy.AttributeClasses.IsEmpty, cancellationToken))
            {
                // Nothing can be classified, so FTP0001-FTP0003 cannot fire; a manifest still asks which providers are
                // called (FTP0004): find the sink calls of the bodies that name a sink, without the flow engine.
                if (policy.FromManifest)
                {
                    var scan = new SinkCallScan(compilation, sinks, SinkReach.Direct(compilation, SinkNames.Of(compilation, policy.Sinks), cancellationToken));
                    context.RegisterCodeBlockAction(blockContext => SinkRules.ReportProviders(
                        scan.SinkCalls(blockContext.OwningSymbol, blockContext.CodeBlock, blockContext.SemanticModel, blockContext.CancellationToken),
                        policy,
                        blockContext.ReportDiagnostic));
                }

                return;
            }

            var classification = new ClassificationIndex(compilation, policy);
            var engine = new FlowEngine(compilation, policy, classification, sinks);
            EngineCreated?.Invoke(engine);

            // The names that reach a sink, before any code block: computed lazily, every thread's first code block
            // would wait for it (and be charged the wait).
            engine.Reach(cancellationToken);

            // A code block, not an operation block: the driver binds nothing for us, and a body is bound only when
            // its names show it can reach a sink (SinkReach).
            context.RegisterCodeBlockAction(blockContext =>
            {
                if (engine.AnalyzeCodeBlock(blockContext.OwningSymbol, blockContext.CodeBlock, blockContext.SemanticModel, blockContext.CancellationToken) is { } summary)
                {
                    SinkRules.Report(summary, policy, blockContext.ReportDiagnostic);
                }
            });
        }

        // The engine starts only where data can reach a sink: an LLM SDK is referenced, the
        // policy names custom sinks, or [LlmSink] is declared here or in a referenced assembly.
        private static bool ShouldRun(Compilation compilation, ResolvedPolicy policy, System.Threading.CancellationToken cancellationToken)
        {
            if (!policy.Sinks.IsEmpty)
            {
                return true;
            }

            var referencesAnnotations = false;
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                var name = assembly.Identity.Name;
                if (SinkCatalog.SdkAssemblies.Contains(name))
                {
                    return true;
                }

                referencesAnnotations |= Annotations.IsAnnotationsAssembly(assembly.Identity);
            }

            if (!referencesAnnotations)
            {
                return false;
            }

            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (!Annotations.IsAnnotationsAssembly(assembly.Identity) && Annotations.IsBuiltAgainstAnnotations(assembly))
                {
                    return true;
                }
            }

            return SinkReach.DeclaresSinkInSource(compilation, cancellationToken);
        }
    }
}
