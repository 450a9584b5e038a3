using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FineTunePolicy.Analyzers.Flow
{
    /// <summary>Writes into the state of the compilation's own types, for <see cref="StateIndex"/>.</summary>
    internal sealed partial class MethodFlow
    {
        private const int MaxStatePath = 8;

        private readonly List<(ISymbol Member, Write Write, IOperation At)> _stateWrites = new();

        /// <summary>What <paramref name="operation"/> carries in the context of <paramref name="method"/> (a field initializer).</summary>
        public static FlowValue Evaluate(FlowEngine.Session session, IMethodSymbol method, IOperation operation)
        {
            var flow = new MethodFlow(session, method, operation);
            flow.Collect();
            flow.Solve();
            return FlowValue.Join(flow.Eval(operation, 0), FlowValue.Cut(flow._bounds));
        }

        /// <summary>
        /// What <paramref name="caller"/> passes to each parameter of <paramref name="callee"/>, joined over its calls (invocations,
        /// constructions, constructor initializers and property assignments, simple or compound, through the callee as a setter), and
        /// where: the first argument that carries a class (or the first argument, if none does).
        /// </summary>
        public static (FlowValue Value, Location? At)[] ArgumentsTo(FlowEngine.Session session, IMethodSymbol caller, IOperation body, IMethodSymbol callee)
        {
            var values = new (FlowValue Value, Location? At)[callee.Parameters.Length];
            var flow = new MethodFlow(session, caller, body);
            flow.Collect();
            flow.Solve();
            foreach (var operation in body.DescendantsAndSelf())
            {
                ImmutableArray<IArgumentOperation> arguments;
                switch (operation)
                {
                    case IInvocationOperation invocation when Same(invocation.TargetMethod, callee):
                        arguments = invocation.Arguments;
                        break;
                    case IObjectCreationOperation creation when creation.Constructor is { } constructor && Same(constructor, callee):
                        arguments = creation.Arguments;
                        break;
                    case IAssignmentOperation { Target: IPropertyReferenceOperation { Property.SetMethod: { } setter } } assignment when Same(setter,
                        callee) && values.Length > 0:
                        // p.Value = x, slots[k] += x, slots[k] ??= x: the setter is given x (joined with what the getter reads, which is the
                        // same state).
                        Pass(values, values.Length - 1, flow.Eval(assignment.Value, 0), assignment.Value);
                        continue;
                    default:
                        continue;
                }

                foreach (var argument in arguments)
                {
                    if (argument.Parameter is { } parameter && parameter.Ordinal < values.Length)
                    {
                        Pass(values, parameter.Ordinal, flow.Eval(argument.Value, 0), argument.Value);
                    }
                }
            }

            return values;

            static void Pass((FlowValue Value, Location? At)[] values, int index, FlowValue passed, IOperation argument)
            {
                var (value, at) = values[index];
                if (at is null || value.Fixed.IsNone && !passed.Fixed.IsNone)
                {
                    at = argument.Syntax.GetLocation();
                }

                values[index] = (FlowValue.Join(value, passed), at);
            }
        }

        private static bool Same(IMethodSymbol a, IMethodSymbol b) => SymbolEqualityComparer.Default.Equals(a.OriginalDefinition, b.OriginalDefinition);

        /// <summary>Records a write into the state member that <paramref name="target"/> names or is part of.</summary>
        private void AddStateWrite(IOperation target, IOperation value, WriteKind kind, int effectIndex = 0)
        {
            if (StateMember(target) is { } member)
            {
                _stateWrites.Add((member, new Write(value, kind, mutates: true, effectIndex), target.Parent ?? target));
            }
        }

        // _context = x, other.Context = x, _history.Add(x), _context.Address = x, _cache[key] = x: the nearest own field
        // or auto-property on the path from the written place to its root.
        private ISymbol? StateMember(IOperation? operation)
        {
            for (var steps = 0; operation is not null && steps < MaxStatePath; steps++)
            {
                switch (operation)
                {
                    case IFieldReferenceOperation field when _engine.State.Tracks(field.Field):
                        return field.Field.OriginalDefinition;
                    case IPropertyReferenceOperation { Arguments.Length: 0 } property when _engine.State.Tracks(property.Property):
                        return property.Property.OriginalDefinition;
                    case IMemberReferenceOperation member:
                        operation = member.Instance;
                        break;
                    case IArrayElementReferenceOperation element:
                        operation = element.ArrayReference;
                        break;
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        break;
                    case IInvocationOperation invocation when invocation.Instance is not null
                        && SymbolEqualityComparer.Default.Equals(invocation.Type, invocation.Instance.Type):
                        operation = invocation.Instance;
                        break;
                    default:
                        return null;
                }
            }

            return null;
        }

        private ImmutableArray<StateWrite> StateWrites()
        {
            if (_stateWrites.Count == 0 && _wrappedState.Count == 0)
            {
                return ImmutableArray<StateWrite>.Empty;
            }

            var writes = ImmutableArray.CreateBuilder<StateWrite>();
            foreach (var (member, write, at) in _stateWrites)
            {
                var value = EvalWrite(write);
                if (!value.IsBottom)
                {
                    writes.Add(new StateWrite(member, value, at.Syntax.GetLocation()));
                }
            }

            AddAliasStateWrites(writes);
            return writes.ToImmutable();
        }
    }
}
