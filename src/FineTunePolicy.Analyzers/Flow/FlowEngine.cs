using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using FineTunePolicy.Analyzers.Classification;
using FineTunePolicy.Analyzers.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FineTunePolicy.Analyzers.Flow
{
    /// <summary>
    /// The flow engine of one compilation: computes method summaries on demand, once per method,
    /// shares them between callers and the method's own analysis, and handles recursion by
    /// iterating each strongly connected group of methods to a fixed point (Tarjan's algorithm),
    /// so that the result does not depend on which method was analysed first.
    /// </summary>
    internal sealed class FlowEngine
    {
        /// <summary>How many calls deep one analysis follows summaries before it reports FTP0007.</summary>
        public const int MaxCallDepth = 48;

        private const int MaxGroupRounds = 12;

        private readonly SharedCache<IMethodSymbol, MethodSummary> _summaries = new(SymbolEqualityComparer.Default);
        private readonly SharedCache<SyntaxTree, SemanticModel> _models = new();
        private readonly SharedCache<IMethodSymbol, object> _gates = new(SymbolEqualityComparer.Default);
        private readonly SharedCache<IMethodSymbol, SyntaxNode?> _bodyNodes = new(SymbolEqualityComparer.Default);
        private readonly object _reachGate = new();
        private SinkReach? _reach;
        private int _summariesComputed;
        private long _writesEvaluated;

        /// <summary>Raised on the analysing thread when a method's summary is complete and its gate released (a test hook).</summary>
        internal static event System.Action<FlowEngine, IMethodSymbol>? SummaryCompleted;

        public FlowEngine(
            Compilation compilation, ClassificationIndex classification, Declassifiers declassifiers, SinkMatcher sinks, ModelBindings? models = null)
        {
            Compilation = compilation;
            Classification = classification;
            Declassifiers = declassifiers;
            Sinks = sinks;
            Models = models ?? ModelBindings.None;
            State = new StateIndex(this);
        }

        public Compilation Compilation { get; }

        public ClassificationIndex Classification { get; }

        /// <summary>The methods whose result carries at most a class (Classification's knowledge).</summary>
        public Declassifiers Declassifiers { get; }

        public SinkMatcher Sinks { get; }

        /// <summary>Which tuned model a client is bound to, so that its answers carry the model's training class.</summary>
        public ModelBindings Models { get; }

        /// <summary>What the fields and auto-properties of the compilation's own types carry.</summary>
        public StateIndex State { get; }

        /// <summary>Which types accumulate what is written into them (writers, streams, buffers, builders).</summary>
        public DataWriterTypes DataWriters { get; } = new();

        /// <summary>How many method bodies were analysed (a regression measure of work, not time).</summary>
        public int SummariesComputed => Volatile.Read(ref _summariesComputed);

        /// <summary>How many writes the solver evaluated, over every summary (a work count for the benchmarks).</summary>
        public long WritesEvaluated => Interlocked.Read(ref _writesEvaluated);

        internal void CountWritesEvaluated(int count) => Interlocked.Add(ref _writesEvaluated, count);

        /// <summary>The summary of <paramref name="method"/>, analysing <paramref name="body"/> if it is not known yet.</summary>
        [MethodImpl(HotPath.Optimized)]
        public MethodSummary GetSummary(IMethodSymbol method, IOperation? body, CancellationToken cancellationToken)
        {
            method = method.OriginalDefinition;
            if (_summaries.TryGetValue(method, out var known))
            {
                return known;
            }

            // One analysis per method at a time: a thread asking for a method that another thread is analysing
            // waits for it here instead of repeating the work. A thread waits only here, before it holds any
            // gate; inside a request, callees' gates are only tried (Session.Request), so no cycle of waits
            // can form.
            var gate = Gate(method);
            Monitor.Enter(gate);
            var session = new Session(this, cancellationToken);
            try
            {
                return _summaries.TryGetValue(method, out known) ? known : session.Request(method, body) ?? MethodSummary.Bottom;
            }
            finally
            {
                session.ReleaseGates();
                Monitor.Exit(gate);
            }
        }

        /// <summary>What a value outside any method's analysis carries (a summary's result), with the state it reads resolved.</summary>
        public Taint Observe(FlowValue value, CancellationToken cancellationToken)
        {
            if (value.State.IsEmpty)
            {
                return value.Fixed;
            }

            var session = new Session(this, cancellationToken);
            try
            {
                return State.Resolve(value, session).Fixed;
            }
            finally
            {
                session.ReleaseGates();
            }
        }

        private object Gate(IMethodSymbol method) => _gates.GetOrAdd(method, static _ => new object());

        /// <summary>
        /// The summary of the method or property getter that owns <paramref name="codeBlock"/>, or null when its body
        /// cannot hold a finding (<see cref="SinkReach"/>) or the block holds no body of it; the body is bound only then.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public MethodSummary? AnalyzeCodeBlock(ISymbol owner, SyntaxNode codeBlock, SemanticModel model, CancellationToken cancellationToken)
        {
            var method = MethodBodies.OwnerOf(owner);

            if (method is null || !Reach(cancellationToken).MayReachSink(codeBlock)
                || BodyIn(method, codeBlock, model, cancellationToken) is not { } body)
            {
                return null;
            }

            return GetSummary(method, body, cancellationToken);
        }

        /// <summary>The summary of <paramref name="method"/> whose body <paramref name="codeBlock"/> holds, whether or not it can reach a sink.</summary>
        public MethodSummary? SummariseCodeBlock(IMethodSymbol method, SyntaxNode codeBlock, SemanticModel model, CancellationToken cancellationToken)
        {
            return BodyIn(method, codeBlock, model, cancellationToken) is { } body ? GetSummary(method, body, cancellationToken) : null;
        }

        /// <summary>The names that can reach a sink in this compilation, computed on first use.</summary>
        public SinkReach Reach(CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _reach) is { } reach)
            {
                return reach;
            }

            // Not a Lazy: a cancelled computation must not be cached.
            lock (_reachGate)
            {
                return _reach ??= SinkReach.Compute(Compilation, Sinks.MethodNames(Compilation), cancellationToken);
            }
        }

        // The body operation of the method when the code block holds it (not, say, the body-less half of a partial
        // method), bound with the driver's model.
        private IOperation? BodyIn(IMethodSymbol method, SyntaxNode codeBlock, SemanticModel model, CancellationToken cancellationToken)
        {
            return BodyNode(method) is { } node && node.SyntaxTree == codeBlock.SyntaxTree && codeBlock.Span.Contains(node.Span)
                ? model.GetOperation(node, cancellationToken)
                : null;
        }

        /// <summary>
        /// Whether a parameter of <paramref name="method"/> can reach a sink through its body: not when the body names nothing that
        /// reaches one (<see cref="SinkReach.CannotReachSink"/>), so a caller needs no summary of it to check its arguments.
        /// </summary>
        public bool MayPassParametersToSink(IMethodSymbol method, CancellationToken cancellationToken) =>
            BodyNode(method) is not { } node || !Reach(cancellationToken).CannotReachSink(node);

        /// <summary>Whether calls to <paramref name="method"/> are analysed through its body.</summary>
        public bool HasBody(IMethodSymbol method) => BodyNode(method) is not null;

        /// <summary>A property whose getter has a body (<c>FullName =&gt; First + " " + Last</c>), not an auto-property.</summary>
        public bool HasComputedGetter(IPropertySymbol property) => property.GetMethod is { } getter && HasBody(getter);

        [MethodImpl(HotPath.Optimized)]
        private SyntaxNode? BodyNode(IMethodSymbol method)
        {
            return MethodBodies.Definition(method, Compilation) is { } definition
                ? _bodyNodes.GetOrAdd(definition, static m => MethodBodies.BodyNode(m))
                : null;
        }

        [MethodImpl(HotPath.Optimized)]
        public IOperation? BodyOf(IMethodSymbol method, CancellationToken cancellationToken)
        {
            return BodyNode(method) is { } node ? ModelFor(node.SyntaxTree).GetOperation(node, cancellationToken) : null;
        }

        /// <summary>The semantic model of a tree, one per tree for the compilation.</summary>
        public SemanticModel ModelFor(SyntaxTree tree)
        {
            return _models.GetOrAdd(tree, static (tree, compilation) =>
            {
#pragma warning disable RS1030 // One model per tree, cached for the compilation: summaries need the bodies of callees.
                return compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            }, Compilation);
        }

        /// <summary>One top-level request: the DFS stack of methods being analysed.</summary>
        internal sealed class Session
        {
            private readonly FlowEngine _engine;
            private readonly Dictionary<IMethodSymbol, Frame> _open = new(SymbolEqualityComparer.Default);
            private readonly List<Frame> _stack = new();
            private readonly List<Frame> _dfsPath = new();
            private readonly Dictionary<IMethodSymbol, MethodSummary> _truncated = new(SymbolEqualityComparer.Default);
            private readonly Dictionary<IMethodSymbol, object> _heldGates = new(SymbolEqualityComparer.Default);
            private int _nextIndex;

            public Session(FlowEngine engine, CancellationToken cancellationToken)
            {
                _engine = engine;
                CancellationToken = cancellationToken;
            }

            public CancellationToken CancellationToken { get; }

            public FlowEngine Engine => _engine;

            /// <summary>How many answers of this request came from an approximation (a cycle, an open group, a cut).</summary>
            public int Approximations { get; set; }

            /// <summary>
            /// A read of state whose value this request is still gathering (a cycle through state: a writer of the state, or a caller that
            /// passes a parameter, reads it too). The value seen lacks what is being gathered, so the summary of the method analysed now,
            /// and its callers' in this request, are kept for this request only: the findings at its sinks may be incomplete, and the
            /// method's own analysis starts afresh (otherwise which findings a build reports would depend on which thread came first).
            /// </summary>
            public void StateCycle()
            {
                Approximations++;
                if (_dfsPath.Count > 0)
                {
                    _dfsPath[_dfsPath.Count - 1].Truncated = true;
                }
            }

            /// <summary>State and parameters being computed (<see cref="StateIndex"/>), to cut cycles.</summary>
            public HashSet<ISymbol> StateInProgress { get; } = new(SymbolEqualityComparer.Default);

            /// <summary>State values computed from an approximation: valid for this request only.</summary>
            public Dictionary<ISymbol, FlowValue> StateValues { get; } = new(SymbolEqualityComparer.Default);

            public Dictionary<IParameterSymbol, FlowValue> ParameterValues { get; } = new(SymbolEqualityComparer.Default);

            /// <summary>Captured primary-constructor parameters computed from an approximation, each argument marked as stored in them.</summary>
            public Dictionary<IParameterSymbol, FlowValue> CapturedValues { get; } = new(SymbolEqualityComparer.Default);

            /// <summary>File contents computed from an approximation, and those being computed (keys: a member or a constant path).</summary>
            public Dictionary<object, FlowValue> FileValues { get; } = new(StateIndex.PathComparer.Instance);

            public HashSet<object> FilesInProgress { get; } = new(StateIndex.PathComparer.Instance);

            /// <summary>Releases the callees' gates this request still holds (at its end, or when it is cancelled).</summary>
            public void ReleaseGates()
            {
                foreach (var gate in _heldGates.Values)
                {
                    Monitor.Exit(gate);
                }

                _heldGates.Clear();
            }

            /// <summary>
            /// The summary of a callee, or null when the call-depth bound stops the analysis
            /// (the caller then treats the call as unseen and marks the result incomplete).
            /// </summary>
            [MethodImpl(HotPath.Optimized)]
            public MethodSummary? Request(IMethodSymbol method, IOperation? body = null)
            {
                CancellationToken.ThrowIfCancellationRequested();
                method = method.OriginalDefinition;
                if (_engine._summaries.TryGetValue(method, out var known))
                {
                    return known;
                }

                var caller = _dfsPath.Count > 0 ? _dfsPath[_dfsPath.Count - 1] : null;
                if (_truncated.TryGetValue(method, out var cut))
                {
                    // Computed earlier in this request but cut by the depth bound: reuse it, once per request.
                    if (caller is not null)
                    {
                        caller.Truncated = true;
                    }

                    Approximations++;
                    return cut;
                }

                if (_open.TryGetValue(method, out var open))
                {
                    // A call into the group being analysed: use the current approximation.
                    if (caller is not null)
                    {
                        caller.LowLink = System.Math.Min(caller.LowLink, open.Index);
                    }

                    Approximations++;
                    return open.Summary;
                }

                if (_dfsPath.Count >= MaxCallDepth)
                {
                    if (caller is not null)
                    {
                        caller.Truncated = true;
                    }

                    Approximations++;
                    return null;
                }

                body ??= _engine.BodyOf(method, CancellationToken);
                if (body is null)
                {
                    return null;
                }

                // Claim the callee so that another thread's request for it waits for this one (see GetSummary).
                // When another thread holds it, analyse it here too rather than wait while holding gates.
                var gate = _engine.Gate(method);
                if (!_heldGates.ContainsKey(method) && Monitor.TryEnter(gate))
                {
                    _heldGates.Add(method, gate);
                }

                var frame = new Frame(method, body, _nextIndex++);
                _open[method] = frame;
                _stack.Add(frame);
                _dfsPath.Add(frame);
                frame.Summary = Analyze(frame);
                _dfsPath.RemoveAt(_dfsPath.Count - 1);

                if (caller is not null)
                {
                    caller.LowLink = System.Math.Min(caller.LowLink, frame.LowLink);
                    caller.Truncated |= frame.Truncated;
                }

                if (frame.LowLink == frame.Index)
                {
                    CompleteGroup(frame);
                }

                return frame.Summary;
            }

            [MethodImpl(HotPath.Optimized)]
            private void CompleteGroup(Frame root)
            {
                var start = _stack.IndexOf(root);
                var group = _stack.GetRange(start, _stack.Count - start);

                // Recursion: iterate the group from its first approximation to the fixed point.
                var recursive = group.Count > 1 || root.CallsItself;
                for (var round = 0; recursive && round < MaxGroupRounds; round++)
                {
                    var changed = false;
                    foreach (var member in group)
                    {
                        _dfsPath.Add(member);
                        var next = Analyze(member);
                        _dfsPath.RemoveAt(_dfsPath.Count - 1);
                        if (!next.Equals(member.Summary))
                        {
                            member.Summary = next;
                            changed = true;
                        }
                    }

                    if (!changed)
                    {
                        break;
                    }

                    if (round == MaxGroupRounds - 1)
                    {
                        foreach (var member in group)
                        {
                            member.Summary = MethodFlow.MarkIncomplete(member.Summary, FlowBound.Iterations);
                        }
                    }
                }

                _stack.RemoveRange(start, _stack.Count - start);
                foreach (var member in group)
                {
                    _open.Remove(member.Method);

                    // A summary cut by the call-depth bound depends on where the analysis started:
                    // keep it for this request only, so the method's own analysis starts afresh.
                    if (member.Truncated)
                    {
                        _truncated[member.Method] = member.Summary;
                    }
                    else
                    {
                        _engine._summaries.TryAdd(member.Method, member.Summary);
                    }

                    // A thread waiting for this method (GetSummary) finds its summary now, or starts its own analysis of a cut
                    // one: it need not wait for the rest of this request, and its callback is not charged that wait.
                    if (_heldGates.TryGetValue(member.Method, out var gate))
                    {
                        _heldGates.Remove(member.Method);
                        Monitor.Exit(gate);
                    }

                    SummaryCompleted?.Invoke(_engine, member.Method);
                }
            }

            [MethodImpl(HotPath.Optimized)]
            private MethodSummary Analyze(Frame frame)
            {
                Interlocked.Increment(ref _engine._summariesComputed);
                var flow = new MethodFlow(this, frame.Method, frame.Body);
                var summary = flow.Run();
                frame.CallsItself |= flow.CallsItself;
                return summary;
            }

            private sealed class Frame
            {
                public Frame(IMethodSymbol method, IOperation body, int index)
                {
                    Method = method;
                    Body = body;
                    Index = index;
                    LowLink = index;
                }

                public IMethodSymbol Method { get; }

                public IOperation Body { get; }

                public int Index { get; }

                public int LowLink { get; set; }

                /// <summary>Cut by the call-depth bound, or computed from state still being gathered: kept for this request only.</summary>
                public bool Truncated { get; set; }

                public bool CallsItself { get; set; }

                public MethodSummary Summary { get; set; } = MethodSummary.Bottom;
            }
        }
    }
}
