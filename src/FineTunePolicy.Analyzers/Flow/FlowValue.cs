using System;
using System.Collections.Immutable;
using System.Linq;
using FineTunePolicy.Analyzers.Classification;

namespace FineTunePolicy.Analyzers.Flow
{
    /// <summary>Which bound cut an analysis short (reported by FTP0007).</summary>
    [Flags]
    internal enum FlowBound
    {
        None = 0,
        ExpressionDepth = 1,
        CallDepth = 2,
        Iterations = 4,
    }

    /// <summary>
    /// The value of an expression in the flow analysis of one method: what it carries for sure
    /// (<see cref="Fixed"/>), plus what it carries from the method's parameters, resolved at each
    /// call site. Bit 0 is <c>this</c>, bit <c>i + 1</c> is parameter <c>i</c>. A parameter in
    /// <see cref="Deps"/> passes on what was put into the argument; in <see cref="WholeDeps"/> the
    /// argument was used as a whole (sent, serialised, printed), so its type's class counts too;
    /// in <see cref="ContentDeps"/> only what was put into the argument's members counts
    /// (<c>c.Name</c> depends on the content of <c>c</c>, never on <c>c</c> as a whole). A parameter in
    /// <see cref="AnswerDeps"/> is a client the method asks: the value is the answer of an inference call on it, which
    /// carries the training class of the tuned model the caller's client is bound to (<see cref="Taint.Answers"/>).
    /// The state it reads (<see cref="State"/>) is carried unresolved, like the parameters, and resolved only where the value is
    /// observed (<see cref="StateIndex.Resolve"/>).
    /// </summary>
    internal readonly struct FlowValue : IEquatable<FlowValue>
    {
        public static readonly FlowValue Bottom = default;

        public FlowValue(
            Taint fixedTaint, ulong deps, ulong wholeDeps, FlowBound bounds, ulong contentDeps = 0, ulong answerDeps = 0,
            ImmutableArray<StateRef> state = default)
        {
            Fixed = fixedTaint;
            _state = state;
            Deps = deps;
            WholeDeps = wholeDeps;
            ContentDeps = contentDeps;
            AnswerDeps = answerDeps;
            Bounds = bounds;
        }

        private readonly ImmutableArray<StateRef> _state;

        public Taint Fixed { get; }

        /// <summary>The state the value reads, whose content is added when the value is observed.</summary>
        public ImmutableArray<StateRef> State => _state.IsDefault ? ImmutableArray<StateRef>.Empty : _state;

        public ulong Deps { get; }

        public ulong WholeDeps { get; }

        public ulong ContentDeps { get; }

        /// <summary>The parameters whose answers the value is (clients the method asks; not data it sends).</summary>
        public ulong AnswerDeps { get; }

        /// <summary>Every parameter whose data the value carries (not <see cref="AnswerDeps"/>: a client is not data).</summary>
        public ulong AllDeps => Deps | WholeDeps | ContentDeps;

        public FlowBound Bounds { get; }

        public bool IsBottom => Fixed.IsNone && Fixed.Sources.IsEmpty && Deps == 0 && WholeDeps == 0 && ContentDeps == 0 && AnswerDeps == 0
            && Bounds == FlowBound.None && _state.IsDefaultOrEmpty;

        public static FlowValue Of(Taint taint) => new(taint, 0, 0, FlowBound.None);

        public static FlowValue Parameter(int index) => new(Taint.None, Bit(index), 0, FlowBound.None);

        public static FlowValue Cut(FlowBound bound) => new(Taint.None, 0, 0, bound);

        public static FlowValue Reading(StateRef state) => new(Taint.None, 0, 0, FlowBound.None, state: ImmutableArray.Create(state));

        public static ulong Bit(int index) => 1UL << Math.Min(index, 63);

        public static FlowValue Join(FlowValue a, FlowValue b)
        {
            if (b.IsBottom)
            {
                return a;
            }

            if (a.IsBottom)
            {
                return b;
            }

            return new FlowValue(
                Taint.Join(a.Fixed, b.Fixed),
                a.Deps | b.Deps,
                a.WholeDeps | b.WholeDeps,
                a.Bounds | b.Bounds,
                a.ContentDeps | b.ContentDeps,
                a.AnswerDeps | b.AnswerDeps,
                StateRef.Union(a._state, b._state));
        }

        public FlowValue Join(Taint taint) => Join(this, Of(taint));

        /// <summary>The value used as a whole: parameters it depends on are now whole dependencies.</summary>
        public FlowValue AsWhole() => Deps == 0 ? this : new FlowValue(Fixed, 0, WholeDeps | Deps, Bounds, ContentDeps, AnswerDeps, _state);

        /// <summary>A member of the value: only what was put into the parameters' objects, never their whole class.</summary>
        public FlowValue AsContent() => (Deps | WholeDeps) == 0 ? this : new FlowValue(Fixed, 0, 0, Bounds, AllDeps, AnswerDeps, _state);

        /// <summary>
        /// The value seen by a caller of the method it comes from: its reads through <c>this</c> become reads through the call's receiver
        /// (<paramref name="receiver"/>: <see cref="StateScope.This"/> for the caller's own object, <see cref="StateScope.Initial"/>
        /// for an object the caller created and kept, <see cref="StateScope.Any"/> for any other).
        /// </summary>
        public FlowValue ThroughReceiver(StateScope receiver)
        {
            if (receiver == StateScope.This || _state.IsDefaultOrEmpty || !_state.Any(static state => state.Scope == StateScope.This))
            {
                return this;
            }

            var state = ImmutableArray<StateRef>.Empty;
            foreach (var read in _state)
            {
                state = StateRef.Union(state, ImmutableArray.Create(read.Scope == StateScope.This ? read.InScope(receiver) : read));
            }

            return new FlowValue(Fixed, Deps, WholeDeps, Bounds, ContentDeps, AnswerDeps, state);
        }

        /// <summary>What the value carries for sure and the state it reads, without its parameters (a callee's, replaced at the call).</summary>
        public FlowValue WithoutParameters() => new(Fixed, 0, 0, Bounds, state: _state);

        /// <summary>
        /// The answer of an inference call made with this value as client, request or options: the training class of the tuned
        /// models it is bound to, and the answers of the parameters it depends on; nothing of its data.
        /// </summary>
        public FlowValue Answer() => new(Fixed.Answers(), 0, 0, Bounds, 0, AllDeps, AnswersOfState());

        // A client held in state answers with what the state's bindings answer; an answer held there is no client.
        private ImmutableArray<StateRef> AnswersOfState()
        {
            if (_state.IsDefaultOrEmpty)
            {
                return _state;
            }

            var answers = ImmutableArray.CreateBuilder<StateRef>(_state.Length);
            foreach (var state in _state)
            {
                if (!state.Answer)
                {
                    answers.Add(state.AsAnswer());
                }
            }

            return answers.ToImmutable();
        }

        public bool Equals(FlowValue other) =>
            Deps == other.Deps && WholeDeps == other.WholeDeps && ContentDeps == other.ContentDeps && AnswerDeps == other.AnswerDeps && Bounds == other.Bounds
            && Fixed.Equals(other.Fixed) && StateRef.SetEquals(_state, other._state);

        public override bool Equals(object? obj) => obj is FlowValue other && Equals(other);

        public override int GetHashCode() =>
            Fixed.GetHashCode() ^ Deps.GetHashCode() ^ (WholeDeps.GetHashCode() * 31) ^ (ContentDeps.GetHashCode() * 17) ^ (AnswerDeps.GetHashCode() * 13)
            ^ (int)Bounds ^ (State.Length << 20);
    }
}
