using System.Runtime.CompilerServices;
using FineTunePolicy.Analyzers.Classification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FineTunePolicy.Analyzers.Flow
{
    internal sealed partial class MethodFlow
    {
        /// <summary>
        /// What an expression carries. The whole-object class of its type is not included here:
        /// <see cref="WholeOf"/> adds it where a value is used as a whole (sent, serialised,
        /// printed, passed to code the analyzer cannot see), so that <c>customer.Id</c> stays
        /// Public when only <c>customer.Ssn</c> is Restricted.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private FlowValue Eval(IOperation? operation, int depth)
        {
            if (operation is null)
            {
                return FlowValue.Bottom;
            }

            if (depth > MaxExpressionDepth)
            {
                return FlowValue.Cut(FlowBound.ExpressionDepth);
            }

            depth++;

            // By kind, not by a chain of interface tests: this runs for every operation read, and invocations come late in the chain.
            switch (operation.Kind)
            {
                case OperationKind.FieldReference:
                    var field = (IFieldReferenceOperation)operation;
                    return MemberAccess(field.Field, field.Instance, depth);
                case OperationKind.PropertyReference:
                    return PropertyAccess((IPropertyReferenceOperation)operation, depth);
                case OperationKind.LocalReference:
                    return Env(((ILocalReferenceOperation)operation).Local);
                case OperationKind.ParameterReference:
                    return ParameterValue(((IParameterReferenceOperation)operation).Parameter);
                case OperationKind.InstanceReference
                    when ((IInstanceReferenceOperation)operation).ReferenceKind == InstanceReferenceKind.ContainingTypeInstance:
                    return _method.IsStatic ? FlowValue.Bottom : FlowValue.Parameter(0);
            }

            if (operation.ConstantValue.HasValue || operation.Type?.SpecialType == SpecialType.System_Boolean)
            {
                // Constants, and comparisons or tests: branching on data is an implicit flow, not tracked.
                return FlowValue.Bottom;
            }

            switch (operation.Kind)
            {
                case OperationKind.Literal:
                case OperationKind.DefaultValue:
                case OperationKind.TypeOf:
                case OperationKind.NameOf:
                case OperationKind.SizeOf:
                case OperationKind.InstanceReference:
                case OperationKind.MethodReference:
                case OperationKind.Discard:
                case OperationKind.Throw:
                    return FlowValue.Bottom;
                case OperationKind.Argument:
                    return Eval(((IArgumentOperation)operation).Value, depth);
                case OperationKind.ArrayElementReference:
                    return Eval(((IArrayElementReferenceOperation)operation).ArrayReference, depth);
                case OperationKind.Conversion:
                    return Conversion((IConversionOperation)operation, depth);
                case OperationKind.Await:
                    return Eval(((IAwaitOperation)operation).Operation, depth);
                case OperationKind.Conditional:
                    var conditional = (IConditionalOperation)operation;
                    return FlowValue.Join(Eval(conditional.WhenTrue, depth), Eval(conditional.WhenFalse, depth));
                case OperationKind.Coalesce:
                    var coalesce = (ICoalesceOperation)operation;
                    return FlowValue.Join(Eval(coalesce.Value, depth), Eval(coalesce.WhenNull, depth));
                case OperationKind.ConditionalAccess:
                    var access = (IConditionalAccessOperation)operation;
                    _conditionalInstances.Push(Eval(access.Operation, depth));
                    try
                    {
                        return Eval(access.WhenNotNull, depth);
                    }
                    finally
                    {
                        _conditionalInstances.Pop();
                    }

                case OperationKind.ConditionalAccessInstance:
                    return _conditionalInstances.Count > 0 ? _conditionalInstances.Peek() : FlowValue.Bottom;
                case OperationKind.Binary:
                    return Binary((IBinaryOperation)operation, depth);
                case OperationKind.Unary:
                    return Eval(((IUnaryOperation)operation).Operand, depth);
                case OperationKind.InterpolatedString:
                    return Interpolation((IInterpolatedStringOperation)operation, depth);
                case OperationKind.Invocation:
                    return Call((IInvocationOperation)operation, depth);
                case OperationKind.ObjectCreation:
                    return Creation((IObjectCreationOperation)operation, depth);
                case OperationKind.SimpleAssignment:
                    // new ChatOptions { ModelId = "ft:..." } binds the options to the model.
                    var assignment = (ISimpleAssignmentOperation)operation;
                    return Eval(assignment.Value, depth).Join(_engine.Models.Of(assignment));
                case OperationKind.CompoundAssignment:
                    var compound = (ICompoundAssignmentOperation)operation;
                    return FlowValue.Join(Eval(compound.Target, depth), Eval(compound.Value, depth));
                case OperationKind.CoalesceAssignment:
                    var coalesceAssignment = (ICoalesceAssignmentOperation)operation;
                    return FlowValue.Join(Eval(coalesceAssignment.Target, depth), Eval(coalesceAssignment.Value, depth));
                case OperationKind.DeconstructionAssignment:
                    return Eval(((IDeconstructionAssignmentOperation)operation).Value, depth);
                case OperationKind.ArrayCreation:
                    return Eval(((IArrayCreationOperation)operation).Initializer, depth);
                case OperationKind.ObjectOrCollectionInitializer:
                    return Initializer((IObjectOrCollectionInitializerOperation)operation, depth);
                case OperationKind.MemberInitializer:
                    return Eval(((IMemberInitializerOperation)operation).Initializer, depth);
                case OperationKind.DelegateCreation:
                    return Eval(((IDelegateCreationOperation)operation).Target, depth);
                case OperationKind.AnonymousFunction:
                    return Env(((IAnonymousFunctionOperation)operation).Symbol);
                case OperationKind.DeclarationExpression:
                    return Eval(((IDeclarationExpressionOperation)operation).Expression, depth);
                case OperationKind.SwitchExpression:
                    var arms = FlowValue.Bottom;
                    foreach (var arm in ((ISwitchExpressionOperation)operation).Arms)
                    {
                        arms = FlowValue.Join(arms, Eval(arm.Value, depth));
                    }

                    return arms;
                case OperationKind.With:
                    var with = (IWithOperation)operation;
                    return FlowValue.Join(Eval(with.Operand, depth), Eval(with.Initializer, depth));
                default:
                    // Tuples, collection expressions, anonymous objects, invalid code: what the parts carry.
                    var result = FlowValue.Bottom;
                    foreach (var child in operation.ChildOperations)
                    {
                        result = FlowValue.Join(result, Eval(child, depth));
                    }

                    return result;
            }
        }

        /// <summary>A value used as a whole: what it carries plus the whole-object class of its type.</summary>
        private FlowValue WholeOf(IOperation operation, int depth = 0)
        {
            var value = Eval(operation, depth).AsWhole();
            var type = Strip(operation).Type;
            return value.Join(_classification.Whole(type));
        }

        private FlowValue ParameterValue(IParameterSymbol parameter)
        {
            var value = Env(parameter);
            var index = ParameterIndex(parameter);
            if (index >= 0)
            {
                value = FlowValue.Join(value, FlowValue.Parameter(index));
            }
            else if (parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor })
            {
                // A primary-constructor parameter captured by a member: what every construction passes.
                value = FlowValue.Join(value, FlowValue.Reading(StateRef.CapturedParameter(parameter)));
            }

            return _classification.Explicit(parameter) is { } own ? value.Join(own) : value;
        }

        private FlowValue MemberAccess(ISymbol member, IOperation? instance, int depth)
        {
            // A member's own attribute overrides, downwards too: [Public] Id in a [Restricted] type is Public.
            if (_classification.Explicit(member) is { } own)
            {
                return FlowValue.Of(own);
            }

            var value = FlowValue.Of(_classification.MemberValue(member));
            if (instance is null || IsOwnOrStatic(instance))
            {
                value = FlowValue.Join(value, Env(member));
            }

            if (_engine.State.Tracks(member))
            {
                // What the compilation writes into the member, whatever the receiver (field-based), looked for if the value is observed;
                // through an object kept in this method, only its initializer (the rest travels with the object).
                value = FlowValue.Join(value, FlowValue.Reading(StateRef.Member(member, member.IsStatic ? StateScope.Any : ScopeOf(instance))));
            }

            if (instance is not null && !IsCountOfContainer(member))
            {
                value = FlowValue.Join(value, KeptMemberValue(member, instance, depth) ?? Eval(instance, depth).AsContent());
            }

            return value;
        }

        private FlowValue PropertyAccess(IPropertyReferenceOperation reference, int depth)
        {
            var property = reference.Property;
            if (reference.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
            {
                return FlowValue.Bottom;
            }

            if (_classification.Explicit(property) is null && property.GetMethod is { } getter && _engine.HasComputedGetter(property))
            {
                // A computed property (FullName => First + " " + Last) carries what its getter reads.
                var computed = CallResult(getter, reference, depth);
                return computed.Join(_classification.MemberValue(property));
            }

            return MemberAccess(property, reference.Instance, depth);
        }

        // Counts and lengths of containers of other assemblies carry nothing (customer.Orders.Count).
        private static bool IsCountOfContainer(ISymbol member)
        {
            var type = member switch
            {
                IPropertySymbol property => property.Type,
                IFieldSymbol field => field.Type,
                _ => null,
            };

            return type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64
                && member.Name is "Count" or "Length" or "LongLength" or "LongCount";
        }

        private FlowValue Conversion(IConversionOperation conversion, int depth)
        {
            if (conversion.OperatorMethod is { } operatorMethod)
            {
                // string → ChatMessage and other user-defined conversions carry their operand.
                return _engine.HasBody(operatorMethod) ? CallResult(operatorMethod, conversion, depth) : Eval(conversion.Operand, depth);
            }

            var value = Eval(conversion.Operand, depth);
            var from = conversion.Operand.Type;
            var to = conversion.Type;
            if (from is null || to is null || SymbolEqualityComparer.Default.Equals(from, to)
                || !(conversion.Conversion.IsReference || from.IsValueType && !to.IsValueType))
            {
                return value;
            }

            // Customer → object loses the type that tells what the value holds: keep it now.
            var fromClass = _classification.Whole(from);
            if (from is ITypeParameterSymbol || to.SpecialType == SpecialType.System_Object || fromClass.Class > _classification.Whole(to).Class)
            {
                return value.AsWhole().Join(fromClass);
            }

            return value;
        }

        private FlowValue Binary(IBinaryOperation binary, int depth)
        {
            // Long chains (a + b + c + ...) are left-deep: walk them in a loop, not by recursion.
            var result = FlowValue.Bottom;
            var current = binary;
            while (true)
            {
                var isConcatenation = current.OperatorKind == BinaryOperatorKind.Add && current.Type?.SpecialType == SpecialType.System_String;
                result = FlowValue.Join(result, isConcatenation ? StringOf(current.RightOperand, depth) : Eval(current.RightOperand, depth));
                if (Strip(current.LeftOperand) is IBinaryOperation left && left.Type?.SpecialType != SpecialType.System_Boolean
                    && left.ConstantValue.HasValue == false)
                {
                    current = left;
                    continue;
                }

                return FlowValue.Join(result, isConcatenation ? StringOf(current.LeftOperand, depth) : Eval(current.LeftOperand, depth));
            }
        }

        private FlowValue Interpolation(IInterpolatedStringOperation interpolated, int depth)
        {
            var result = FlowValue.Bottom;
            foreach (var part in interpolated.Parts)
            {
                if (part is IInterpolationOperation hole)
                {
                    result = FlowValue.Join(result, StringOf(hole.Expression, depth));
                }
                else if (part is IInterpolatedStringAppendOperation { AppendCall: IInvocationOperation { Arguments.Length: > 0 } append }
                    && part.Kind == OperationKind.InterpolatedStringAppendFormatted)
                {
                    // A hole lowered to an interpolated-string handler (sb.Append($"..."), string.Create, user handlers).
                    result = FlowValue.Join(result, StringOf(append.Arguments[0].Value, depth));
                }
            }

            return result;
        }

        /// <summary>
        /// What a value carries once turned into text: a record's generated ToString prints every
        /// member; a ToString written in this compilation carries what it reads; the default
        /// ToString prints the type name only.
        /// </summary>
        private FlowValue StringOf(IOperation operation, int depth)
        {
            operation = Strip(operation);
            var value = Eval(operation, depth);
            var type = operation.Type;
            if (type is null || type.SpecialType == SpecialType.System_String)
            {
                return value;
            }

            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var member in current.GetMembers("ToString"))
                {
                    if (member is not IMethodSymbol { Parameters.Length: 0, IsOverride: true } toString)
                    {
                        continue;
                    }

                    if (toString.IsImplicitlyDeclared && current.IsRecord)
                    {
                        return value.AsWhole().Join(_classification.Whole(type));
                    }

                    return _engine.HasBody(toString) ? FlowValue.Join(value, CallResult(toString, operation, depth, receiver: operation)) : value;
                }
            }

            return value;
        }

        private FlowValue Initializer(IObjectOrCollectionInitializerOperation initializer, int depth)
        {
            var result = FlowValue.Bottom;
            foreach (var part in initializer.Initializers)
            {
                if (part is IInvocationOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } } add)
                {
                    // Collection initialiser: { a, b } calls Add on the new object.
                    foreach (var argument in add.Arguments)
                    {
                        result = FlowValue.Join(result, Eval(argument.Value, depth));
                    }
                }
                else
                {
                    result = FlowValue.Join(result, Eval(part, depth));
                }
            }

            return result;
        }
    }
}
