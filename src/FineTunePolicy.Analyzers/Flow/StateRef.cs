using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace FineTunePolicy.Analyzers.Flow
{
    /// <summary>What a <see cref="StateRef"/> stands for, resolved by <see cref="StateIndex"/>.</summary>
    internal enum StateRefKind
    {
        /// <summary>A field or auto-property of the compilation's own types: the join of every write to it.</summary>
        Member,

        /// <summary>A primary-constructor parameter captured by a member: the join of what every construction passes.</summary>
        CapturedParameter,

        /// <summary>A file named by a member or a constant path: what the compilation writes to it.</summary>
        File,
    }

    /// <summary>Which writes of a member a read through one object sees (<see cref="StateRefKind.Member"/> only).</summary>
    internal enum StateScope
    {
        /// <summary>Every write in the compilation, whatever the receiver (field-based).</summary>
        Any,

        /// <summary>
        /// Read through <c>this</c>: every write, unless the call that reads it is made on an object created in the caller and kept
        /// there (<see cref="Initial"/>), whose fields hold only what was written into that object (carried by the object itself).
        /// </summary>
        This,

        /// <summary>Read through an object created in the method and kept there: only what the member's initializer writes.</summary>
        Initial,
    }

    /// <summary>
    /// A read of state that a value carries unresolved: what the compilation writes into a member, a captured parameter
    /// or a file. Values carry these instead of the state's content so that the writers are looked for only when a value
    /// that reads the state is observed (reaches a sink, a declassifier, a library's result); most reads never are.
    /// With <see cref="Answer"/>, the value is the answer of an inference call on the client held there.
    /// </summary>
    internal readonly struct StateRef : IEquatable<StateRef>
    {
        private StateRef(object key, StateRefKind kind, bool answer, StateScope scope = StateScope.Any)
        {
            Key = key;
            Kind = kind;
            Answer = answer;
            Scope = scope;
        }

        /// <summary>The member or parameter symbol (original definition), or a constant path's text.</summary>
        public object Key { get; }

        public StateRefKind Kind { get; }

        public bool Answer { get; }

        public StateScope Scope { get; }

        public static StateRef Member(ISymbol member, StateScope scope = StateScope.Any) =>
            new(member.OriginalDefinition, StateRefKind.Member, answer: false, scope);

        public static StateRef CapturedParameter(IParameterSymbol parameter) =>
            new(parameter.OriginalDefinition, StateRefKind.CapturedParameter, answer: false);

        public static StateRef File(object path) => new(path is ISymbol symbol ? symbol.OriginalDefinition : path, StateRefKind.File, answer: false);

        /// <summary>The answer of an inference call made with what the state holds (a client bound to a tuned model).</summary>
        public StateRef AsAnswer() => new(Key, Kind, answer: true, Scope);

        /// <summary>The same read, seen through another object (<see cref="StateScope"/>).</summary>
        public StateRef InScope(StateScope scope) => new(Key, Kind, Answer, scope);

        public bool Equals(StateRef other) =>
            Kind == other.Kind && Answer == other.Answer && Scope == other.Scope
            && (Key is ISymbol symbol ? SymbolEqualityComparer.Default.Equals(symbol, other.Key as ISymbol) : Equals(Key, other.Key));

        public override bool Equals(object? obj) => obj is StateRef other && Equals(other);

        public override int GetHashCode() =>
            (Key is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : Key.GetHashCode()) * 16 + (int)Scope * 8 + (int)Kind * 2
            + (Answer ? 1 : 0);

        /// <summary>The union of two sets of references (few: the state one method's values read).</summary>
        public static ImmutableArray<StateRef> Union(ImmutableArray<StateRef> a, ImmutableArray<StateRef> b)
        {
            if (b.IsDefaultOrEmpty || a == b)
            {
                return a.IsDefault ? ImmutableArray<StateRef>.Empty : a;
            }

            if (a.IsDefaultOrEmpty)
            {
                return b;
            }

            ImmutableArray<StateRef>.Builder? builder = null;
            foreach (var item in b)
            {
                if (!a.Contains(item) && (builder is null || !builder.Contains(item)))
                {
                    builder ??= a.ToBuilder();
                    builder.Add(item);
                }
            }

            return builder is null ? a : builder.ToImmutable();
        }

        /// <summary>Whether two sets hold the same references, whatever their order.</summary>
        public static bool SetEquals(ImmutableArray<StateRef> a, ImmutableArray<StateRef> b)
        {
            var left = a.IsDefault ? ImmutableArray<StateRef>.Empty : a;
            var right = b.IsDefault ? ImmutableArray<StateRef>.Empty : b;
            if (left.Length != right.Length)
            {
                return false;
            }

            foreach (var item in left)
            {
                if (!right.Contains(item))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
