using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FineTunePolicy.Analyzers.Flow
{
    /// <summary>
    /// Writers, streams, buffers and builders (docs/classifying-data.md, "What the analyzer tracks"): a writer and what it wraps carry the
    /// same data, both ways; a call on one changes it; an unseen call that is handed one writes into it.
    /// </summary>
    internal sealed partial class MethodFlow
    {
        // Slots that hold the same data: a writer and the stream, buffer or builder it was created over.
        private readonly Dictionary<ISymbol, List<ISymbol>> _aliases = new(SymbolEqualityComparer.Default);

        // Where a member of the compilation's state was wrapped (or wraps), for StateIndex.
        private readonly Dictionary<ISymbol, IOperation> _wrappedState = new(SymbolEqualityComparer.Default);

        /// <summary>Whether values of <paramref name="type"/> accumulate what is written into them (a writer, stream, buffer or builder).</summary>
        private bool IsDataWriter(ITypeSymbol? type) => _engine.DataWriters.Contains(type);

        /// <summary>
        /// <c>var writer = new StreamWriter(ms)</c>, <c>new Utf8JsonWriter(buffer)</c>, <c>new StringWriter(sb)</c>: the new writer
        /// and what it wraps are aliases from now on (flow-insensitively: for the whole method).
        /// </summary>
        private void AddWrapping(ISymbol? target, IOperation value)
        {
            AddFileOpen(target, value);
            if (target is null || Strip(value) is not IObjectCreationOperation creation || !IsDataWriter(creation.Type))
            {
                return;
            }

            foreach (var argument in creation.Arguments)
            {
                if (IsDataWriter(argument.Value.Type) && ReceiverSlot(argument.Value) is { } wrapped)
                {
                    Alias(target, wrapped);
                    foreach (var slot in new[] { target, wrapped })
                    {
                        if (_engine.State.Tracks(slot))
                        {
                            _wrappedState[slot.OriginalDefinition] = creation;
                        }
                    }
                }
            }
        }

        private void Alias(ISymbol a, ISymbol b)
        {
            a = a.OriginalDefinition;
            b = b.OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(a, b))
            {
                return;
            }

            foreach (var (from, to) in new[] { (a, b), (b, a) })
            {
                EnsureSlot(from);
                if (!_aliases.TryGetValue(from, out var partners))
                {
                    _aliases[from] = partners = new List<ISymbol>();
                }

                partners.Add(to);
            }
        }

        private void EnsureSlot(ISymbol slot)
        {
            if (!_writes.ContainsKey(slot))
            {
                _writes[slot] = new List<Write>();
                _slots.Add(slot);
            }
        }

        /// <summary>What the aliases of <paramref name="slot"/> hold (joined into it at each round of the solver).</summary>
        private FlowValue AliasValue(ISymbol slot)
        {
            var result = FlowValue.Bottom;
            if (_aliases.Count > 0 && _aliases.TryGetValue(slot, out var partners))
            {
                foreach (var partner in partners)
                {
                    result = FlowValue.Join(result, Env(partner));
                }
            }

            return result;
        }

        /// <summary>
        /// Writes into state through an alias (a local writer over a field's stream), and aliases between two members
        /// (<c>_writer = new StreamWriter(_buffer)</c>), which <see cref="StateIndex"/> joins.
        /// </summary>
        private void AddAliasStateWrites(ImmutableArray<StateWrite>.Builder writes)
        {
            foreach (var pair in _wrappedState)
            {
                var location = pair.Value.Syntax.GetLocation();
                var value = AliasValue(pair.Key);
                if (!value.IsBottom)
                {
                    writes.Add(new StateWrite(pair.Key, value, location));
                }

                foreach (var partner in _aliases[pair.Key])
                {
                    if (_wrappedState.ContainsKey(partner))
                    {
                        writes.Add(new StateWrite(pair.Key, FlowValue.Bottom, location, aliasOf: partner));
                    }
                }
            }
        }

        // An unseen call handed a writer (JsonSerializer.Serialize(writer, value), node.WriteTo(writer)) writes into it
        // what its receiver and other arguments carry; stream.CopyTo(target) copies the stream into the target.
        private void CollectWritesIntoArguments(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var receiver = invocation.Instance;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref || !IsDataWriter(argument.Value.Type))
                {
                    continue;
                }

                if (method.Name is "CopyTo" or "CopyToAsync" && receiver is not null)
                {
                    AddWrite(ReceiverSlot(argument.Value), receiver, WriteKind.Value, mutates: true);
                    AddStateWrite(argument.Value, receiver, WriteKind.Value);
                }
                else if (!(receiver is not null && IsDataWriter(receiver.Type)))
                {
                    AddWrite(ReceiverSlot(argument.Value), invocation, WriteKind.Handed, mutates: true);
                    AddStateWrite(argument.Value, invocation, WriteKind.Handed);
                }
            }
        }
    }
}
