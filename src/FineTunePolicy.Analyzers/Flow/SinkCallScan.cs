using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using FineTunePolicy.Analyzers.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FineTunePolicy.Analyzers.Flow
{
    /// <summary>
    /// The sink calls of one body, with their purposes and providers, found without the flow engine: where no value can
    /// be classified but a manifest asks which providers are called (FTP0004). Only bodies that name a sink method are
    /// bound (<see cref="SinkReach.Direct"/>); no summary is computed and no callee is followed.
    /// </summary>
    internal sealed class SinkCallScan
    {
        private readonly Compilation _compilation;
        private readonly SinkMatcher _sinks;
        private readonly SinkReach _reach;

        public SinkCallScan(Compilation compilation, SinkMatcher sinks, SinkReach reach)
        {
            _compilation = compilation;
            _sinks = sinks;
            _reach = reach;
        }

        /// <summary>The sink calls in the body <paramref name="codeBlock"/> holds, as the engine's summary lists them.</summary>
        public ImmutableArray<SinkUse> SinkCalls(ISymbol owner, SyntaxNode codeBlock, SemanticModel model, CancellationToken cancellationToken)
        {
            if (MethodBodies.OwnerOf(owner) is not { } method || !_reach.MayReachSink(codeBlock)
                || MethodBodies.Definition(method, _compilation) is not { } definition
                || MethodBodies.BodyNode(definition) is not { } node || node.SyntaxTree != codeBlock.SyntaxTree || !codeBlock.Span.Contains(node.Span)
                || model.GetOperation(node, cancellationToken) is not { } body)
            {
                return ImmutableArray<SinkUse>.Empty;
            }

            var locals = new LocalClientWrites(_compilation);
            var calls = new List<(IInvocationOperation Call, ImmutableArray<SinkMatch> Matches)>();
            var pending = new Stack<IOperation>();
            pending.Push(body);
            var visited = 0;
            while (pending.Count > 0)
            {
                if ((++visited & 0xFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var operation = pending.Pop();
                locals.Collect(operation, _sinks);
                if (operation is IInvocationOperation invocation && invocation.TargetMethod.MethodKind != MethodKind.LocalFunction
                    && _sinks.Match(invocation.TargetMethod) is { IsEmpty: false } matches)
                {
                    calls.Add((invocation, matches));
                }

                foreach (var child in operation.ChildOperations)
                {
                    pending.Push(child);
                }
            }

            var uses = ImmutableArray.CreateBuilder<SinkUse>();
            foreach (var (call, matches) in calls)
            {
                foreach (var match in matches)
                {
                    uses.Add(new SinkUse(match.Name, match.PurposeOf(call), ProviderAttribution.ProviderFor(match, call, locals.Of),
                        call.Syntax.GetLocation()));
                }
            }

            return uses.ToImmutable();
        }

        /// <summary>
        /// Which object made a client held in a local, as the flow engine's writes tell it: values declared or assigned
        /// (a pattern's input too); a local written otherwise (an element of a collection, an <c>out</c> or <c>ref</c>
        /// argument, a deconstruction, a call that may change it) has no single origin.
        /// </summary>
        private sealed class LocalClientWrites
        {
            private readonly Compilation _compilation;
            private readonly Dictionary<ILocalSymbol, List<IOperation?>> _writes = new(SymbolEqualityComparer.Default);

            public LocalClientWrites(Compilation compilation)
            {
                _compilation = compilation;
            }

            public IEnumerable<IOperation?>? Of(ILocalSymbol local) => _writes.TryGetValue(local, out var writes) ? writes : null;

            public void Collect(IOperation operation, SinkMatcher sinks)
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                        Add(declarator.Symbol, initializer.Value);
                        break;
                    case IAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                        Add(target.Local, operation is IDeconstructionAssignmentOperation ? null : assignment.Value);
                        break;
                    case IDeconstructionAssignmentOperation deconstruction:
                        foreach (var target in deconstruction.Target.Descendants())
                        {
                            if (target is ILocalReferenceOperation local)
                            {
                                Add(local.Local, null);
                            }
                        }

                        break;
                    case IForEachLoopOperation loop:
                        foreach (var local in loop.Locals)
                        {
                            Add(local, null);
                        }

                        break;
                    case IIsPatternOperation isPattern:
                        AddPattern(isPattern.Pattern, isPattern.Value);
                        break;
                    case ISwitchExpressionOperation switchExpression:
                        foreach (var arm in switchExpression.Arms)
                        {
                            AddPattern(arm.Pattern, switchExpression.Value);
                        }

                        break;
                    case IPatternCaseClauseOperation clause when clause.Parent?.Parent is ISwitchOperation switchStatement:
                        AddPattern(clause.Pattern, switchStatement.Value);
                        break;
                    case IInvocationOperation invocation when invocation.TargetMethod.MethodKind != MethodKind.LocalFunction:
                        AddCall(invocation, sinks);
                        break;
                }
            }

            // A call may change the locals it is given: a method of this compilation through its body, any other through
            // out and ref arguments, or its receiver when it looks like a mutator (void, bool, or returning the receiver).
            private void AddCall(IInvocationOperation invocation, SinkMatcher sinks)
            {
                var method = invocation.TargetMethod;
                var hasBody = MethodBodies.Definition(method, _compilation) is { } definition && MethodBodies.BodyNode(definition) is not null;
                if (hasBody)
                {
                    Changes(invocation.Instance);
                    foreach (var argument in invocation.Arguments)
                    {
                        Changes(argument.Value);
                    }

                    return;
                }

                if (!sinks.Match(method).IsEmpty)
                {
                    return;
                }

                var receiver = invocation.Instance ?? (method.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                if (receiver is not null && invocation.Arguments.Length > (invocation.Instance is null ? 1 : 0)
                    && (method.ReturnsVoid || method.ReturnType.SpecialType == SpecialType.System_Boolean
                        || SymbolEqualityComparer.Default.Equals(method.ReturnType, receiver.Type)))
                {
                    Changes(receiver);
                }

                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref)
                    {
                        Changes(argument.Value);
                    }
                }
            }

            private void Changes(IOperation? operation)
            {
                while (operation is IConversionOperation conversion)
                {
                    operation = conversion.Operand;
                }

                if (operation is IDeclarationExpressionOperation declaration)
                {
                    Changes(declaration.Expression);
                }
                else if (operation is ILocalReferenceOperation local)
                {
                    Add(local.Local, null);
                }
            }

            private void AddPattern(IOperation pattern, IOperation value)
            {
                foreach (var current in pattern.DescendantsAndSelf())
                {
                    var declared = current switch
                    {
                        IDeclarationPatternOperation declaration => declaration.DeclaredSymbol,
                        IRecursivePatternOperation recursive => recursive.DeclaredSymbol,
                        IListPatternOperation list => list.DeclaredSymbol,
                        _ => null,
                    };

                    if (declared is ILocalSymbol local)
                    {
                        Add(local, value);
                    }
                }
            }

            private void Add(ILocalSymbol local, IOperation? value)
            {
                if (!_writes.TryGetValue(local, out var list))
                {
                    _writes[local] = list = new List<IOperation?>();
                }

                list.Add(value);
            }
        }
    }
}
