using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FineTunePolicy.Analyzers.Classification;
using FineTunePolicy.Analyzers.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FineTunePolicy.Analyzers.Flow
{
    internal sealed partial class MethodFlow
    {
        private static readonly HashSet<string> Projections = new()
        {
            "Select", "SelectMany", "ToDictionary", "ToLookup", "Zip", "Join", "GroupJoin", "Sum", "Min", "Max", "Average",
        };

        private FlowValue Call(IInvocationOperation invocation, int depth)
        {
            var method = invocation.TargetMethod;
            if (_engine.Sinks.Match(method) is { IsEmpty: false } sinks)
            {
                // What a provider returns (file IDs, job IDs, answers) carries nothing of the request; the answer of a
                // tuned model carries what the model was trained on.
                return Answer(invocation, sinks, depth);
            }

            if (method.Name == "GetType" && method.Parameters.Length == 0)
            {
                return FlowValue.Bottom;
            }

            FlowValue value;
            if (method.MethodKind == MethodKind.LocalFunction)
            {
                value = Env(method.OriginalDefinition);
            }
            else if (SymbolNames.IsInNamespace(method.ContainingType, "System.Linq"))
            {
                value = Linq(invocation, depth);
            }
            else if (method.Name == "ToString" && method.Parameters.Length == 0 && invocation.Instance is { } instance && !_engine.HasBody(method))
            {
                value = StringOf(instance, depth);
            }
            else if (_engine.HasBody(method))
            {
                value = CallResult(method, invocation, depth);
            }
            else
            {
                value = Unseen(invocation, ignoreReturnType: false, depth);
            }

            if (IsFileClass(method.ContainingType) && FileReadMethods.Contains(method.Name) && invocation.Arguments.Length > 0)
            {
                // File.ReadAllText(path), File.OpenRead(path): what was written there.
                value = FlowValue.Join(value, FileContent(invocation.Arguments[0].Value));
            }

            value = value.Join(_classification.ReturnClass(method)).Join(_engine.Models.Of(invocation));
            return _engine.Declassifiers.CapOf(method) is { } ceiling ? Declassify(value, ceiling, method) : value;
        }

        /// <summary>
        /// The result of an inference call: the training class of the tuned models its client, request or options are bound to
        /// (<see cref="ModelBindings"/>), and nothing of the request itself.
        /// </summary>
        private FlowValue Answer(IInvocationOperation invocation, ImmutableArray<SinkMatch> sinks, int depth)
        {
            if (_engine.Models.IsEmpty || !sinks.Any(sink => sink.PurposeOf(invocation) == LlmPurpose.Inference))
            {
                return FlowValue.Bottom;
            }

            var bound = FlowValue.Of(_engine.Models.Of(invocation));
            if (invocation.Instance is { } receiver)
            {
                bound = FlowValue.Join(bound, Eval(receiver, depth));
            }

            foreach (var argument in invocation.Arguments)
            {
                bound = FlowValue.Join(bound, Eval(argument.Value, depth));
            }

            return bound.Answer();
        }

        /// <summary>The result of a call into a method of this compilation, through its summary.</summary>
        private FlowValue CallResult(IMethodSymbol method, IOperation call, int depth, IOperation? receiver = null)
        {
            var summary = _session.Request(method);
            if (summary is null)
            {
                return FlowValue.Join(UnseenArguments(call, receiver, depth), FlowValue.Cut(FlowBound.CallDepth));
            }

            var result = Resolve(summary.Result, call, depth, receiver);

            // A method that returns one of its parameters' objects (return this; return list;) returns what it put there.
            var returned = summary.Result.Deps | summary.Result.ContentDeps;
            for (var index = 0; returned != 0 && index < summary.Effects.Length; index++)
            {
                if ((returned & FlowValue.Bit(index)) != 0 && !summary.Effects[index].IsBottom)
                {
                    result = FlowValue.Join(result, Resolve(summary.Effects[index], call, depth, receiver));
                }
            }

            return result;
        }

        /// <summary>Replaces the callee's parameter dependencies by what the caller's arguments carry.</summary>
        private FlowValue Resolve(FlowValue callee, IOperation call, int depth, IOperation? receiver = null)
        {
            var result = callee.WithoutParameters().ThroughReceiver(ReceiverScope(call, receiver));
            var dependencies = callee.AllDeps | callee.AnswerDeps;
            for (var index = 0; dependencies != 0 && index < 64; index++)
            {
                var bit = FlowValue.Bit(index);
                if ((dependencies & bit) == 0)
                {
                    continue;
                }

                dependencies &= ~bit;
                foreach (var argument in ArgumentsFor(call, index, receiver))
                {
                    if ((callee.WholeDeps & bit) != 0)
                    {
                        result = FlowValue.Join(result, WholeOf(argument, depth));
                    }

                    if ((callee.Deps & bit) != 0)
                    {
                        result = FlowValue.Join(result, Eval(argument, depth));
                    }

                    if ((callee.ContentDeps & bit) != 0)
                    {
                        result = FlowValue.Join(result, Eval(argument, depth).AsContent());
                    }

                    if ((callee.AnswerDeps & bit) != 0)
                    {
                        // The callee asked the client it was given: the answer is that of the caller's client.
                        result = FlowValue.Join(result, Eval(argument, depth).Answer());
                    }
                }
            }

            return result;
        }

        /// <summary>The operations passed as parameter <paramref name="index"/> (0 is the receiver).</summary>
        private static IEnumerable<IOperation> ArgumentsFor(IOperation call, int index, IOperation? receiver)
        {
            if (index == 0)
            {
                var instance = receiver ?? call switch
                {
                    IInvocationOperation invocation => invocation.Instance,
                    IPropertyReferenceOperation property => property.Instance,
                    _ => null,
                };

                if (instance is not null)
                {
                    yield return instance;
                }

                yield break;
            }

            if (call is IConversionOperation conversion)
            {
                if (index == 1)
                {
                    yield return conversion.Operand;
                }

                yield break;
            }

            var arguments = call switch
            {
                IInvocationOperation invocation => invocation.Arguments,
                IObjectCreationOperation creation => creation.Arguments,
                IPropertyReferenceOperation property => property.Arguments,
                _ => default,
            };

            if (arguments.IsDefault)
            {
                yield break;
            }

            foreach (var argument in arguments)
            {
                var position = argument.Parameter is { } parameter ? parameter.Ordinal + 1 : -1;
                if (position == index || index == 63 && position > 63)
                {
                    yield return argument.Value;
                }
            }
        }

        /// <summary>
        /// A call the analyzer cannot see into (docs/classifying-data.md, "What the analyzer tracks"): its result carries its receiver and
        /// arguments, unless it returns <c>void</c> or <c>bool</c>.
        /// </summary>
        private FlowValue Unseen(IInvocationOperation invocation, bool ignoreReturnType, int depth = 0)
        {
            var method = invocation.TargetMethod;
            if (!ignoreReturnType && (method.ReturnsVoid || method.ReturnType.SpecialType == SpecialType.System_Boolean))
            {
                return FlowValue.Bottom;
            }

            // An element taken from a container (list.Find, dict.GetValueOrDefault, queue.Dequeue) carries what
            // the container carries, not the container's whole class.
            if (ReturnsElementOf(invocation))
            {
                var element = invocation.Instance is { } container ? Eval(container, depth) : FlowValue.Bottom;
                foreach (var argument in invocation.Arguments)
                {
                    element = FlowValue.Join(element, AsLambda(argument.Value) is { } lambda ? Env(lambda.Symbol) : Eval(Strip(argument.Value), depth));
                }

                return element;
            }

            return UnseenArguments(invocation, receiver: null, depth);
        }

        // T List<T>.Find(...), TValue GetValueOrDefault<TKey, TValue>(this IReadOnlyDictionary<TKey, TValue>, TKey):
        // the result's type is an element type of the receiver.
        private static bool ReturnsElementOf(IInvocationOperation invocation)
        {
            var definition = invocation.TargetMethod.OriginalDefinition;
            if (definition.ReturnType is not ITypeParameterSymbol parameter)
            {
                return false;
            }

            if (invocation.Instance is not null)
            {
                return parameter.TypeParameterKind == TypeParameterKind.Type
                    && SymbolEqualityComparer.Default.Equals(parameter.DeclaringType, definition.ContainingType);
            }

            return definition.IsExtensionMethod && parameter.TypeParameterKind == TypeParameterKind.Method
                && definition.Parameters[0].Type is INamedTypeSymbol receiver
                    && receiver.TypeArguments.Any(argument => SymbolEqualityComparer.Default.Equals(argument, parameter));
        }

        private FlowValue UnseenArguments(IOperation call, IOperation? receiver, int depth)
        {
            var result = FlowValue.Bottom;
            var instance = receiver ?? (call as IInvocationOperation)?.Instance ?? (call as IPropertyReferenceOperation)?.Instance;
            if (instance is not null)
            {
                result = WholeOf(instance, depth);
            }

            var arguments = call switch
            {
                IInvocationOperation invocation => invocation.Arguments,
                IObjectCreationOperation creation => creation.Arguments,
                IPropertyReferenceOperation property => property.Arguments,
                _ => default,
            };

            if (call is IConversionOperation conversion)
            {
                return FlowValue.Join(result, WholeOf(conversion.Operand, depth));
            }

            if (!arguments.IsDefault)
            {
                foreach (var argument in arguments)
                {
                    result = FlowValue.Join(result, AsLambda(argument.Value) is { } lambda ? Env(lambda.Symbol) : WholeOf(argument.Value, depth));
                }
            }

            return result;
        }

        // Projections carry what their lambda returns; filters, orderings and the rest carry the source.
        private FlowValue Linq(IInvocationOperation invocation, int depth)
        {
            var sources = FlowValue.Bottom;
            var projected = FlowValue.Bottom;
            var hasProjection = false;
            var groups = new List<IMethodSymbol>();
            foreach (var argument in invocation.Arguments)
            {
                if (AsLambda(argument.Value) is { } lambda)
                {
                    if (Projections.Contains(invocation.TargetMethod.Name) && !lambda.Symbol.ReturnsVoid
                        && lambda.Symbol.ReturnType.SpecialType != SpecialType.System_Boolean)
                    {
                        hasProjection = true;
                        projected = FlowValue.Join(projected, Env(lambda.Symbol));
                    }
                }
                else if (Strip(argument.Value) is IDelegateCreationOperation { Target: IMethodReferenceOperation group })
                {
                    // orders.Select(Describe): a projection through a method group.
                    if (Projections.Contains(invocation.TargetMethod.Name) && !group.Method.ReturnsVoid
                        && group.Method.ReturnType.SpecialType != SpecialType.System_Boolean)
                    {
                        hasProjection = true;
                        groups.Add(group.Method);
                    }
                }
                else
                {
                    sources = FlowValue.Join(sources, Eval(Strip(argument.Value), depth));
                }
            }

            foreach (var method in groups)
            {
                projected = FlowValue.Join(projected, ProjectThrough(method, sources));
            }

            return hasProjection ? projected : sources;
        }

        /// <summary>What <paramref name="method"/> returns when each element of <paramref name="elements"/> is passed to it.</summary>
        private FlowValue ProjectThrough(IMethodSymbol method, FlowValue elements)
        {
            var declared = _classification.ReturnClass(method);
            FlowValue result;
            if (!_engine.HasBody(method))
            {
                // Unseen: it carries the element as a whole.
                var parameterType = method.Parameters.Length > 0 ? method.Parameters[0].Type : null;
                result = elements.AsWhole().Join(_classification.Whole(parameterType));
            }
            else if (_session.Request(method) is not { } summary)
            {
                result = FlowValue.Join(elements.AsWhole(), FlowValue.Cut(FlowBound.CallDepth));
            }
            else
            {
                var callee = summary.Result;
                result = callee.WithoutParameters().ThroughReceiver(StateScope.Any);
                if (callee.WholeDeps != 0)
                {
                    var parameterType = method.Parameters.Length > 0 ? method.Parameters[0].Type : null;
                    result = FlowValue.Join(result, elements.AsWhole().Join(_classification.Whole(parameterType)));
                }

                if (callee.Deps != 0)
                {
                    result = FlowValue.Join(result, elements);
                }

                if (callee.ContentDeps != 0)
                {
                    result = FlowValue.Join(result, elements.AsContent());
                }
            }

            result = result.Join(declared);
            return _engine.Declassifiers.CapOf(method) is { } ceiling ? Declassify(result, ceiling, method) : result;
        }

        private FlowValue Creation(IObjectCreationOperation creation, int depth)
        {
            FlowValue value;
            if (creation.Constructor is { } constructor && _engine.HasBody(constructor))
            {
                // What the constructor stores in the new object, from its arguments.
                var summary = _session.Request(constructor);
                value = summary is null
                    ? FlowValue.Join(UnseenArguments(creation, null, depth), FlowValue.Cut(FlowBound.CallDepth))
                    : Resolve(summary.EffectOn(0), creation, depth);
            }
            else
            {
                value = UnseenArguments(creation, null, depth);
            }

            if (PathOfCreation(creation) is { } path)
            {
                // new FileStream(path, FileMode.Open), new StreamReader(path): what was written there.
                value = FlowValue.Join(value, FileContent(path));
            }

            return FlowValue.Join(value, Eval(creation.Initializer, depth)).Join(_engine.Models.Of(creation));
        }

        // dict.TryGetValue(key, out var value), int.TryParse(text, out var n): the out value is an element of the
        // receiver or is parsed from the arguments; it carries what they carry, not the receiver's whole class.
        private FlowValue OutValue(IInvocationOperation invocation)
        {
            var result = invocation.Instance is { } instance ? Eval(instance, 0) : FlowValue.Bottom;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.RefKind is not RefKind.Out)
                {
                    result = FlowValue.Join(result, AsLambda(argument.Value) is { } lambda ? Env(lambda.Symbol) : Eval(argument.Value, 0));
                }
            }

            return result;
        }

        private FlowValue MutationValue(IInvocationOperation invocation)
        {
            var result = FlowValue.Bottom;
            var skipReceiver = invocation.Instance is null;
            foreach (var argument in invocation.Arguments)
            {
                if (skipReceiver)
                {
                    skipReceiver = false;
                    continue;
                }

                result = FlowValue.Join(result, AsLambda(argument.Value) is { } lambda ? Env(lambda.Symbol) : Eval(argument.Value, 0));
            }

            // builder.AddOpenAIChatCompletion(modelId: "ft:...") binds the builder to the model.
            return result.Join(_engine.Models.Of(invocation));
        }

        private FlowValue CallEffect(IOperation call, int index)
        {
            var method = (call as IInvocationOperation)?.TargetMethod;
            if (method is null)
            {
                return FlowValue.Bottom;
            }

            var summary = _session.Request(method);
            if (summary is null)
            {
                return FlowValue.Cut(FlowBound.CallDepth);
            }

            var effect = summary.EffectOn(index);
            return effect.IsBottom ? effect : Resolve(effect, call, 0);
        }

        private FlowValue LambdaParameterValue(IOperation call)
        {
            var result = FlowValue.Bottom;
            if (call is IInvocationOperation { Instance: { } instance })
            {
                result = Eval(Strip(instance), 0);
            }

            var arguments = call is IInvocationOperation invocation ? invocation.Arguments : ((IObjectCreationOperation)call).Arguments;
            foreach (var argument in arguments)
            {
                if (AsLambda(argument.Value) is null)
                {
                    result = FlowValue.Join(result, Eval(Strip(argument.Value), 0));
                }
            }

            return result;
        }

        /// <summary>A <c>[Declassifies(X)]</c> method or a redactor: its result carries at most X.</summary>
        private FlowValue Declassify(FlowValue value, DataClass ceiling, IMethodSymbol method)
        {
            // The cap keeps what is below it: the state the value reads must be known here.
            value = _engine.State.Resolve(value, _session);
            var result = new DataSource("result of " + SymbolNames.Short(method), ceiling, value.Fixed.Categories, null);
            var capped = new FlowValue(value.Fixed.Cap(ceiling, result), 0, 0, value.Bounds);
            if (value.AllDeps != 0 && ceiling > DataClass.Public)
            {
                // What the arguments carry is only known at the call sites: assume the cap itself.
                capped = capped.Join(Taint.From(result));
            }

            return capped;
        }
    }
}
