using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using FineTunePolicy.Analyzers.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FineTunePolicy.Analyzers.Flow
{
    internal sealed partial class MethodFlow
    {
        [MethodImpl(HotPath.Optimized)]
        private MethodSummary Summarise()
        {
            var findings = new Dictionary<Location, Finding>();
            var parameterSinks = new List<ParameterSink>();
            var sinkCalls = ImmutableArray.CreateBuilder<SinkUse>();

            void Check(FlowValue value, IOperation argument, SinkUse sink)
            {
                value = _engine.State.Resolve(FlowValue.Join(value, FlowValue.Cut(_bounds)), _session);
                if (!value.Fixed.IsNone || value.Bounds != FlowBound.None)
                {
                    var location = argument.Syntax.GetLocation();
                    if (!findings.TryGetValue(location, out var previous) || previous.Taint.Class < value.Fixed.Class)
                    {
                        findings[location] = new Finding(location, value.Fixed, sink, value.Bounds);
                    }
                }

                for (var index = 0; index < 64; index++)
                {
                    var bit = FlowValue.Bit(index);
                    if ((value.AllDeps & bit) != 0)
                    {
                        var parameterSink = new ParameterSink(index, (value.WholeDeps & bit) != 0, sink);
                        if (!parameterSinks.Contains(parameterSink))
                        {
                            parameterSinks.Add(parameterSink);
                        }
                    }
                }
            }

            // A sink sends its data arguments as a whole; params arrays are checked element by element.
            void CheckArgument(IArgumentOperation argument, SinkUse sink)
            {
                if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } elements })
                {
                    foreach (var element in elements.ElementValues)
                    {
                        Check(WholeOf(element), element, sink);
                    }

                    return;
                }

                var value = WholeOf(argument.Value);
                if (IsPathParameter(argument.Parameter))
                {
                    value = FlowValue.Join(value, FileContent(argument.Value));
                }

                Check(value, argument.Value, sink);
            }

            foreach (var (call, matches) in _sinkCalls)
            {
                foreach (var match in matches)
                {
                    var sink = new SinkUse(match.Name, match.PurposeOf(call), ProviderAttribution.ProviderFor(match, call, LocalWritesOf),
                        call.Syntax.GetLocation());
                    sinkCalls.Add(sink);
                    if (match.ReceiverIsData && call.Instance is { } receiver)
                    {
                        Check(WholeOf(receiver), receiver, sink);
                    }

                    foreach (var argument in call.Arguments)
                    {
                        if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter is { } parameter && match.IsDataParameter(parameter))
                        {
                            CheckArgument(argument, sink);
                        }
                    }
                }
            }

            // Methods of this compilation whose parameters reach a sink: check what is passed to them.
            foreach (var call in _bodyCalls)
            {
                var callee = call is IInvocationOperation invocation ? invocation.TargetMethod : ((IObjectCreationOperation)call).Constructor!;
                if (!_engine.MayPassParametersToSink(callee, _session.CancellationToken) || _session.Request(callee) is not { } summary)
                {
                    continue;
                }

                foreach (var parameterSink in summary.ParameterSinks)
                {
                    var sink = parameterSink.Sink.Through(SymbolNames.Short(callee));
                    foreach (var argument in ArgumentsFor(call, parameterSink.Index, null))
                    {
                        var value = parameterSink.Whole ? WholeOf(argument) : Eval(argument, 0).AsContent();
                        if (parameterSink.Index > 0 && parameterSink.Index <= callee.Parameters.Length
                            && IsPathParameter(callee.Parameters[parameterSink.Index - 1]))
                        {
                            value = FlowValue.Join(value, FileContent(argument));
                        }

                        Check(value, argument, sink);
                    }
                }
            }

            CheckToolResults(Check);

            // A method declared as a sink is reported where it is called, not again inside.
            if (!_engine.Sinks.Match(_method).IsEmpty)
            {
                parameterSinks.Clear();
            }

            return new MethodSummary(
                FlowValue.Join(Env(_method), FlowValue.Cut(_bounds)),
                Effects(),
                parameterSinks.ToImmutableArray(),
                findings.Values.OrderBy(f => f.ArgumentLocation.SourceSpan.Start).ToImmutableArray(),
                sinkCalls.ToImmutable(),
                StateWrites(),
                FileWrites());
        }

        /// <summary>What the method puts into <c>this</c> and into its parameters' objects.</summary>
        [MethodImpl(HotPath.Optimized)]
        private ImmutableArray<FlowValue> Effects()
        {
            var effects = new FlowValue[_method.Parameters.Length + 1];
            foreach (var slot in _slots)
            {
                int index;
                var parameter = slot as IParameterSymbol;
                if (parameter is not null && ParameterIndex(parameter) is var position && position > 0)
                {
                    index = position;
                }
                else if (IsThisMember(slot))
                {
                    index = 0;
                }
                else
                {
                    continue;
                }

                foreach (var write in _writes[slot])
                {
                    if (index > 0 && !write.Mutates && parameter!.RefKind == RefKind.None)
                    {
                        continue;
                    }

                    effects[index] = FlowValue.Join(effects[index], EvalWrite(write));
                }

                // A writer the method wrapped around the parameter (new StreamWriter(stream)) wrote into its object.
                effects[index] = FlowValue.Join(effects[index], AliasValue(slot));
            }

            return effects.ToImmutableArray();
        }

        /// <summary>The flow fact provider attribution asks for: what was written into a local (null for a write that is not a value).</summary>
        private IEnumerable<IOperation?>? LocalWritesOf(ILocalSymbol local)
        {
            return _writes.TryGetValue(local, out var writes) ? ValuesOf(writes) : null;

            static IEnumerable<IOperation?> ValuesOf(List<Write> writes)
            {
                foreach (var write in writes)
                {
                    yield return write.Kind == WriteKind.Value ? write.Value : null;
                }
            }
        }
    }
}
