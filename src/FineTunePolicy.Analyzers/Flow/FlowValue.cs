using System;
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
    /// (<c>c.Name</c> depends on the content of <c>c</c>, never on <c>c</c> as a whole).
    /// </summary>
    internal readonly struct FlowValue : IEquatable<FlowValue>
    {
        public static readonly FlowValue Bottom = default;

        public FlowValue(Taint fixedTaint, ulong deps, ulong wholeDeps, FlowBound bounds, ulong contentDeps = 0)
        {
            Fixed = fixedTaint;
            Deps = deps;
            WholeDeps = wholeDeps;
            ContentDeps = contentDeps;
            Bounds = bounds;
        }

        public Taint Fixed { get; }

        public ulong Deps { get; }

        public ulong WholeDeps { get; }

        public ulong ContentDeps { get; }

        /// <summary>Every parameter the value depends on, in any way.</summary>
        public ulong AllDeps => Deps | WholeDeps | ContentDeps;

        public FlowBound Bounds { get; }

        public bool IsBottom => Fixed.IsNone && Fixed.Sources.IsEmpty && Deps == 0 && WholeDeps == 0 && ContentDeps == 0 && Bounds == FlowBound.None;

        public static FlowValue Of(Taint taint) => new(taint, 0, 0, FlowBound.None);

        public static FlowValue Parameter(int index) => new(Taint.None, Bit(index), 0, FlowBound.None);

        public static FlowValue Cut(FlowBound bound) => new(Taint.None, 0, 0, bound);

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

            return new FlowValue(Taint.Join(a.Fixed, b.Fixed), a.Deps | b.Deps, a.WholeDeps | b.WholeDeps, a.Bounds | b.Bounds, a.ContentDeps | b.ContentDeps);
        }

        public FlowValue Join(Taint taint) => Join(this, Of(taint));

        /// <summary>The value used as a whole: parameters it depends on are now whole dependencies.</summary>
        public FlowValue AsWhole() => Deps == 0 ? this : new FlowValue(Fixed, 0, WholeDeps | Deps, Bounds, ContentDeps);

        /// <summary>A member of the value: only what was put into the parameters' objects, never their whole class.</summary>
        public FlowValue AsContent() => (Deps | WholeDeps) == 0 ? this : new FlowValue(Fixed, 0, 0, Bounds, AllDeps);

        public bool Equals(FlowValue other) =>
            Deps == other.Deps && WholeDeps == other.WholeDeps && ContentDeps == other.ContentDeps && Bounds == other.Bounds && Fixed.Equals(other.Fixed);

        public override bool Equals(object? obj) => obj is FlowValue other && Equals(other);

        public override int GetHashCode() =>
            Fixed.GetHashCode() ^ Deps.GetHashCode() ^ (WholeDeps.GetHashCode() * 31) ^ (ContentDeps.GetHashCode() * 17) ^ (int)Bounds;
    }
}
