using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FineTunePolicy.Analyzers.Flow
{
    /// <summary>Writes into the state of the compilation's own types, for <see cref="StateIndex"/>.</summary>
    internal sealed partial class MethodFlow
    {
        private const int MaxStatePath = 8;

        private readonly List<(ISymbol Member, Write Write, IOperation At)> _stateWrites = new();
        private readonly Dictionary<ILocalSymbol, bool> _keptLocals = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<ILocalSymbol, Dictionary<ISymbol, List<IOperation>>?> _keptMemberWrites = new(SymbolEqualityComparer.Default);
        private readonly HashSet<List<IOperation>> _keptMembersReading = new();

        /// <summary>What <paramref name="operation"/> carries in the context of <paramref name="method"/> (a field initializer).</summary>
        [MethodImpl(HotPath.Optimized)]
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

        /// <summary>
        /// Through which object a read of an instance member sees the object's state (<see cref="StateScope"/>): this method's own, one
        /// created here and kept here (<see cref="IsKept"/>), or any other.
        /// </summary>
        private StateScope ScopeOf(IOperation? instance)
        {
            if (instance is null)
            {
                return StateScope.Any;
            }

            instance = Strip(instance);
            if (instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
            {
                return StateScope.This;
            }

            return IsKept(instance, locals: true) ? StateScope.Initial : StateScope.Any;
        }

        /// <summary>How a callee's reads through <c>this</c> are seen by this method at <paramref name="call"/>.</summary>
        private StateScope ReceiverScope(IOperation call, IOperation? receiver) =>
            call is IObjectCreationOperation ? StateScope.Initial : ScopeOf(ArgumentsFor(call, 0, receiver).FirstOrDefault());

        /// <summary>
        /// Whether <paramref name="operation"/> is an object that no code but this method's can reach: <c>new T(...)</c>, a call on one
        /// that returns its receiver (<c>return this;</c>), or (with <paramref name="locals"/>) a local that only such expressions
        /// assign and that is used only as the receiver of its members: never passed, returned, stored, aliased or captured. Its fields
        /// then hold what was written through it, which the object carries itself (object-based), and not the writes into other objects
        /// of its type.
        /// </summary>
        private bool IsKept(IOperation operation, bool locals)
        {
            switch (Strip(operation))
            {
                case IObjectCreationOperation:
                    return true;
                case IInvocationOperation { Instance: { } instance } invocation:
                    return ReturnsItsReceiver(invocation) && IsKept(instance, locals);
                case ILocalReferenceOperation { Local: var local } when locals:
                    if (!_keptLocals.TryGetValue(local, out var kept))
                    {
                        kept = IsKeptLocal(local);
                        _keptLocals[local] = kept;
                    }

                    return kept;
                default:
                    return false;
            }
        }

        // A fluent method of the compilation: its result is its receiver and nothing else.
        private bool ReturnsItsReceiver(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.IsStatic || invocation.Instance is not { } instance || !SymbolEqualityComparer.Default.Equals(method.ReturnType, instance.Type)
                || !_engine.HasBody(method) || _session.Request(method) is not { } summary)
            {
                return false;
            }

            var result = summary.Result;
            return result.Deps == 1 && result.WholeDeps == 0 && (result.ContentDeps & ~1UL) == 0 && result.AnswerDeps == 0
                && result.State.IsEmpty && result.Fixed.IsNone && result.Fixed.Sources.IsEmpty;
        }

        private bool IsKeptLocal(ILocalSymbol local)
        {
            // Declared by a plain declaration whose initializer, if any, is a creation or a chain on one (read from the syntax first:
            // most locals are not, and need no look at the body).
            if (local.IsRef || local.DeclaringSyntaxReferences.Length != 1
                || local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax } declarator
                || declarator.Initializer is { } initializer && !StartsWithCreation(initializer.Value))
            {
                return false;
            }

            var assigned = false;
            foreach (var operation in _body.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declared when SymbolEqualityComparer.Default.Equals(declared.Symbol, local):
                        if (declared.GetVariableInitializer() is { } value)
                        {
                            if (!IsKept(value.Value, locals: false))
                            {
                                return false;
                            }

                            assigned = true;
                        }

                        break;
                    case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local):
                        if (!IsUsedInPlace(reference, local, ref assigned))
                        {
                            return false;
                        }

                        break;
                }
            }

            return assigned;
        }

        private static bool StartsWithCreation(ExpressionSyntax expression)
        {
            while (true)
            {
                switch (expression)
                {
                    case BaseObjectCreationExpressionSyntax:
                        return true;
                    case ParenthesizedExpressionSyntax parenthesized:
                        expression = parenthesized.Expression;
                        break;
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }:
                        expression = access.Expression;
                        break;
                    default:
                        return false;
                }
            }
        }

        // A use of a kept local: the receiver of one of its members (a fluent call's result used the same way), or the target of an
        // assignment of a new object; in the function that declares it.
        private bool IsUsedInPlace(ILocalReferenceOperation reference, ILocalSymbol local, ref bool assigned)
        {
            for (var parent = reference.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    var function = parent is IAnonymousFunctionOperation lambda ? lambda.Symbol : ((ILocalFunctionOperation)parent).Symbol;
                    if (!SymbolEqualityComparer.Default.Equals(function, local.ContainingSymbol))
                    {
                        return false;
                    }

                    break;
                }
            }

            switch (reference.Parent)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                    assigned = true;
                    return IsKept(assignment.Value, locals: false);
                case IMemberReferenceOperation member when member.Instance == reference:
                    return true;
                case IInvocationOperation invocation when invocation.Instance == reference:
                    return IsResultUsedInPlace(invocation, local.Type);
                default:
                    return false;
            }
        }

        // b.With(x) returns b: its result may be dropped, or used again as a receiver, and go no further.
        private static bool IsResultUsedInPlace(IInvocationOperation invocation, ITypeSymbol type)
        {
            while (SymbolEqualityComparer.Default.Equals(invocation.Type, type))
            {
                switch (invocation.Parent)
                {
                    case IExpressionStatementOperation:
                        return true;
                    case IMemberReferenceOperation member when member.Instance == invocation:
                        return true;
                    case IInvocationOperation next when next.Instance == invocation:
                        invocation = next;
                        break;
                    default:
                        return false;
                }
            }

            return true;
        }

        /// <summary>
        /// A string or value member read through a kept local (<see cref="IsKept"/>) whose only writes are assignments to its members and
        /// a record's positional arguments (<c>var request = new Request { Prompt = p }; request.Audit = customer.Ssn;</c>,
        /// <c>new AskRequest(p, customer.Ssn).Prompt</c>): what was given to that member, not everything written into the object. Null where
        /// the object's content must be read whole (a method called on it, a constructor that takes arguments or writes into the object,
        /// a member of a mutable type).
        /// </summary>
        private FlowValue? KeptMemberValue(ISymbol member, IOperation instance, int depth)
        {
            var type = member is IFieldSymbol field ? field.Type : (member as IPropertySymbol)?.Type;
            if (member.IsStatic || type is null || !(type.IsValueType || type.SpecialType == SpecialType.System_String)
                || !(_engine.State.Tracks(member) || IsPositional(member)))
            {
                return null;
            }

            Dictionary<ISymbol, List<IOperation>>? writes;
            switch (Strip(instance))
            {
                case IObjectCreationOperation creation:
                    writes = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);
                    if (!AddCreationWrites(creation, writes))
                    {
                        return null;
                    }

                    break;
                case ILocalReferenceOperation { Local: var local } when IsKept(instance, locals: true):
                    if (!_keptMemberWrites.TryGetValue(local, out writes))
                    {
                        writes = MemberWritesOf(local);
                        _keptMemberWrites[local] = writes;
                    }

                    break;
                default:
                    return null;
            }

            if (writes is null)
            {
                return null;
            }

            // r.Prompt = r.Audit; r.Audit = r.Prompt + x: a member read again while its writes are being read adds nothing new (the
            // join of the rest is the fixed point).
            var value = FlowValue.Bottom;
            if (writes.TryGetValue(member.OriginalDefinition, out var assigned) && _keptMembersReading.Add(assigned))
            {
                try
                {
                    foreach (var written in assigned)
                    {
                        value = FlowValue.Join(value, Eval(written, depth + 1));
                    }
                }
                finally
                {
                    _keptMembersReading.Remove(assigned);
                }
            }

            return value;
        }

        // A record's positional property (record AskRequest(string Prompt, string Audit)): it holds its constructor argument.
        private static bool IsPositional(ISymbol member) =>
            member is IPropertySymbol { ContainingType.IsRecord: true, DeclaringSyntaxReferences.Length: 1 } property
            && property.DeclaringSyntaxReferences[0].GetSyntax() is ParameterSyntax;

        // The values assigned to each member of a kept local's objects, in their initializers and through the local; null if anything
        // else may write into them.
        private Dictionary<ISymbol, List<IOperation>>? MemberWritesOf(ILocalSymbol local)
        {
            var writes = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);
            foreach (var operation in _body.DescendantsAndSelf())
            {
                IOperation? created = null;
                switch (operation)
                {
                    case IVariableDeclaratorOperation declared when SymbolEqualityComparer.Default.Equals(declared.Symbol, local):
                        created = declared.GetVariableInitializer()?.Value;
                        break;
                    case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local):
                        switch (reference.Parent)
                        {
                            case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                                created = assignment.Value;
                                break;
                            case IMemberReferenceOperation member when member.Instance == reference:
                                if (member.Parent is IAssignmentOperation written && written.Target == member)
                                {
                                    Add(writes, member.Member, written.Value);
                                }

                                continue;
                            default:
                                return null;
                        }

                        break;
                    default:
                        continue;
                }

                if (created is not null && (Strip(created) is not IObjectCreationOperation creation || !AddCreationWrites(creation, writes)))
                {
                    return null;
                }
            }

            return writes;
        }

        private static void Add(Dictionary<ISymbol, List<IOperation>> writes, ISymbol member, IOperation value)
        {
            member = member.OriginalDefinition;
            if (!writes.TryGetValue(member, out var values))
            {
                writes[member] = values = new List<IOperation>();
            }

            values.Add(value);
        }

        // What one creation gives each member: a record's positional arguments and the object initializer's assignments. False when the
        // constructor may write anything else into the object.
        private bool AddCreationWrites(IObjectCreationOperation creation, Dictionary<ISymbol, List<IOperation>> writes)
        {
            if (creation.Constructor is not { } constructor)
            {
                return false;
            }

            if (creation.Arguments.Length > 0)
            {
                // A record's primary constructor stores each argument in the positional property of its name, and does nothing else.
                if (!constructor.ContainingType.IsRecord || constructor.DeclaringSyntaxReferences.Length != 1
                    || constructor.DeclaringSyntaxReferences[0].GetSyntax() is not RecordDeclarationSyntax)
                {
                    return false;
                }

                foreach (var argument in creation.Arguments)
                {
                    if (argument.Parameter is not { } parameter)
                    {
                        return false;
                    }

                    foreach (var property in constructor.ContainingType.GetMembers(parameter.Name))
                    {
                        if (IsPositional(property))
                        {
                            Add(writes, property, argument.Value);
                        }
                    }
                }
            }
            else if (_engine.HasBody(constructor) && (_session.Request(constructor) is not { } summary || !summary.EffectOn(0).IsBottom))
            {
                // A constructor that takes nothing may still write into the object (Prompt = Defaults.Text): only one that writes nothing will do.
                return false;
            }

            foreach (var initializer in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
            {
                if (initializer is not ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment)
                {
                    return false;
                }

                Add(writes, target.Member, assignment.Value);
            }

            return true;
        }
    }
}
