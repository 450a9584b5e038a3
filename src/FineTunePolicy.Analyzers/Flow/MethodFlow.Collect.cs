using System.Collections.Generic;
using System.Runtime.CompilerServices;
using FineTunePolicy.Analyzers.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FineTunePolicy.Analyzers.Flow
{
    internal sealed partial class MethodFlow
    {
        // One pass over the body (iterative, so deep expressions cannot overflow the stack).
        [MethodImpl(HotPath.Optimized)]
        private void Collect()
        {
            var pending = new Stack<(IOperation Operation, ISymbol Function)>();
            pending.Push((_body, _method));
            var visited = 0;
            while (pending.Count > 0)
            {
                if ((++visited & 0xFF) == 0)
                {
                    _session.CancellationToken.ThrowIfCancellationRequested();
                }

                var (operation, function) = pending.Pop();
                var childFunction = function;

                // By kind, not by a chain of interface tests: every operation of every summarised body passes here.
                switch (operation.Kind)
                {
                    case OperationKind.VariableDeclarator when ((IVariableDeclaratorOperation)operation).Initializer is { } initializer:
                        var declarator = (IVariableDeclaratorOperation)operation;
                        AddWrite(declarator.Symbol, initializer.Value, WriteKind.Value);
                        AddWrapping(declarator.Symbol, initializer.Value);
                        break;
                    case OperationKind.SimpleAssignment:
                        // options.ModelId = "ft:...": the assignment itself is written, so that its value carries the binding.
                        var assignment = (ISimpleAssignmentOperation)operation;
                        var givesModel = !_engine.Models.IsEmpty && ModelParameters.ModelArgument(assignment) is not null;
                        AddAssignment(assignment.Target, givesModel ? assignment : assignment.Value);
                        break;
                    case OperationKind.CompoundAssignment:
                        var compound = (ICompoundAssignmentOperation)operation;
                        AddAssignment(compound.Target, compound.Value);
                        break;
                    case OperationKind.CoalesceAssignment:
                        var coalesce = (ICoalesceAssignmentOperation)operation;
                        AddAssignment(coalesce.Target, coalesce.Value);
                        break;
                    case OperationKind.DeconstructionAssignment:
                        var deconstruction = (IDeconstructionAssignmentOperation)operation;
                        AddDeconstruction(deconstruction.Target, deconstruction.Value);
                        break;
                    case OperationKind.Loop when operation is IForEachLoopOperation loop:
                        foreach (var local in loop.Locals)
                        {
                            AddWrite(local, loop.Collection, WriteKind.Element);
                        }

                        break;
                    case OperationKind.IsPattern:
                        var isPattern = (IIsPatternOperation)operation;
                        AddPatternWrites(isPattern.Pattern, isPattern.Value);
                        break;
                    case OperationKind.SwitchExpression:
                        var switchExpression = (ISwitchExpressionOperation)operation;
                        foreach (var arm in switchExpression.Arms)
                        {
                            AddPatternWrites(arm.Pattern, switchExpression.Value);
                        }

                        break;
                    case OperationKind.Switch:
                        var switchStatement = (ISwitchOperation)operation;
                        foreach (var section in switchStatement.Cases)
                        {
                            foreach (var clause in section.Clauses)
                            {
                                if (clause is IPatternCaseClauseOperation patternClause)
                                {
                                    AddPatternWrites(patternClause.Pattern, switchStatement.Value);
                                }
                            }
                        }

                        break;
                    case OperationKind.Return or OperationKind.YieldReturn when ((IReturnOperation)operation).ReturnedValue is { } returned:
                        AddWrite(function, returned, WriteKind.Value);
                        _returns.Add((function, returned));
                        break;
                    case OperationKind.Invocation:
                        CollectCall((IInvocationOperation)operation);
                        break;
                    case OperationKind.ObjectCreation:
                        CollectCreation((IObjectCreationOperation)operation);
                        break;
                    case OperationKind.AnonymousFunction:
                        childFunction = ((IAnonymousFunctionOperation)operation).Symbol;
                        break;
                    case OperationKind.LocalFunction:
                        childFunction = ((ILocalFunctionOperation)operation).Symbol;
                        break;
                }

                foreach (var child in operation.ChildOperations)
                {
                    pending.Push((child, childFunction));
                }
            }
        }

        private void AddAssignment(IOperation target, IOperation value)
        {
            AddStateWrite(target, value, WriteKind.Value);
            if (DirectSlot(target) is { } slot)
            {
                AddWrapping(slot, value);
                AddWrite(slot, value, WriteKind.Value, mutates: slot is IParameterSymbol { RefKind: not RefKind.None });
            }
            else if (ContainerSlot(target) is { } container)
            {
                // msg.Content = x; options.Instructions = x; dict[k] = x: the object becomes classified.
                AddWrite(container, value, WriteKind.Value, mutates: true);
            }
        }

        private void AddDeconstruction(IOperation target, IOperation value)
        {
            target = target is IDeclarationExpressionOperation declaration ? declaration.Expression : target;
            if (target is ITupleOperation targets && Strip(value) is ITupleOperation values && targets.Elements.Length == values.Elements.Length)
            {
                for (var i = 0; i < targets.Elements.Length; i++)
                {
                    AddDeconstruction(targets.Elements[i], values.Elements[i]);
                }

                return;
            }

            if (target is ITupleOperation tuple)
            {
                foreach (var element in tuple.Elements)
                {
                    AddDeconstruction(element, value);
                }

                return;
            }

            AddAssignment(target, value);
        }

        private void AddPatternWrites(IOperation pattern, IOperation value)
        {
            var pending = new Stack<IOperation>();
            pending.Push(pattern);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                var declared = current switch
                {
                    IDeclarationPatternOperation declaration => declaration.DeclaredSymbol,
                    IRecursivePatternOperation recursive => recursive.DeclaredSymbol,
                    IListPatternOperation list => list.DeclaredSymbol,
                    _ => null,
                };

                AddWrite(declared, value, WriteKind.Value);
                foreach (var child in current.ChildOperations)
                {
                    pending.Push(child);
                }
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private void CollectCall(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.MethodKind == MethodKind.LocalFunction)
            {
                var definition = method.OriginalDefinition;
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter is { } parameter && parameter.Ordinal < definition.Parameters.Length)
                    {
                        AddWrite(definition.Parameters[parameter.Ordinal], argument.Value, WriteKind.Value);
                    }
                }

                return;
            }

            var sinks = _engine.Sinks.Match(method);
            if (!sinks.IsEmpty)
            {
                _sinkCalls.Add((invocation, sinks));
            }

            if (_engine.HasBody(method))
            {
                _bodyCalls.Add(invocation);
                CallsItself |= SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, _method);
                if (invocation.Instance is { } instance)
                {
                    AddWrite(ReceiverSlot(instance), invocation, WriteKind.CallEffect, mutates: true, effectIndex: 0);
                    AddStateWrite(instance, invocation, WriteKind.CallEffect, effectIndex: 0);
                }

                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter is { } parameter)
                    {
                        AddWrite(ReceiverSlot(argument.Value), invocation, WriteKind.CallEffect, mutates: true, effectIndex: parameter.Ordinal + 1);
                        AddStateWrite(argument.Value, invocation, WriteKind.CallEffect, effectIndex: parameter.Ordinal + 1);
                    }
                }
            }
            else if (sinks.IsEmpty)
            {
                var receiver = invocation.Instance ?? (method.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                if (receiver is not null && IsMutator(method, receiver) && invocation.Arguments.Length > (invocation.Instance is null ? 1 : 0))
                {
                    AddWrite(ReceiverSlot(receiver), invocation, WriteKind.Mutation, mutates: true);
                    AddStateWrite(receiver, invocation, WriteKind.Mutation);
                }

                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref)
                    {
                        AddWrite(DirectSlot(argument.Value), invocation, WriteKind.CallResult);
                        AddStateWrite(argument.Value, invocation, WriteKind.CallResult);
                    }
                }

                CollectWritesIntoArguments(invocation);
                CollectFileWrite(invocation);
            }

            CollectToolFactory(invocation);
            BindLambdaParameters(invocation, invocation.Arguments);
        }

        private void CollectCreation(IObjectCreationOperation creation)
        {
            if (creation.Constructor is { } constructor && _engine.HasBody(constructor))
            {
                _bodyCalls.Add(creation);
            }

            BindLambdaParameters(creation, creation.Arguments);
        }

        // A lambda passed to a call receives elements of what the call works on: its receiver and
        // its other arguments (customers.Select(c => c.Name): c is an element of customers).
        private void BindLambdaParameters(IOperation call, System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (AsLambda(argument.Value) is { } lambda)
                {
                    foreach (var parameter in lambda.Symbol.Parameters)
                    {
                        AddWrite(parameter, call, WriteKind.LambdaParameter);
                    }
                }
            }
        }

        // Void, bool (TryAdd) and fluent (StringBuilder.Append) methods change their receiver, and so does any call that
        // hands data to a writer, stream, buffer or builder (await writer.WriteLineAsync(x)).
        private bool IsMutator(IMethodSymbol method, IOperation receiver)
        {
            return method.ReturnsVoid || IsDataWriter(receiver.Type)
                || method.ReturnType.SpecialType == SpecialType.System_Boolean
                || SymbolEqualityComparer.Default.Equals(method.ReturnType, receiver.Type);
        }

        /// <summary>The variable an expression names: a local, a parameter, or a member of <c>this</c>.</summary>
        private static ISymbol? DirectSlot(IOperation operation)
        {
            switch (operation)
            {
                case ILocalReferenceOperation local:
                    return local.Local;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter;
                case IDeclarationExpressionOperation declaration:
                    return DirectSlot(declaration.Expression);
                case IConversionOperation conversion:
                    return DirectSlot(conversion.Operand);
                case IFieldReferenceOperation field when IsOwnOrStatic(field.Instance):
                    return field.Field;
                case IPropertyReferenceOperation { Arguments.Length: 0 } property when IsOwnOrStatic(property.Instance):
                    return property.Property;
                default:
                    return null;
            }
        }

        /// <summary>The variable whose object an expression is part of (<c>msg.Content</c>, <c>list[0]</c>).</summary>
        private static ISymbol? ContainerSlot(IOperation operation)
        {
            var instance = operation switch
            {
                IMemberReferenceOperation member => member.Instance,
                IArrayElementReferenceOperation element => element.ArrayReference,
                IInvocationOperation invocation when invocation.Instance is not null
                    && SymbolEqualityComparer.Default.Equals(invocation.Type, invocation.Instance.Type) => invocation.Instance,
                _ => null,
            };

            return instance is null ? null : ReceiverSlot(instance);
        }

        private static ISymbol? ReceiverSlot(IOperation operation) => DirectSlot(operation) ?? ContainerSlot(operation);

        private static bool IsOwnOrStatic(IOperation? instance) =>
            instance is null || instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };
    }
}
