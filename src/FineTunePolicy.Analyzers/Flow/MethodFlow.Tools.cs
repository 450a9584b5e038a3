using System.Collections.Generic;
using FineTunePolicy.Analyzers.Classification;
using FineTunePolicy.Analyzers.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FineTunePolicy.Analyzers.Flow
{
    /// <summary>
    /// Tool results are inference sinks (DESIGN §3): what a function-calling tool returns is sent to the model. The
    /// tools are <c>[KernelFunction]</c> methods (however they are registered: <c>KernelPluginFactory.CreateFromType</c>,
    /// <c>kernel.Plugins.AddFromObject</c>, ...) and the delegates given to a tool factory
    /// (<c>AIFunctionFactory.Create</c>, <c>KernelFunctionFactory.CreateFromMethod</c>, <c>kernel.CreateFunctionFromMethod</c>).
    /// </summary>
    internal sealed partial class MethodFlow
    {
        /// <summary>How a tool attribute is written (<see cref="SinkReach"/> analyses every method that carries one).</summary>
        public static readonly string[] ToolAttributeNames = { "KernelFunction", "KernelFunctionAttribute" };

        /// <summary>The names a body that makes a tool from a delegate mentions (so that <see cref="SinkReach"/> analyses it).</summary>
        public static readonly string[] ToolFactoryNames = { "AIFunctionFactory", "KernelFunctionFactory", "CreateFunctionFromMethod" };

        private static readonly (string Type, string Method)[] ToolFactories =
        {
            ("Microsoft.Extensions.AI.AIFunctionFactory", "Create"),
            ("Microsoft.SemanticKernel.KernelFunctionFactory", "CreateFromMethod"),
            ("Microsoft.SemanticKernel.KernelExtensions", "CreateFunctionFromMethod"),
        };

        // Every returned value, with the function (method, lambda or local function) that returns it.
        private readonly List<(ISymbol Function, IOperation Returned)> _returns = new();

        // Delegates given to a tool factory: lambdas and method groups.
        private readonly List<(IMethodSymbol Factory, IOperation Delegate)> _toolDelegates = new();

        private static bool IsKernelFunction(IMethodSymbol method)
        {
            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "KernelFunctionAttribute" } type && SymbolNames.IsInNamespace(type, "Microsoft.SemanticKernel"))
                {
                    return true;
                }
            }

            return false;
        }

        private void CollectToolFactory(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.ContainingType is null || !IsToolFactory(method))
            {
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (Strip(argument.Value) is IDelegateCreationOperation or IAnonymousFunctionOperation or ILocalReferenceOperation)
                {
                    _toolDelegates.Add((method, argument.Value));
                }
            }
        }

        private static bool IsToolFactory(IMethodSymbol method)
        {
            foreach (var (type, name) in ToolFactories)
            {
                if (method.Name == name && SymbolNames.HasMetadataName(method.ContainingType.OriginalDefinition, type))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Checks what the tools of this body return: the method itself when it is a kernel function, and delegates made into tools here.</summary>
        private void CheckToolResults(System.Action<FlowValue, IOperation, SinkUse> check)
        {
            if (IsKernelFunction(_method))
            {
                var sink = ToolSink(SymbolNames.Short(_method), _method.Locations.Length > 0 ? _method.Locations[0] : _body.Syntax.GetLocation());
                CheckReturns(_method, sink, check);
            }

            foreach (var (factory, given) in _toolDelegates)
            {
                var call = given.Parent?.Parent ?? given;
                foreach (var tool in DelegatesIn(given))
                {
                    CheckTool(factory, tool, Strip(given) is ILocalReferenceOperation ? given : null, call, check);
                }
            }
        }

        // The delegates an argument gives: itself, or what its local was assigned (Func<int, string> lookup = id => ...; Create(lookup)).
        private IEnumerable<IOperation> DelegatesIn(IOperation given)
        {
            if (Strip(given) is not ILocalReferenceOperation local)
            {
                yield return given;
                yield break;
            }

            if (_writes.TryGetValue(local.Local, out var writes))
            {
                foreach (var write in writes)
                {
                    if (write.Kind == WriteKind.Value && Strip(write.Value) is IDelegateCreationOperation or IAnonymousFunctionOperation)
                    {
                        yield return write.Value;
                    }
                }
            }
        }

        // One delegate made into a tool, reported at its returned expressions (a lambda) or at the name given to the factory.
        private void CheckTool(
            IMethodSymbol factory, IOperation tool, IOperation? givenAs, IOperation call, System.Action<FlowValue, IOperation, SinkUse> check)
        {
            if (AsLambda(tool) is { } lambda)
            {
                CheckReturns(lambda.Symbol, ToolSink(SymbolNames.Short(factory) + "(lambda)", call.Syntax.GetLocation()), check);
            }
            else if (Strip(tool) is IDelegateCreationOperation { Target: IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction } local })
            {
                // A local function: its returns are part of this body.
                CheckReturns(local.Method, ToolSink(SymbolNames.Short(local.Method), call.Syntax.GetLocation()), check, at: givenAs ?? tool);
            }
            else if (Strip(tool) is IDelegateCreationOperation { Target: IMethodReferenceOperation reference }
                && _engine.HasBody(reference.Method) && !IsKernelFunction(reference.Method) && ReturnsData(reference.Method.ReturnType)
                && _session.Request(reference.Method) is { } summary)
            {
                // A method group: what the method returns (what the model passes in is not known here).
                var result = new FlowValue(summary.Result.Fixed, 0, 0, FlowBound.None, state: summary.Result.State);
                if (reference.Instance is { } instance && (summary.Result.AllDeps & 1) != 0)
                {
                    result = FlowValue.Join(result, Eval(instance, 0).AsContent());
                }

                check(result.Join(_classification.ReturnClass(reference.Method)), givenAs ?? tool,
                    ToolSink(SymbolNames.Short(reference.Method), call.Syntax.GetLocation()));
            }
        }

        // Each returned value of the function, reported where it is returned; or, for a local function made into a tool by its name,
        // all of them together at that name (its returns may be far from the factory call).
        private void CheckReturns(ISymbol function, SinkUse sink, System.Action<FlowValue, IOperation, SinkUse> check, IOperation? at = null)
        {
            var joined = FlowValue.Bottom;
            foreach (var (owner, returned) in _returns)
            {
                if (SymbolEqualityComparer.Default.Equals(owner, function) && ReturnsData(Strip(returned).Type))
                {
                    if (at is null)
                    {
                        check(WholeOf(returned), returned, sink);
                    }
                    else
                    {
                        joined = FlowValue.Join(joined, WholeOf(returned));
                    }
                }
            }

            if (at is not null && !joined.IsBottom)
            {
                check(joined, at, sink);
            }
        }

        private static SinkUse ToolSink(string tool, Location location) =>
            new(tool + " (tool result)", LlmPurpose.Inference, ProviderIds.Unknown, location);

        // A count, an index or a flag tells the model nothing of the data it was computed from.
        private static bool ReturnsData(ITypeSymbol? type)
        {
            if (type is INamedTypeSymbol { IsGenericType: true } generic && generic.Name is "Task" or "ValueTask" && generic.TypeArguments.Length == 1)
            {
                type = generic.TypeArguments[0];
            }

            if (type is null)
            {
                return true;
            }

            if (type.TypeKind == TypeKind.Enum)
            {
                return false;
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_Boolean:
                case SpecialType.System_Byte:
                case SpecialType.System_SByte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Void:
                    return false;
                default:
                    return true;
            }
        }
    }
}
