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
    /// Where a build asks for it, the same summaries feed the inventory of LLM use (FTP0100).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ClassifiedDataFlowAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.FTP0001_RestrictedDataReachesLlm,
            Descriptors.FTP0002_DataAboveFineTuningCeiling,
            Descriptors.FTP0003_DataAboveInferenceCeiling,
            Descriptors.FTP0004_ProviderNotAllowedForPurpose,
            Descriptors.FTP0007_FlowAnalysisIncomplete,
            Descriptors.FTP0008_VisibleMethodSendsParameterToLlm,
            Descriptors.FTP0009_VisibleMethodReturnsClassifiedData,
            Descriptors.FTP0100_LlmInventory);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            // Generated code is not analysed (it is followed as a callee), and every diagnostic comes from a body that was
            // analysed, so none can lie in generated code: ReportDiagnostics spares the driver checking each diagnostic's
            // tree for generated declarations, a walk of every token of every tree that holds a finding.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        /// <summary>Created for each compilation the engine works in; tests read its counters.</summary>
        internal static event System.Action<FlowEngine>? EngineCreated;

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var compilation = context.Compilation;
            var cancellationToken = context.CancellationToken;
            // The composition root: the handoff is read once, and each room gets only its slice of it.
            var policy = PolicyHandoff.Read(context.Options.AnalyzerConfigOptionsProvider.GlobalOptions);

            // The inventory exists only where the build asks for it (off by default: nothing in the IDE).
            var inventory = LlmInventory.IsRequested(compilation, cancellationToken) ? new LlmInventory(policy.Ceilings) : null;

            // FTP0009 concerns libraries that classify data, whether or not they reach a sink themselves (a domain layer).
            var reachesSink = ShouldRun(compilation, policy.Sinks, cancellationToken);
            var library = CrossAssemblyRules.AppliesTo(compilation, cancellationToken);
            if (!reachesSink && !library.Any && inventory is null)
            {
                return;
            }

            // A registered tuned model that the source names classifies its answers: that counts as classification too.
            var classification = ClassificationPresence.CanClassify(compilation, !policy.AttributeMappings.IsEmpty, cancellationToken)
                || policy.TunedModels.AreNamedIn(compilation, cancellationToken)
                ? new ClassificationIndex(compilation, policy.AttributeMappings)
                : null;
            var models = policy.TunedModels.IsEmpty ? null : new ModelBindings(policy.TunedModels);
            var declassifiers = new Declassifiers(policy.Sanitizers);
            if (inventory is not null)
            {
                LlmInventory.RegisterDeclarations(context, classification, declassifiers, !policy.Sanitizers.IsEmpty);
                if (reachesSink)
                {
                    context.RegisterCompilationEndAction(inventory.ReportCalls);
                }
            }

            if (!reachesSink && !library.Any)
            {
                return;
            }

            var sinks = new SinkMatcher(policy.Sinks);
            if (classification is null)
            {
                if (reachesSink)
                {
                    RegisterWithoutClassification(context, policy, sinks, library, inventory);
                }

                return;
            }

            var crossAssembly = library.Any ? new CrossAssemblyRules(compilation, classification, sinks, library) : null;
            if (!reachesSink)
            {
                if (!library.ReturnsClassified)
                {
                    return;
                }

                // A library that classifies data but reaches no sink (a domain layer): FTP0009 alone, and the engine
                // starts at the first method that needs a summary.
                var results = new System.Lazy<FlowEngine>(() => CreateEngine(compilation, classification, declassifiers, sinks, models));
                context.RegisterCodeBlockAction(blockContext =>
                {
                    if (blockContext.OwningSymbol is IMethodSymbol method && CrossAssemblyRules.IsCallableElsewhere(method)
                        && crossAssembly!.MayReturnClassified(method, blockContext.CodeBlock, blockContext.CancellationToken)
                        && results.Value.SummariseCodeBlock(method, blockContext.CodeBlock, blockContext.SemanticModel,
                            blockContext.CancellationToken) is { } summary)
                    {
                        crossAssembly.Report(method, summary, value => results.Value.Observe(value, blockContext.CancellationToken),
                            blockContext.ReportDiagnostic);
                    }
                });
                return;
            }

            var engine = CreateEngine(compilation, classification, declassifiers, sinks, models);

            // The names that reach a sink, before any code block: computed lazily, every thread's first code block
            // would wait for it (and be charged the wait).
            engine.Reach(cancellationToken);

            // A code block, not an operation block: the driver binds nothing for us, and a body is bound only when
            // its names show it can reach a sink (SinkReach), or when FTP0009 needs its result.
            context.RegisterCodeBlockAction(blockContext =>
            {
                var summary = engine.AnalyzeCodeBlock(blockContext.OwningSymbol, blockContext.CodeBlock, blockContext.SemanticModel,
                    blockContext.CancellationToken);
                if (summary is not null)
                {
                    SinkRules.Report(summary, policy.Ceilings, blockContext.ReportDiagnostic);
                    inventory?.Add(summary);
                }

                // FTP0008/FTP0009 read the same summary.
                if (crossAssembly is not null && blockContext.OwningSymbol is IMethodSymbol method && CrossAssemblyRules.IsCallableElsewhere(method))
                {
                    ReportCrossAssembly(crossAssembly, engine, method, summary, blockContext);
                }
            });
        }

        // Apart from the code block action, so that the closure over the block's context is made only for a method that other
        // assemblies can call, not for every code block.
        private static void ReportCrossAssembly(
            CrossAssemblyRules crossAssembly, FlowEngine engine, IMethodSymbol method, MethodSummary? summary, CodeBlockAnalysisContext blockContext)
        {
            if ((summary ?? (crossAssembly.MayReturnClassified(method, blockContext.CodeBlock, blockContext.CancellationToken)
                    ? engine.SummariseCodeBlock(method, blockContext.CodeBlock, blockContext.SemanticModel, blockContext.CancellationToken)
                    : null)) is { } known)
            {
                crossAssembly.Report(method, known, value => engine.Observe(value, blockContext.CancellationToken), blockContext.ReportDiagnostic);
            }
        }

        private static FlowEngine CreateEngine(
            Compilation compilation, ClassificationIndex classification, Declassifiers declassifiers, SinkMatcher sinks, ModelBindings? models = null)
        {
            var engine = new FlowEngine(compilation, classification, declassifiers, sinks, models);
            EngineCreated?.Invoke(engine);
            return engine;
        }

        // Nothing can be classified, so FTP0001-FTP0003 and FTP0009 cannot fire. A manifest still asks which providers are
        // called (FTP0004), and so does the inventory: find the sink calls of the bodies that name a sink, without the flow
        // engine. A library's wrappers that other assemblies call still send their parameters (FTP0008): the engine starts
        // at the first one.
        private static void RegisterWithoutClassification(CompilationStartAnalysisContext context, PolicyHandoff policy, SinkMatcher sinks,
            CrossAssemblyRules.Switches library, LlmInventory? inventory)
        {
            var compilation = context.Compilation;
            if (policy.Ceilings.FromManifest || inventory is not null)
            {
                var scan = new SinkCallScan(compilation, sinks, SinkReach.Direct(compilation, sinks.MethodNames(compilation), context.CancellationToken));
                context.RegisterCodeBlockAction(blockContext =>
                {
                    var calls = scan.SinkCalls(blockContext.OwningSymbol, blockContext.CodeBlock, blockContext.SemanticModel, blockContext.CancellationToken);
                    SinkRules.ReportProviders(calls, policy.Ceilings, blockContext.ReportDiagnostic);
                    inventory?.Add(calls);
                });
            }

            if (!library.SendsParameter)
            {
                return;
            }

            var wrappers = new System.Lazy<(FlowEngine Engine, CrossAssemblyRules Rules)>(() =>
            {
                var classification = new ClassificationIndex(compilation, policy.AttributeMappings);
                return (CreateEngine(compilation, classification, new Declassifiers(policy.Sanitizers), sinks),
                    new CrossAssemblyRules(compilation, classification, sinks, library));
            });
            context.RegisterCodeBlockAction(blockContext =>
            {
                if (blockContext.OwningSymbol is IMethodSymbol method && CrossAssemblyRules.IsCallableElsewhere(method)
                    && wrappers.Value.Engine.AnalyzeCodeBlock(method, blockContext.CodeBlock, blockContext.SemanticModel,
                        blockContext.CancellationToken) is { } summary)
                {
                    wrappers.Value.Rules.Report(method, summary, value => wrappers.Value.Engine.Observe(value, blockContext.CancellationToken),
                        blockContext.ReportDiagnostic);
                }
            });
        }

        // The engine starts only where data can reach a sink: an LLM SDK is referenced, the
        // policy names custom sinks, or [LlmSink] is declared here or in a referenced assembly.
        private static bool ShouldRun(Compilation compilation, ImmutableArray<CustomSink> customSinks, System.Threading.CancellationToken cancellationToken)
        {
            if (!customSinks.IsEmpty)
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
