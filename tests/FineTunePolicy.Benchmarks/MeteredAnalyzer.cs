using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FineTunePolicy.Benchmarks;

// A wrapper, not an analyzer of its own: it is never discovered (RS1001), and the wrapped analyzer configures concurrency and
// generated code through the forwarded context (RS1025, RS1026); its start context forwards registrations (RS1012).
#pragma warning disable RS1001, RS1012, RS1025, RS1026

/// <summary>
/// Wraps an analyzer so that every callback it registers is metered on the thread that runs it: the thread's CPU time and the
/// bytes it allocates. The driver's own figure is wall time, which a shared machine, the other threads of a concurrent analysis
/// and the collections of the whole process inflate; these two count only the analyzer's own work (binding it asks for
/// included, the collections its allocations cause excluded). On Linux only (the thread clock of <c>clock_gettime</c>, a system call:
/// on a virtual machine it can cost microseconds per callback, which the driver's figure then includes and these do not).
/// </summary>
internal sealed class MeteredAnalyzer(DiagnosticAnalyzer inner) : DiagnosticAnalyzer
{
    private long _cpuNanoseconds;
    private long _wallTicks;
    private long _allocatedBytes;

    public static bool IsSupported => OperatingSystem.IsLinux();

    public DiagnosticAnalyzer Inner => inner;

    public TimeSpan Cpu => TimeSpan.FromTicks(Interlocked.Read(ref _cpuNanoseconds) / 100);

    public long AllocatedBytes => Interlocked.Read(ref _allocatedBytes);

    /// <summary>The callbacks' wall time, as the driver measures it: what exceeds <see cref="Cpu"/> was spent waiting or preempted.</summary>
    public TimeSpan Wall => TimeSpan.FromSeconds(Interlocked.Read(ref _wallTicks) / (double)System.Diagnostics.Stopwatch.Frequency);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => inner.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context) => inner.Initialize(new MeteredContext(context, this));

    private void Run<T>(Action<T> action, T argument)
    {
        var cpu = ThreadCpuNanoseconds();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var wall = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            action(argument);
        }
        finally
        {
            Interlocked.Add(ref _wallTicks, System.Diagnostics.Stopwatch.GetTimestamp() - wall);
            Interlocked.Add(ref _allocatedBytes, GC.GetAllocatedBytesForCurrentThread() - allocated);
            Interlocked.Add(ref _cpuNanoseconds, ThreadCpuNanoseconds() - cpu);
        }
    }

    private Action<T> Wrap<T>(Action<T> action) => argument => Run(action, argument);

    internal static long ThreadCpuNanoseconds()
    {
        const int ClockThreadCpuTime = 3;
        return clock_gettime(ClockThreadCpuTime, out var time) == 0 ? time.Seconds * 1_000_000_000 + time.Nanoseconds : 0;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", SetLastError = false)]
#pragma warning disable SA1300 // the libc name
    private static extern int clock_gettime(int clock, out TimeSpec time);
#pragma warning restore SA1300

    private sealed class MeteredContext(AnalysisContext context, MeteredAnalyzer meter) : AnalysisContext
    {
        public override void EnableConcurrentExecution() => context.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) =>
            context.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            context.RegisterCompilationStartAction(meter.Wrap<CompilationStartAnalysisContext>(start =>
                action(new MeteredCompilationStart(start, meter))));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) =>
            context.RegisterCompilationAction(meter.Wrap(action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => context.RegisterSyntaxTreeAction(meter.Wrap(action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) =>
            context.RegisterSemanticModelAction(meter.Wrap(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
            context.RegisterSymbolAction(meter.Wrap(action), symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            throw Unmetered();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => context.RegisterCodeBlockAction(meter.Wrap(action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(
            Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            context.RegisterSyntaxNodeAction(meter.Wrap(action), syntaxKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => throw Unmetered();

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) =>
            context.RegisterOperationBlockAction(meter.Wrap(action));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            context.RegisterOperationAction(meter.Wrap(action), operationKinds);
    }

    private sealed class MeteredCompilationStart(CompilationStartAnalysisContext context, MeteredAnalyzer meter)
        : CompilationStartAnalysisContext(context.Compilation, context.Options, context.CancellationToken)
    {
        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) =>
            context.RegisterCompilationEndAction(meter.Wrap(action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => context.RegisterSyntaxTreeAction(meter.Wrap(action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) =>
            context.RegisterSemanticModelAction(meter.Wrap(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
            context.RegisterSymbolAction(meter.Wrap(action), symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            throw Unmetered();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => context.RegisterCodeBlockAction(meter.Wrap(action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(
            Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            context.RegisterSyntaxNodeAction(meter.Wrap(action), syntaxKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => throw Unmetered();

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) =>
            context.RegisterOperationBlockAction(meter.Wrap(action));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            context.RegisterOperationAction(meter.Wrap(action), operationKinds);
    }

    // The nested contexts' own registrations would run unmetered: refuse them rather than report less than was spent.
    private static NotSupportedException Unmetered() =>
        new("MeteredAnalyzer does not meter start actions whose nested registrations the driver would call directly.");
}
