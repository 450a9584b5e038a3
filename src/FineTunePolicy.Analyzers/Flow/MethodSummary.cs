using System;
using System.Collections.Immutable;
using System.Linq;
using FineTunePolicy.Analyzers.Classification;
using Microsoft.CodeAnalysis;

namespace FineTunePolicy.Analyzers.Flow
{
    /// <summary>A sink call reached by data, found in one method.</summary>
    internal sealed class SinkUse : IEquatable<SinkUse>
    {
        public SinkUse(string sinkName, LlmPurpose purpose, string provider, Location callLocation)
        {
            SinkName = sinkName;
            Purpose = purpose;
            Provider = provider;
            CallLocation = callLocation;
        }

        /// <summary><c>ChatClient.CompleteChat</c>, or <c>SupportBot.AskAsync → ChatClient.CompleteChat</c> through a wrapper.</summary>
        public string SinkName { get; }

        public LlmPurpose Purpose { get; }

        public string Provider { get; }

        /// <summary>Where the SDK call is (an additional location when reported through a wrapper).</summary>
        public Location CallLocation { get; }

        public SinkUse Through(string wrapperName) => new(wrapperName + " → " + SinkName, Purpose, Provider, CallLocation);

        public bool Equals(SinkUse? other) =>
            other is not null && other.SinkName == SinkName && other.Purpose == Purpose && other.Provider == Provider && other.CallLocation == CallLocation;

        public override bool Equals(object? obj) => Equals(obj as SinkUse);

        public override int GetHashCode() => SinkName.GetHashCode() ^ (int)Purpose;
    }

    /// <summary>Classified data reaching a sink argument inside a method, to be reported there.</summary>
    internal sealed class Finding : IEquatable<Finding>
    {
        public Finding(Location argumentLocation, Taint taint, SinkUse sink, FlowBound bounds)
        {
            ArgumentLocation = argumentLocation;
            Taint = taint;
            Sink = sink;
            Bounds = bounds;
        }

        public Location ArgumentLocation { get; }

        public Taint Taint { get; }

        public SinkUse Sink { get; }

        public FlowBound Bounds { get; }

        public bool Equals(Finding? other) =>
            other is not null && other.ArgumentLocation == ArgumentLocation && other.Taint.Equals(Taint) && other.Sink.Equals(Sink) && other.Bounds == Bounds;

        public override bool Equals(object? obj) => Equals(obj as Finding);

        public override int GetHashCode() => ArgumentLocation.GetHashCode();
    }

    /// <summary>A parameter of a method whose value reaches a sink inside it (so callers' arguments are checked).</summary>
    internal sealed class ParameterSink : IEquatable<ParameterSink>
    {
        public ParameterSink(int index, bool whole, SinkUse sink)
        {
            Index = index;
            Whole = whole;
            Sink = sink;
        }

        /// <summary>0 for <c>this</c>, <c>i + 1</c> for parameter <c>i</c>.</summary>
        public int Index { get; }

        public bool Whole { get; }

        public SinkUse Sink { get; }

        public bool Equals(ParameterSink? other) => other is not null && other.Index == Index && other.Whole == Whole && other.Sink.Equals(Sink);

        public override bool Equals(object? obj) => Equals(obj as ParameterSink);

        public override int GetHashCode() => Index ^ Sink.GetHashCode();
    }

    /// <summary>What a method writes into a field or auto-property of the compilation (<see cref="StateIndex"/>).</summary>
    internal sealed class StateWrite : IEquatable<StateWrite>
    {
        public StateWrite(ISymbol member, FlowValue value, Location location, ISymbol? aliasOf = null)
        {
            Member = member;
            Value = value;
            Location = location;
            AliasOf = aliasOf;
        }

        public ISymbol Member { get; }

        /// <summary>Another member that holds the same data (<c>_writer = new StreamWriter(_buffer)</c>), or null.</summary>
        public ISymbol? AliasOf { get; }

        /// <summary>What is written, with the method's parameter dependencies (resolved through its callers).</summary>
        public FlowValue Value { get; }

        public Location Location { get; }

        public bool Equals(StateWrite? other) =>
            other is not null && SymbolEqualityComparer.Default.Equals(other.Member, Member) && other.Value.Equals(Value) && other.Location == Location
            && SymbolEqualityComparer.Default.Equals(other.AliasOf, AliasOf);

        public override bool Equals(object? obj) => Equals(obj as StateWrite);

        public override int GetHashCode() => Location.GetHashCode();
    }

    /// <summary>What a method writes to a file whose path other methods can name: a member, or a string constant.</summary>
    internal sealed class FileWrite : IEquatable<FileWrite>
    {
        public FileWrite(object path, FlowValue value, Location location)
        {
            Path = path;
            Value = value;
            Location = location;
        }

        /// <summary>The field or property holding the path, or the constant path itself.</summary>
        public object Path { get; }

        public FlowValue Value { get; }

        public Location Location { get; }

        public bool Equals(FileWrite? other) =>
            other is not null && SamePath(other.Path, Path) && other.Value.Equals(Value) && other.Location == Location;

        public override bool Equals(object? obj) => Equals(obj as FileWrite);

        public override int GetHashCode() => Location.GetHashCode();

        public static bool SamePath(object a, object b) =>
            a is ISymbol symbol ? SymbolEqualityComparer.Default.Equals(symbol, b as ISymbol) : Equals(a, b);
    }

    /// <summary>
    /// What a method does with data, computed once per method per compilation and shared by every
    /// caller: what its result carries, what it writes into its parameters' objects, which
    /// parameters reach a sink, and the findings to report in its own body.
    /// </summary>
    internal sealed class MethodSummary : IEquatable<MethodSummary>
    {
        public static readonly MethodSummary Bottom = new(FlowValue.Bottom, ImmutableArray<FlowValue>.Empty, ImmutableArray<ParameterSink>.Empty,
            ImmutableArray<Finding>.Empty, ImmutableArray<SinkUse>.Empty);

        public MethodSummary(FlowValue result, ImmutableArray<FlowValue> effects, ImmutableArray<ParameterSink> parameterSinks,
            ImmutableArray<Finding> findings, ImmutableArray<SinkUse> sinkCalls, ImmutableArray<StateWrite> stateWrites = default,
            ImmutableArray<FileWrite> fileWrites = default)
        {
            Result = result;
            Effects = effects;
            ParameterSinks = parameterSinks;
            Findings = findings;
            SinkCalls = sinkCalls;
            StateWrites = stateWrites.IsDefault ? ImmutableArray<StateWrite>.Empty : stateWrites;
            FileWrites = fileWrites.IsDefault ? ImmutableArray<FileWrite>.Empty : fileWrites;
        }

        public FlowValue Result { get; }

        /// <summary>Index as <see cref="ParameterSink.Index"/>: what the method puts into that object.</summary>
        public ImmutableArray<FlowValue> Effects { get; }

        public ImmutableArray<ParameterSink> ParameterSinks { get; }

        public ImmutableArray<Finding> Findings { get; }

        /// <summary>Every sink call in the body, with its purpose and provider (for FTP0004).</summary>
        public ImmutableArray<SinkUse> SinkCalls { get; }

        /// <summary>What the method writes into fields and auto-properties of the compilation, through any receiver.</summary>
        public ImmutableArray<StateWrite> StateWrites { get; }

        /// <summary>What the method writes to files at paths other methods can name.</summary>
        public ImmutableArray<FileWrite> FileWrites { get; }

        public FlowValue EffectOn(int index) => index < Effects.Length ? Effects[index] : FlowValue.Bottom;

        public bool Equals(MethodSummary? other)
        {
            return other is not null
                && Result.Equals(other.Result)
                && Effects.SequenceEqual(other.Effects, (a, b) => a.Equals(b))
                && ParameterSinks.SequenceEqual(other.ParameterSinks, (a, b) => a.Equals(b))
                && Findings.SequenceEqual(other.Findings, (a, b) => a.Equals(b))
                && StateWrites.SequenceEqual(other.StateWrites, (a, b) => a.Equals(b))
                && FileWrites.SequenceEqual(other.FileWrites, (a, b) => a.Equals(b));
        }

        public override bool Equals(object? obj) => Equals(obj as MethodSummary);

        public override int GetHashCode() => Result.GetHashCode() ^ ParameterSinks.Length ^ (Findings.Length << 8);
    }
}
