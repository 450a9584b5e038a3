using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FineTunePolicy.Analyzers.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FineTunePolicy.Analyzers.Flow
{
    internal sealed partial class MethodFlow
    {
        private const int MaxOriginDepth = 8;

        private MethodSummary Summarise()
        {
            var findings = new Dictionary<Location, Finding>();
            var parameterSinks = new List<ParameterSink>();
            var sinkCalls = ImmutableArray.CreateBuilder<SinkUse>();

            void Check(FlowValue value, IOperation argument, SinkUse sink)
            {
                value = FlowValue.Join(value, FlowValue.Cut(_bounds));
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

                Check(WholeOf(argument.Value), argument.Value, sink);
            }

            foreach (var (call, matches) in _sinkCalls)
            {
                foreach (var match in matches)
                {
                    var sink = new SinkUse(match.Name, match.PurposeOf(call), ProviderFor(match, call), call.Syntax.GetLocation());
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
                if (_session.Request(callee) is not { } summary)
                {
                    continue;
                }

                foreach (var parameterSink in summary.ParameterSinks)
                {
                    var sink = parameterSink.Sink.Through(SymbolNames.Short(callee));
                    foreach (var argument in ArgumentsFor(call, parameterSink.Index, null))
                    {
                        Check(parameterSink.Whole ? WholeOf(argument) : Eval(argument, 0).AsContent(), argument, sink);
                    }
                }
            }

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
                sinkCalls.ToImmutable());
        }

        /// <summary>What the method puts into <c>this</c> and into its parameters' objects.</summary>
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
            }

            return effects.ToImmutableArray();
        }

        // DESIGN §4: the SDK names the provider; an OpenAI client visibly made by an
        // AzureOpenAIClient is Azure OpenAI; an abstraction is the provider it was visibly made from.
        private string ProviderFor(SinkMatch match, IInvocationOperation call)
        {
            if (match.ProviderRule == ProviderRule.Fixed)
            {
                return match.Provider;
            }

            var receiver = call.Instance ?? (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null);
            return receiver is not null && Origin(receiver, 0) is { } origin ? origin : match.Provider;
        }

        private string? Origin(IOperation operation, int depth)
        {
            if (depth > MaxOriginDepth)
            {
                return null;
            }

            operation = Strip(operation);
            switch (operation)
            {
                case IConversionOperation conversion:
                    return Origin(conversion.Operand, depth + 1);
                case IAwaitOperation awaited:
                    return Origin(awaited.Operation, depth + 1);
                case IObjectCreationOperation creation:
                    return ProviderOfType(creation.Type);
                case IInvocationOperation invocation:
                    var receiver = invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                    return receiver is not null
                        ? Origin(receiver, depth + 1) ?? ProviderOfType(receiver.Type)
                        : ProviderOfType(invocation.TargetMethod.ContainingType) ?? ProviderOfType(invocation.Type);
                case IPropertyReferenceOperation { Instance: { } instance }:
                    return Origin(instance, depth + 1) ?? ProviderOfType(instance.Type);
                case ILocalReferenceOperation local when _writes.TryGetValue(local.Local, out var writes):
                    string? found = null;
                    foreach (var write in writes)
                    {
                        var origin = write.Kind == WriteKind.Value ? Origin(write.Value, depth + 1) : null;
                        if (origin is null || found is not null && found != origin)
                        {
                            return null;
                        }

                        found = origin;
                    }

                    return found;
                default:
                    return ProviderOfType(operation.Type);
            }
        }

        private static string? ProviderOfType(ITypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current is INamedTypeSymbol named && Lookup(SymbolNames.FullMetadataName(named.OriginalDefinition)) is { } provider)
                {
                    return provider;
                }
            }

            // Any other client of the OpenAI SDK (ChatClient, EmbeddingClient, ...) not visibly made by Azure.
            if (type?.ContainingNamespace?.ToDisplayString() is { } ns && (ns == "OpenAI" || ns.StartsWith("OpenAI.", System.StringComparison.Ordinal)) && type.Name.EndsWith("Client", System.StringComparison.Ordinal))
            {
                return SinkCatalog.OpenAI;
            }

            if (type is not null)
            {
                foreach (var contract in type.AllInterfaces)
                {
                    if (Lookup(SymbolNames.FullMetadataName(contract.OriginalDefinition)) is { } provider)
                    {
                        return provider;
                    }
                }
            }

            return null;

            static string? Lookup(string name)
            {
                foreach (var entry in SinkCatalog.ClientProviders)
                {
                    if (entry.Key == name)
                    {
                        return entry.Value;
                    }
                }

                return null;
            }
        }
    }
}
