using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using FineTunePolicy.Analyzers.Classification;
using FineTunePolicy.Analyzers.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FineTunePolicy.Analyzers.Flow
{
    /// <summary>
    /// The flow analysis of one method body (docs/classifying-data.md, "What the analyzer tracks"). It first collects every write into a
    /// variable (assignments, initialisers, <c>foreach</c>, patterns, mutations such as
    /// <c>list.Add(x)</c>, returns of lambdas and local functions), then checks every sink argument, solving each variable that a
    /// check, the result, an effect or a state write reads to a fixed point (flow-insensitive per variable) when it is first read.
    /// Lambdas and local functions share the method's variables, so captured variables need no extra work.
    /// </summary>
    internal sealed partial class MethodFlow
    {
        private const int MaxExpressionDepth = 200;
        private const int MaxIterations = 16;
        private const int MaxDemandDepth = 24;

        private readonly FlowEngine.Session _session;
        private readonly FlowEngine _engine;
        private readonly ClassificationIndex _classification;
        private readonly IMethodSymbol _method;
        private readonly IOperation _body;
        private readonly Dictionary<ISymbol, List<Write>> _writes = new(SymbolEqualityComparer.Default);
        private readonly List<ISymbol> _slots = new();
        private readonly Dictionary<ISymbol, FlowValue> _env = new(SymbolEqualityComparer.Default);
        private readonly List<(IInvocationOperation Call, ImmutableArray<SinkMatch> Matches)> _sinkCalls = new();
        private readonly List<IOperation> _bodyCalls = new();
        private readonly Stack<FlowValue> _conditionalInstances = new();
        private FlowBound _bounds;

        // While solving: the slot being evaluated, and for each slot the slots whose writes read it.
        private ISymbol? _solving;
        private readonly Dictionary<ISymbol, HashSet<ISymbol>> _readers = new(SymbolEqualityComparer.Default);

        // Demand: the slots read at least once (evaluated, or waiting in the worklist), the worklist, and the evaluations left.
        private readonly HashSet<ISymbol> _demanded = new(SymbolEqualityComparer.Default);
        private readonly Queue<ISymbol> _pending = new();
        private readonly HashSet<ISymbol> _queued = new(SymbolEqualityComparer.Default);
        private int _budget = -1;
        private int _demandDepth;

        public MethodFlow(FlowEngine.Session session, IMethodSymbol method, IOperation body)
        {
            _session = session;
            _engine = session.Engine;
            _classification = _engine.Classification;
            _method = method;
            _body = body;
        }

        /// <summary>Whether the method calls itself (recursion is solved by iteration).</summary>
        public bool CallsItself { get; private set; }

        public static MethodSummary MarkIncomplete(MethodSummary summary, FlowBound bound)
        {
            var result = FlowValue.Join(summary.Result, FlowValue.Cut(bound));
            return new MethodSummary(result, summary.Effects, summary.ParameterSinks, summary.Findings, summary.SinkCalls, summary.StateWrites,
                summary.FileWrites);
        }

        [MethodImpl(HotPath.Optimized)]
        public MethodSummary Run()
        {
            Collect();
            Solve();
            return Summarise();
        }

        private enum WriteKind
        {
            /// <summary>The value of an expression.</summary>
            Value,

            /// <summary>An element of a collection (<c>foreach</c>): what the collection carries.</summary>
            Element,

            /// <summary>An unseen call that mutates its receiver (<c>list.Add(x)</c>): what its arguments carry.</summary>
            Mutation,

            /// <summary>An <c>out</c> or <c>ref</c> argument of an unseen call: what its receiver and arguments carry.</summary>
            CallResult,

            /// <summary>What a method of this compilation puts into one of its parameters' objects.</summary>
            CallEffect,

            /// <summary>A lambda parameter: an element of what the call receives.</summary>
            LambdaParameter,

            /// <summary>A writer handed to an unseen call (<c>JsonSerializer.Serialize(writer, value)</c>): what the call is given.</summary>
            Handed,
        }

        private readonly struct Write
        {
            public Write(IOperation value, WriteKind kind, bool mutates, int effectIndex = 0)
            {
                Value = value;
                Kind = kind;
                Mutates = mutates;
                EffectIndex = effectIndex;
            }

            public IOperation Value { get; }

            public WriteKind Kind { get; }

            /// <summary>The write changes the object the variable refers to, not the variable.</summary>
            public bool Mutates { get; }

            public int EffectIndex { get; }
        }

        private void AddWrite(ISymbol? slot, IOperation value, WriteKind kind, bool mutates = false, int effectIndex = 0)
        {
            if (slot is null)
            {
                return;
            }

            slot = slot.OriginalDefinition;
            if (!_writes.TryGetValue(slot, out var list))
            {
                _writes[slot] = list = new List<Write>();
                _slots.Add(slot);
            }

            list.Add(new Write(value, kind, mutates, effectIndex));
        }

        /// <summary>
        /// Starts solving, once every write is collected. Slots are solved on demand: a slot is evaluated when it is first read
        /// (<see cref="Env"/>), and again, through a worklist, only when a slot its writes read has changed. A slot that no sink
        /// argument, result, effect or state write reads is never evaluated, nor are the calls its writes make (a key selector's
        /// call, a local passed to a helper and never read again, what a caller does besides passing the argument asked for).
        /// </summary>
        private void Solve()
        {
            _budget = MaxIterations * _slots.Count;
        }

        // One evaluation of a slot's writes; the slots that read it are evaluated again if its value changed, except the one
        // that is reading it right now (its first read, which gets the new value at once).
        private void Evaluate(ISymbol slot, ISymbol? reader)
        {
            if (_budget == 0)
            {
                _bounds |= FlowBound.Iterations;
                return;
            }

            _budget--;
            var outer = _solving;
            _solving = slot;
            var value = _env.TryGetValue(slot, out var current) ? current : FlowValue.Bottom;
            var next = FlowValue.Join(value, AliasValue(slot));
            foreach (var write in _writes[slot])
            {
                next = FlowValue.Join(next, EvalWrite(write));
            }

            _solving = outer;
            _engine.CountWritesEvaluated(_writes[slot].Count);
            if (next.Equals(value))
            {
                return;
            }

            _env[slot] = next;
            if (_readers.TryGetValue(slot, out var readers))
            {
                foreach (var other in readers)
                {
                    if (!SymbolEqualityComparer.Default.Equals(other, reader))
                    {
                        Enqueue(other);
                    }
                }
            }
        }

        private void Enqueue(ISymbol slot)
        {
            if (_queued.Add(slot))
            {
                _pending.Enqueue(slot);
            }
        }

        // Evaluates what is waiting until nothing changes: the values read outside the solver are then final.
        private void Settle()
        {
            while (_pending.Count > 0)
            {
                _session.CancellationToken.ThrowIfCancellationRequested();
                var slot = _pending.Dequeue();
                _queued.Remove(slot);
                Evaluate(slot, reader: null);
            }
        }

        private FlowValue EvalWrite(Write write)
        {
            switch (write.Kind)
            {
                case WriteKind.Element:
                    return Eval(Strip(write.Value), 0);
                case WriteKind.Mutation:
                    return MutationValue((IInvocationOperation)write.Value);
                case WriteKind.CallResult:
                    return OutValue((IInvocationOperation)write.Value);
                case WriteKind.CallEffect:
                    return CallEffect(write.Value, write.EffectIndex);
                case WriteKind.LambdaParameter:
                    return LambdaParameterValue(write.Value);
                case WriteKind.Handed:
                    return UnseenArguments(write.Value, receiver: null, 0);
                default:
                    return Eval(write.Value, 0);
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private FlowValue Env(ISymbol symbol)
        {
            symbol = symbol.OriginalDefinition;
            if (_solving is not null)
            {
                if (!_readers.TryGetValue(symbol, out var readers))
                {
                    _readers[symbol] = readers = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
                }

                readers.Add(_solving);
            }

            // The first read of a slot evaluates it (before Solve, while writes are still being collected, nothing is). A chain of
            // first reads deeper than MaxDemandDepth waits in the worklist instead of growing the stack.
            if (_budget >= 0 && _writes.ContainsKey(symbol) && _demanded.Add(symbol))
            {
                if (_demandDepth < MaxDemandDepth)
                {
                    _demandDepth++;
                    Evaluate(symbol, _solving);
                    _demandDepth--;
                }
                else
                {
                    Enqueue(symbol);
                }
            }

            if (_solving is null)
            {
                Settle();
            }

            return _env.TryGetValue(symbol, out var value) ? value : FlowValue.Bottom;
        }

        /// <summary>The index of a parameter of the analysed method (1-based; 0 is <c>this</c>), or -1.</summary>
        private int ParameterIndex(IParameterSymbol parameter)
        {
            return SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol?.OriginalDefinition, _method) ? parameter.Ordinal + 1 : -1;
        }

        private bool IsThisMember(ISymbol symbol)
        {
            return !symbol.IsStatic && !_method.IsStatic && symbol is IFieldSymbol or IPropertySymbol
                && SymbolEqualityComparer.Default.Equals(symbol.ContainingType?.OriginalDefinition, _method.ContainingType?.OriginalDefinition);
        }

        [MethodImpl(HotPath.Optimized)]
        private static IOperation Strip(IOperation operation)
        {
            while (operation.Kind == OperationKind.Conversion && operation is IConversionOperation { IsImplicit: true, OperatorMethod: null } conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        private static IAnonymousFunctionOperation? AsLambda(IOperation operation)
        {
            operation = Strip(operation);
            return operation is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } ? lambda : operation as IAnonymousFunctionOperation;
        }
    }
}
