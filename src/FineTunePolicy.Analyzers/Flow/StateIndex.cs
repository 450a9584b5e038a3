using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using FineTunePolicy.Analyzers.Classification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FineTunePolicy.Analyzers.Flow
{
    /// <summary>
    /// What the state of the compilation's own types carries (docs/classifying-data.md, "State: fields, properties and
    /// captured parameters"), field-based: the value of a field or auto-property is the join of every write to it in the compilation, whatever the receiver; a
    /// write of a writer method's parameter is resolved through that method's call sites (the callers' arguments),
    /// and a captured primary-constructor parameter is the join of the arguments of every construction.
    /// </summary>
    /// <remarks>
    /// A read of state is carried by the value unresolved (<see cref="StateRef"/>) and resolved here only where the value is
    /// observed (<see cref="Resolve"/>: a sink, a declassifier, a library's result), per member, and cached per compilation.
    /// Writers are found cheaply: the member's name in text, kept where the syntax writes it (an assignment's target, a call
    /// on it that passes a value, a <c>ref</c>), within the containing type for a private member, in the files that reach
    /// the member's type; only those bodies are bound, through their summaries. The writers need no analysis of their own.
    /// </remarks>
    internal sealed class StateIndex
    {
        /// <summary>How many callers deep a written parameter is resolved; beyond, it carries its declared class.</summary>
        private const int MaxCallerDepth = 4;

        private static readonly ConditionalWeakTable<SyntaxTree, string> Texts = new();

        private readonly FlowEngine _engine;
        private readonly SharedCache<ISymbol, bool> _tracked = new(SymbolEqualityComparer.Default);
        private readonly SharedCache<ISymbol, FlowValue> _values = new(SymbolEqualityComparer.Default);
        private readonly SharedCache<IParameterSymbol, FlowValue> _parameters = new(SymbolEqualityComparer.Default);
        private readonly SharedCache<IParameterSymbol, FlowValue> _captured = new(SymbolEqualityComparer.Default);
        private readonly SharedCache<ISymbol, List<IMethodSymbol>> _writers = new(SymbolEqualityComparer.Default);
        private readonly SharedCache<object, FlowValue> _files = new(PathComparer.Instance);
        private readonly SharedCache<IMethodSymbol, List<IMethodSymbol>> _callers = new(SymbolEqualityComparer.Default);
        private readonly SharedCache<(SyntaxKind, string, System.Func<SyntaxToken, bool>), Sites> _occurrences = new();
        private readonly SharedCache<string, TypeReach> _reaching = new(System.StringComparer.Ordinal);
        private readonly SharedCache<int, List<SyntaxTree>> _treesByWord = new();
        private SyntaxTree[]? _allTrees;
        private (SyntaxTree Tree, TreeNames Names)[]? _treesWithNames;
        private WordIndex? _wordIndex;
        private Dictionary<SyntaxTree, int>? _positions;
        private int _wordsScanned;
        private int _treesSearched;
        private int _occurrencesLocated;
        private int _treesLookedAt;
        private int _namesBound;

        public StateIndex(FlowEngine engine)
        {
            _engine = engine;
        }

        /// <summary>How many trees the searches for writers and callers looked at (a regression measure of work, not time).</summary>
        public int TreesLookedAt => Volatile.Read(ref _treesLookedAt);

        /// <summary>How many trees' texts were searched for a name (a regression measure of work, not time).</summary>
        public int TreesSearched => Volatile.Read(ref _treesSearched);

        /// <summary>How many occurrences of a name were located in their trees (a regression measure of work, not time).</summary>
        public int OccurrencesLocated => Volatile.Read(ref _occurrencesLocated);

        /// <summary>How many occurrences of a name were bound to check that they stand for the member.</summary>
        public int NamesBound => Volatile.Read(ref _namesBound);

        /// <summary>How many words were looked up in every tree's words, and for how many types the trees that reach them were read
        /// (work counts for the benchmarks).</summary>
        public (int Words, int Reaching) Lookups => (_treesByWord.Count, _reaching.Count);

        /// <summary>Whether reading <paramref name="member"/> carries what the compilation writes into it.</summary>
        public bool Tracks(ISymbol member)
        {
            return _tracked.GetOrAdd(member.OriginalDefinition, static (m, self) => self.ComputeTracks(m), this);
        }

        /// <summary>
        /// The join of every write to <paramref name="member"/>, each source marked as stored in it; members that wrap one
        /// another (<c>_writer = new StreamWriter(_buffer)</c>) share one value.
        /// </summary>
        private FlowValue ValueOf(ISymbol member, FlowEngine.Session session)
        {
            member = member.OriginalDefinition;
            if (_values.TryGetValue(member, out var known) || session.StateValues.TryGetValue(member, out known))
            {
                return known;
            }

            if (!session.StateInProgress.Add(member))
            {
                // A cycle through state (a field written from itself, or from a reader being analysed).
                session.StateCycle();
                return FlowValue.Bottom;
            }

            var before = session.Approximations;
            var value = FlowValue.Bottom;
            var group = new List<ISymbol> { member };
            try
            {
                for (var i = 0; i < group.Count; i++)
                {
                    if (i > 0 && !session.StateInProgress.Add(group[i]))
                    {
                        continue;
                    }

                    value = FlowValue.Join(value, WritesOf(group[i], group, session));
                }
            }
            finally
            {
                foreach (var grouped in group)
                {
                    session.StateInProgress.Remove(grouped);
                }
            }

            // A value computed from an approximation (a cycle, a method still being analysed) holds for this request only.
            foreach (var grouped in group)
            {
                if (session.Approximations == before)
                {
                    _values.TryAdd(grouped, value);
                }
                else
                {
                    session.StateValues[grouped] = value;
                }
            }

            return value;
        }

        private FlowValue WritesOf(ISymbol member, List<ISymbol> group, FlowEngine.Session session)
        {
            var value = FlowValue.Bottom;
            var name = "'" + SymbolNames.Short(member) + "'";
            foreach (var writer in Writers(member, session))
            {
                if (session.Request(writer) is not { } summary)
                {
                    continue;
                }

                foreach (var write in summary.StateWrites)
                {
                    if (!SymbolEqualityComparer.Default.Equals(write.Member, member))
                    {
                        continue;
                    }

                    if (write.AliasOf is { } partner)
                    {
                        if (!group.Contains(partner, SymbolEqualityComparer.Default))
                        {
                            group.Add(partner);
                        }

                        continue;
                    }

                    var written = ResolveParameters(write.Value, writer, session, 0);
                    value = FlowValue.Join(value, FlowValue.Of(written.Fixed.StoredIn(name, write.Location)));
                }
            }

            return FlowValue.Join(value, InitialValue(member, session));
        }

        /// <summary>
        /// What <paramref name="member"/>'s initializer writes: all that a read sees through an object created in the method and kept there
        /// (<see cref="StateScope.Initial"/>), whose other writes travel with the object.
        /// </summary>
        private FlowValue InitialValue(ISymbol member, FlowEngine.Session session)
        {
            member = member.OriginalDefinition;
            var value = FlowValue.Bottom;
            foreach (var (initializer, context) in Initializers(member, session))
            {
                var written = ResolveParameters(MethodFlow.Evaluate(session, context, initializer), context, session, 0);
                value = FlowValue.Join(value, FlowValue.Of(written.Fixed.StoredIn("'" + SymbolNames.Short(member) + "'", initializer.Syntax.GetLocation())));
            }

            return value;
        }

        /// <summary>
        /// What the compilation writes to the file at <paramref name="path"/>: a field or property holding the path, or a
        /// constant path. The writers are the methods that name the member (or spell the constant).
        /// </summary>
        private FlowValue FileContent(object path, FlowEngine.Session session)
        {
            if (_files.TryGetValue(path, out var known) || session.FileValues.TryGetValue(path, out known))
            {
                return known;
            }

            if (!session.FilesInProgress.Add(path))
            {
                session.StateCycle();
                return FlowValue.Bottom;
            }

            var before = session.Approximations;
            var value = FlowValue.Bottom;
            try
            {
                var (name, via, writers) = path is ISymbol member
                    ? (member.Name, "the file at '" + SymbolNames.Short(member) + "'", FindMethods(member, member.Name, static _ => true, session))
                    : ((string)path, "the file '" + (string)path + "'",
                        FindMethods(null, (string)path, static _ => true, session, SyntaxKind.StringLiteralToken));
                foreach (var writer in writers)
                {
                    if (session.Request(writer) is not { } summary)
                    {
                        continue;
                    }

                    foreach (var write in summary.FileWrites)
                    {
                        if (FileWrite.SamePath(write.Path, path))
                        {
                            var written = ResolveParameters(write.Value, writer, session, 0);
                            value = FlowValue.Join(value, FlowValue.Of(written.Fixed.StoredIn(via, write.Location)));
                        }
                    }
                }
            }
            finally
            {
                session.FilesInProgress.Remove(path);
            }

            if (session.Approximations == before)
            {
                _files.TryAdd(path, value);
            }
            else
            {
                session.FileValues[path] = value;
            }

            return value;
        }

        /// <summary>Compares paths: members by symbol, constants by text.</summary>
        internal sealed class PathComparer : IEqualityComparer<object>
        {
            public static readonly PathComparer Instance = new();

            public new bool Equals(object? x, object? y) => x is not null && y is not null && FileWrite.SamePath(x, y);

            public int GetHashCode(object obj) => obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : obj.GetHashCode();
        }

        /// <summary>
        /// What the compilation passes as <paramref name="parameter"/>: the join of the arguments at every call site. A primary-constructor
        /// parameter that members read (<paramref name="captured"/>) is state of the object: each construction's argument is then marked
        /// as stored in it, at that argument, for the message's path and its additional location.
        /// </summary>
        private FlowValue ParameterValue(IParameterSymbol parameter, FlowEngine.Session session, int depth = 0, bool captured = false)
        {
            parameter = parameter.OriginalDefinition;
            var declared = _engine.Classification.Explicit(parameter) is { } own ? FlowValue.Of(own) : FlowValue.Bottom;
            if (depth >= MaxCallerDepth || parameter.ContainingSymbol is not IMethodSymbol method)
            {
                return declared;
            }

            var (cache, sessionCache) = captured ? (_captured, session.CapturedValues) : (_parameters, session.ParameterValues);
            if (cache.TryGetValue(parameter, out var known) || sessionCache.TryGetValue(parameter, out known))
            {
                return known;
            }

            if (!session.StateInProgress.Add(parameter))
            {
                session.StateCycle();
                return declared;
            }

            var before = session.Approximations;
            var value = declared;
            try
            {
                foreach (var caller in Callers(method, session))
                {
                    foreach (var body in CallingCode(caller, session))
                    {
                        var arguments = MethodFlow.ArgumentsTo(session, caller, body, method);
                        if (parameter.Ordinal < arguments.Length)
                        {
                            var (argument, at) = arguments[parameter.Ordinal];
                            var passed = ResolveParameters(argument, caller, session, depth + 1);
                            value = FlowValue.Join(value, captured
                                ? FlowValue.Of(passed.Fixed.StoredIn("the captured parameter '" + SymbolNames.Short(parameter) + "'", at))
                                : passed);
                        }
                    }
                }
            }
            finally
            {
                session.StateInProgress.Remove(parameter);
            }

            if (session.Approximations == before)
            {
                cache.TryAdd(parameter, value);
            }
            else
            {
                sessionCache[parameter] = value;
            }

            return value;
        }

        /// <summary>
        /// The value with the content of the state it reads (<see cref="FlowValue.State"/>) added: the writers of each member, the
        /// constructions that pass a captured parameter, the writes of a file, looked for now and cached for the compilation.
        /// </summary>
        public FlowValue Resolve(FlowValue value, FlowEngine.Session session)
        {
            if (value.State.IsEmpty)
            {
                return value;
            }

            var result = new FlowValue(value.Fixed, value.Deps, value.WholeDeps, value.Bounds, value.ContentDeps, value.AnswerDeps);
            foreach (var state in value.State)
            {
                var content = state.Kind switch
                {
                    StateRefKind.Member => state.Scope == StateScope.Initial ? InitialValue((ISymbol)state.Key, session) : ValueOf((ISymbol)state.Key, session),
                    StateRefKind.CapturedParameter => ParameterValue((IParameterSymbol)state.Key, session, captured: true),
                    _ => FileContent(state.Key, session),
                };

                result = result.Join(state.Answer ? content.Fixed.Answers() : content.Fixed);
            }

            return result;
        }

        /// <summary>Replaces a value's dependencies on <paramref name="method"/>'s parameters by what its callers pass, and resolves its state.</summary>
        private FlowValue ResolveParameters(FlowValue value, IMethodSymbol method, FlowEngine.Session session, int depth)
        {
            var result = Resolve(new FlowValue(value.Fixed, 0, 0, FlowBound.None, state: value.State), session);
            var dependencies = value.AllDeps | value.AnswerDeps;
            for (var index = 1; dependencies != 0 && index < 64 && index <= method.Parameters.Length; index++)
            {
                var bit = FlowValue.Bit(index);
                if ((dependencies & bit) == 0)
                {
                    continue;
                }

                var parameter = method.Parameters[index - 1];
                var passed = ParameterValue(parameter, session, depth);
                if ((value.AnswerDeps & bit) != 0)
                {
                    // An answer of the client the writer was given, stored: the answer of what its callers pass.
                    result = FlowValue.Join(result, passed.Answer());
                }

                if ((value.AllDeps & bit) == 0)
                {
                    continue;
                }

                if ((value.WholeDeps & bit) != 0)
                {
                    passed = passed.Join(_engine.Classification.Whole(parameter.Type));
                }

                result = FlowValue.Join(result, passed);
            }

            return result;
        }

        [MethodImpl(HotPath.Optimized)]
        private bool ComputeTracks(ISymbol member)
        {
            if (member.IsImplicitlyDeclared || member.DeclaringSyntaxReferences.IsEmpty
                || !SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, _engine.Compilation.Assembly)
                || member.ContainingType is not { TypeKind: TypeKind.Class or TypeKind.Struct } || _engine.Classification.Explicit(member) is not null)
            {
                return false;
            }

            switch (member)
            {
                case IFieldSymbol field:
                    return !field.IsConst && field.Type.SpecialType != SpecialType.System_Boolean;
                case IPropertySymbol property:
                    return !property.IsIndexer && !property.IsAbstract && property.Type.SpecialType != SpecialType.System_Boolean
                        && property.GetMethod is { } getter && !_engine.HasBody(getter)
                        && property.DeclaringSyntaxReferences[0].GetSyntax() is PropertyDeclarationSyntax { AccessorList: { } accessors }
                        && accessors.Accessors.All(static accessor => accessor.Body is null && accessor.ExpressionBody is null);
                default:
                    return false;
            }
        }

        // The methods whose text writes the member's name: an assignment's target, a call or member on it, a ref.
        private List<IMethodSymbol> Writers(ISymbol member, FlowEngine.Session session)
        {
            // Calls on a string or a value (Trim, ToString) cannot change it: only assignments write those.
            var type = member is IFieldSymbol field ? field.Type : ((IPropertySymbol)member).Type;
            var mutable = type.IsReferenceType && type.SpecialType != SpecialType.System_String;
            return _writers.GetOrAdd(member, static (m, state) =>
                state.Self.FindMethods(m, m.Name, state.Mutable ? IsMutableWritePosition : ValueWrite, state.Session),
                (Self: this, Session: session, Mutable: mutable));
        }

        private List<IMethodSymbol> Callers(IMethodSymbol method, FlowEngine.Session session)
        {
            return _callers.GetOrAdd(method, static (m, state) => state.Self.FindCallers(m, state.Session), (Self: this, Session: session));
        }

        private List<IMethodSymbol> FindCallers(IMethodSymbol method, FlowEngine.Session session)
        {
            switch (method)
            {
                case { MethodKind: MethodKind.Constructor }:
                    // new T(...), a base list or a constructor initializer; and T x = new(...), in the files that name T.
                    var callers = FindMethods(method, method.ContainingType.Name, IsConstructionName, session);
                    foreach (var caller in FindMethods(method, "new", IsTargetTypedCreation, session, SyntaxKind.NewKeyword))
                    {
                        if (!callers.Contains(caller, SymbolEqualityComparer.Default))
                        {
                            callers.Add(caller);
                        }
                    }

                    return callers;
                case { AssociatedSymbol: IPropertySymbol { IsIndexer: true } }:
                    // slots[key] = value: the element accesses written in the files that name the indexer's type.
                    return FindMethods(method, "[", ValueWrite, session, SyntaxKind.OpenBracketToken);
                case { AssociatedSymbol: { } property }:
                    return FindMethods(method, property.Name, ValueWrite, session);
                default:
                    return FindMethods(method, method.Name, IsCallName, session);
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private List<IMethodSymbol> FindMethods(
            ISymbol? member, string name, System.Func<SyntaxToken, bool> accept, FlowEngine.Session session, SyntaxKind kind = SyntaxKind.IdentifierToken)
        {
            var found = new List<IMethodSymbol>();
            var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var regions = PrivateRegions(member);

            // A file that names neither the member's type nor a member of that type (a factory, a property) rarely reaches the
            // member by name: binding names there is skipped. A private member is looked for only where its type is declared,
            // which spells the type's name: there the question answers itself, and the type's reaching trees are not read.
            var reachedType = regions is null && member?.ContainingType is { } type && type.Name != name ? type : null;
            var searched = NameHash.Of(name);
            var sites = _occurrences.GetOrAdd((kind, name, accept), static _ => new Sites());
            Interlocked.Increment(ref sites.Searches);
            var (candidates, reaching) = Candidates(sites, name, kind, accept, searched, regions?.Keys, reachedType, session);
            foreach (var tree in candidates)
            {
                Interlocked.Increment(ref _treesLookedAt);
                List<Microsoft.CodeAnalysis.Text.TextSpan>? spans = null;
                if (regions is not null && !regions.TryGetValue(tree, out spans) || reaching is not null && !reaching.Contains(tree, searched)
                    || Occurrences(sites, tree, name, kind, accept, session) is not { } tokens)
                {
                    continue;
                }

                foreach (var token in tokens)
                {
                    session.CancellationToken.ThrowIfCancellationRequested();
                    if (spans is not null && !spans.Exists(span => span.Contains(token.SpanStart)))
                    {
                        continue;
                    }

                    if (member is not null && !Names(token, member, session))
                    {
                        continue;
                    }

                    foreach (var method in EnclosingMethods(token, session))
                    {
                        if ((_engine.HasBody(method) || PrimaryBaseType(method) is not null || IsInitializerContext(token, method))
                            && seen.Add(method.OriginalDefinition))
                        {
                            found.Add(method.OriginalDefinition);
                        }
                    }
                }
            }

            return found;
        }

        /// <summary>
        /// The trees a search for a name looks into, in compilation order: those that spell it (every tree, for a token that is not a
        /// name) or, from the name's second search on, those where it stands in an accepted position (<see cref="Sites.Trees"/>); or, when
        /// fewer, the files of a private member or the trees that reach the member's type that spell it. Each search of a common name
        /// would otherwise look at every tree that spells it, and there are as many searches as members: a cost that grows with the
        /// square of the compilation. The trees that reach <paramref name="reachedType"/> are read only when there is a tree to look
        /// into: most members are written in a few places, or nowhere but their declaration, and their later searches find no tree.
        /// </summary>
        private (IEnumerable<SyntaxTree> Trees, TypeReach? Reaching) Candidates(Sites sites, string name, SyntaxKind kind,
            System.Func<SyntaxToken, bool> accept, int searched, ICollection<SyntaxTree>? regions, INamedTypeSymbol? reachedType,
            FlowEngine.Session session)
        {
            var isName = kind is SyntaxKind.IdentifierToken or SyntaxKind.NewKeyword;
            IReadOnlyList<SyntaxTree> trees = isName ? TreesSpelling(searched, session) : AllTrees();
            if (regions is not null && regions.Count < trees.Count)
            {
                var positions = Positions();
                var inRegions = regions.Where(tree => !isName || TreeNames.Of(tree).MayMention(tree, searched)).ToList();
                inRegions.Sort((a, b) => positions[a].CompareTo(positions[b]));
                return (inRegions, null);
            }

            if (Volatile.Read(ref sites.Searches) > 1)
            {
                trees = SiteTrees(sites, trees, name, kind, accept, session);
            }

            if (reachedType is null || trees.Count == 0)
            {
                return (trees, null);
            }

            var reaching = TreesReaching(reachedType, session);
            return reaching.MostTrees < trees.Count
                ? (isName ? reaching.Trees(this).Where(tree => TreeNames.Of(tree).MayMention(tree, searched)) : reaching.Trees(this), reaching)
                : (trees, reaching);
        }

        // The trees (of those that spell the name) where the name stands in an accepted position: found once, for a name searched again.
        private List<SyntaxTree> SiteTrees(Sites sites, IReadOnlyList<SyntaxTree> spelling, string name, SyntaxKind kind,
            System.Func<SyntaxToken, bool> accept, FlowEngine.Session session)
        {
            if (Volatile.Read(ref sites.Trees) is { } known)
            {
                return known;
            }

            var trees = spelling.Where(tree => Occurrences(sites, tree, name, kind, accept, session) is not null).ToList();
            return Interlocked.CompareExchange(ref sites.Trees, trees, null) ?? trees;
        }

        /// <summary>Where one name stands in one kind of accepted position, by tree, and how often it was searched.</summary>
        private sealed class Sites
        {
            public readonly ConcurrentDictionary<SyntaxTree, List<SyntaxToken>?> ByTree = new();
            public int Searches;

            /// <summary>The trees with at least one site, in compilation order: read from the name's second search on.</summary>
            public List<SyntaxTree>? Trees;
        }

        /// <summary>
        /// The trees that can reach an instance of <paramref name="type"/> by a name: its own, or that of a source method, property or
        /// field of that type (or of a task of it), so that <c>var s = factory.Create(); s.Context = x;</c> is found. The names are read
        /// once per type; which trees spell them is asked per tree (<see cref="TypeReach.Contains"/>), because a producer's name may be
        /// common (<c>Address</c>) and a set of its trees per type would grow with the square of the compilation.
        /// </summary>
        private TypeReach TreesReaching(INamedTypeSymbol type, FlowEngine.Session session)
        {
            return _reaching.GetOrAdd(type.Name, static (typeName, state) =>
            {
                var (self, session) = state;
                var typeWord = NameHash.Of(typeName);
                var names = new HashSet<int> { typeWord };

                // A member declared of the type spells the type's name in its tree: only those trees declare producers.
                foreach (var tree in self.TreesSpelling(typeWord, session))
                {
                    if (TypeProducers.Of(tree).TryGetValue(typeWord, out var producers))
                    {
                        names.UnionWith(producers);
                    }
                }

                return new TypeReach(typeWord, names.Select(name => self.TreesSpelling(name, session)).ToArray(), names);
            }, (Self: this, Session: session));
        }

        /// <summary>The names through which a type's instances are reached, and the trees that spell each.</summary>
        private sealed class TypeReach
        {
            private readonly int _typeWord;
            private readonly HashSet<int> _names;
            private readonly List<SyntaxTree>[] _spelling;
            private List<SyntaxTree>? _trees;

            public TypeReach(int typeWord, List<SyntaxTree>[] spelling, HashSet<int> names)
            {
                _typeWord = typeWord;
                _spelling = spelling;
                _names = names;
                MostTrees = spelling.Sum(static trees => trees.Count);
            }

            /// <summary>At most how many trees spell one of the names (a tree that spells two counts twice).</summary>
            public int MostTrees { get; }

            /// <summary>The trees that spell one of the names, in compilation order (merged on first use).</summary>
            public List<SyntaxTree> Trees(StateIndex index)
            {
                if (Volatile.Read(ref _trees) is { } known)
                {
                    return known;
                }

                var positions = index.Positions();
                var trees = _spelling.SelectMany(static trees => trees).Distinct().ToList();
                trees.Sort((a, b) => positions[a].CompareTo(positions[b]));
                return Interlocked.CompareExchange(ref _trees, trees, null) ?? trees;
            }

            /// <summary>
            /// Whether <paramref name="tree"/> spells one of the names other than the searched one (<paramref name="searched"/>): <c>b.With(x)</c>
            /// on a builder whose <c>With</c> returns the builder reaches <c>b</c> some other way. The type's own name always counts.
            /// </summary>
            public bool Contains(SyntaxTree tree, int searched)
            {
                var words = TreeNames.Of(tree);
                var spelled = 0;
                var spellsSearched = false;
                foreach (var name in _names)
                {
                    if (words.MayMention(tree, name))
                    {
                        spelled++;
                        spellsSearched |= name == searched;
                    }
                }

                return spelled > 1 || spelled == 1 && (searched == _typeWord || !spellsSearched);
            }
        }

        /// <summary>
        /// The trees whose text may spell the word with hash <paramref name="word"/>, in compilation order: each tree's words are read
        /// once and kept with the tree (<see cref="TreeNames.MayMention"/>), so that an edit makes only its own tree read again. The
        /// first words are looked up in each tree; past <see cref="WordsBeforeIndex"/>, in a <see cref="WordIndex"/> of all of them.
        /// </summary>
        private List<SyntaxTree> TreesSpelling(int word, FlowEngine.Session session)
        {
            return _treesByWord.GetOrAdd(word, static (word, state) =>
            {
                var (self, cancellationToken) = state;
                if (Interlocked.Increment(ref self._wordsScanned) > WordsBeforeIndex)
                {
                    return self.Index(cancellationToken).TreesSpelling(word);
                }

                var trees = new List<SyntaxTree>();
                foreach (var (tree, names) in self.TreesWithNames())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (names.MayMention(tree, word))
                    {
                        trees.Add(tree);
                    }
                }

                return trees;
            }, (Self: this, session.CancellationToken));
        }

        // Past this many words, one index of every tree's words answers the rest (an edit asks for fewer, a build for hundreds).
        private const int WordsBeforeIndex = 64;

        private WordIndex Index(CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _wordIndex) is { } known)
            {
                return known;
            }

            // Two threads may build it at once; both get the same answers, and one is kept.
            Interlocked.CompareExchange(ref _wordIndex, WordIndex.Build(TreesWithNames(), cancellationToken), null);
            return _wordIndex!;
        }

        // The position of each tree in the compilation, to keep searches in compilation order.
        private Dictionary<SyntaxTree, int> Positions()
        {
            if (Volatile.Read(ref _positions) is { } known)
            {
                return known;
            }

            var trees = TreesWithNames();
            var positions = new Dictionary<SyntaxTree, int>(trees.Length);
            for (var i = 0; i < trees.Length; i++)
            {
                positions[trees[i].Tree] = i;
            }

            Interlocked.CompareExchange(ref _positions, positions, null);
            return _positions!;
        }

        // The compilation's trees in its order, for a search of a token that is not a name.
        private SyntaxTree[] AllTrees()
        {
            return Volatile.Read(ref _allTrees)
                ?? Interlocked.CompareExchange(ref _allTrees, _engine.Compilation.SyntaxTrees.ToArray(), null) ?? _allTrees!;
        }

        // Each tree of the compilation with its names, looked up once rather than once per word.
        private (SyntaxTree Tree, TreeNames Names)[] TreesWithNames()
        {
            if (Volatile.Read(ref _treesWithNames) is { } known)
            {
                return known;
            }

            var trees = _engine.Compilation.SyntaxTrees.Select(static tree => (tree, TreeNames.Of(tree))).ToArray();
            Interlocked.CompareExchange(ref _treesWithNames, trees, null);
            return _treesWithNames!;
        }

        /// <summary>
        /// Whether the name at <paramref name="token"/> stands for <paramref name="member"/> (the same name on another type's
        /// member is not a writer or a caller): only the name is bound, never the body around it.
        /// </summary>
        private bool Names(SyntaxToken token, ISymbol member, FlowEngine.Session session)
        {
            if (token.Parent is not { } name)
            {
                return false;
            }

            Interlocked.Increment(ref _namesBound);

            var model = _engine.ModelFor(name.SyntaxTree);
            if (member is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor)
            {
                // new T(...) binds the creation to the constructor; a base list names the type.
                var creation = name.FirstAncestorOrSelf<SyntaxNode>(static n => n is BaseObjectCreationExpressionSyntax or BaseListSyntax);
                if (creation is BaseListSyntax)
                {
                    return SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, session.CancellationToken).Symbol?.OriginalDefinition,
                        constructor.ContainingType.OriginalDefinition);
                }

                return creation is not null && Binds(model.GetSymbolInfo(creation, session.CancellationToken), constructor);
            }

            var target = member is IMethodSymbol { AssociatedSymbol: { } property } ? property : member;
            if (name is BracketedArgumentListSyntax { Parent: ElementAccessExpressionSyntax access })
            {
                // slots[key] = value binds the element access to the indexer.
                name = access;
            }

            return Binds(model.GetSymbolInfo(name, session.CancellationToken), target);
        }

        private static bool Binds(SymbolInfo info, ISymbol target)
        {
            if (SymbolEqualityComparer.Default.Equals(info.Symbol?.OriginalDefinition, target.OriginalDefinition))
            {
                return true;
            }

            foreach (var candidate in info.CandidateSymbols)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, target.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Where <paramref name="tree"/> spells <paramref name="name"/> as a token of <paramref name="kind"/> (an identifier, a string literal,
        /// the <c>new</c> keyword, a bracket) in a position that <paramref name="accept"/> accepts, or null: each tree is scanned once per
        /// name and position, and only when a search reaches it. Kept per tree because the members of many types share a name
        /// (<c>City</c>), and each of their searches would otherwise read the same tokens again.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private List<SyntaxToken>? Occurrences(
            Sites sites, SyntaxTree tree, string name, SyntaxKind kind, System.Func<SyntaxToken, bool> accept, FlowEngine.Session session)
        {
            return sites.ByTree.GetOrAdd(tree, [MethodImpl(HotPath.Optimized)] static (tree, state) =>
            {
                var (self, name, kind, accept, session) = state;
                var word = kind is SyntaxKind.IdentifierToken or SyntaxKind.NewKeyword;
                session.CancellationToken.ThrowIfCancellationRequested();
                Interlocked.Increment(ref self._treesSearched);
                var text = Texts.GetValue(tree, static t => t.GetText().ToString());
                SyntaxNode? scope = null;
                List<SyntaxToken>? tokens = null;
                for (var at = text.IndexOf(name, System.StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length,
                    System.StringComparison.Ordinal))
                {
                    var end = at + name.Length;
                    if (word && (at > 0 && IsIdentifierPart(text[at - 1]) || end < text.Length && IsIdentifierPart(text[end]))
                        || kind == SyntaxKind.NewKeyword && !FollowedByParenthesis(text, end)
                        || accept == ValueWrite && !MayBeValueWrite(text, at, end))
                    {
                        continue;
                    }

                    // Occurrences cluster in a few members: the next one is looked for from the nearest node that holds it, not from the root.
                    scope ??= tree.GetRoot(session.CancellationToken);
                    while (!scope.FullSpan.Contains(at) && scope.Parent is { } parent)
                    {
                        scope = parent;
                    }

                    Interlocked.Increment(ref self._occurrencesLocated);
                    var token = scope.FindToken(at);
                    scope = token.Parent ?? scope;
                    if (token.IsKind(kind) && token.ValueText == name && accept(token))
                    {
                        (tokens ??= new List<SyntaxToken>()).Add(token);
                    }
                }

                return tokens;
            }, (Self: this, Name: name, Kind: kind, Accept: accept, Session: session));
        }

        // The method whose body holds the token, found from the syntax and declared symbols only (nothing is bound).
        private IEnumerable<IMethodSymbol> EnclosingMethods(SyntaxToken token, FlowEngine.Session session)
        {
            for (var node = token.Parent; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax:
                        if (_engine.ModelFor(node.SyntaxTree).GetDeclaredSymbol(node, session.CancellationToken) is IMethodSymbol method)
                        {
                            yield return method;
                        }

                        yield break;
                    case ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax property }:
                        if (_engine.ModelFor(node.SyntaxTree).GetDeclaredSymbol(property,
                            session.CancellationToken) is IPropertySymbol { GetMethod: { } getter })
                        {
                            yield return getter;
                        }

                        yield break;
                    case GlobalStatementSyntax:
                        if (_engine.ModelFor(node.SyntaxTree).GetEnclosingSymbol(token.SpanStart, session.CancellationToken) is IMethodSymbol main)
                        {
                            yield return main;
                        }

                        yield break;
                    case BaseListSyntax { Parent: TypeDeclarationSyntax type }:
                        // class D : B { D(x) : base(x) }: the constructors that call the base.
                        if (_engine.ModelFor(node.SyntaxTree).GetDeclaredSymbol(type, session.CancellationToken) is INamedTypeSymbol derived)
                        {
                            foreach (var constructor in derived.InstanceConstructors)
                            {
                                yield return constructor;
                            }
                        }

                        yield break;
                    case EqualsValueClauseSyntax
                    {
                        Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } or PropertyDeclarationSyntax,
                    } clause:
                        // private readonly Briefing _b = new(chat, notes): the constructor that runs the initializer calls it.
                        var member = clause.FirstAncestorOrSelf<MemberDeclarationSyntax>()!;
                        if (InitializerContext(member, member.Modifiers, session) is { } context)
                        {
                            yield return context;
                        }

                        yield break;
                    case BaseTypeDeclarationSyntax or FieldDeclarationSyntax or BasePropertyDeclarationSyntax:
                        yield break;
                }
            }
        }

        // Foo(x), obj.Foo(x), Foo<T>(x): the name is called here.
        private static bool IsCallName(SyntaxToken token)
        {
            var node = token.Parent;
            if (node is GenericNameSyntax or IdentifierNameSyntax && node.Parent is MemberAccessExpressionSyntax access && access.Name == node)
            {
                node = access;
            }
            else if (node?.Parent is MemberBindingExpressionSyntax binding)
            {
                node = binding;
            }

            return node?.Parent is InvocationExpressionSyntax invocation && invocation.Expression == node || node?.Parent is ArgumentSyntax;
        }

        // new T(...), T x = new(...) is not found by name; base lists reach derived constructors.
        private static bool IsConstructionName(SyntaxToken token)
        {
            for (var node = token.Parent; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case BaseObjectCreationExpressionSyntax or BaseListSyntax or ConstructorInitializerSyntax:
                        return true;
                    case NameSyntax or TypeArgumentListSyntax or SimpleBaseTypeSyntax or PrimaryConstructorBaseTypeSyntax:
                        continue;
                    default:
                        return false;
                }
            }

            return false;
        }

        // T x = new(chat, notes): a target-typed construction with arguments (one without passes nothing).
        private static bool IsTargetTypedCreation(SyntaxToken token) =>
            token.Parent is ImplicitObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: > 0 };

        // class D(string x) : B(x): a primary constructor whose only body is the base call in its base list.
        private static PrimaryConstructorBaseTypeSyntax? PrimaryBaseType(IMethodSymbol method)
        {
            if (method.MethodKind != MethodKind.Constructor || method.DeclaringSyntaxReferences.Length != 1
                || method.DeclaringSyntaxReferences[0].GetSyntax() is not TypeDeclarationSyntax { ParameterList: not null, BaseList: { } bases })
            {
                return null;
            }

            foreach (var type in bases.Types)
            {
                if (type is PrimaryConstructorBaseTypeSyntax call)
                {
                    return call;
                }
            }

            return null;
        }

        // Where a caller's calls are: its body (or a primary constructor's base call), and the initializers a constructor runs.
        private IEnumerable<IOperation> CallingCode(IMethodSymbol caller, FlowEngine.Session session)
        {
            if ((_engine.BodyOf(caller, session.CancellationToken) ?? PrimaryBaseCall(caller, session)) is { } body)
            {
                yield return body;
            }

            foreach (var initializer in InitializersRunBy(caller, session))
            {
                yield return initializer;
            }
        }

        private IOperation? PrimaryBaseCall(IMethodSymbol method, FlowEngine.Session session)
        {
            return PrimaryBaseType(method) is { } call ? _engine.ModelFor(call.SyntaxTree).GetOperation(call, session.CancellationToken) : null;
        }

        // A constructor found for a name in a field or property initializer: it runs the initializer, with or without a body.
        private static bool IsInitializerContext(SyntaxToken token, IMethodSymbol method) =>
            method.MethodKind is MethodKind.Constructor or MethodKind.StaticConstructor
            && token.Parent?.FirstAncestorOrSelf<EqualsValueClauseSyntax>() is { Parent: VariableDeclaratorSyntax or PropertyDeclarationSyntax };

        // A private member is written only inside its type (the spans of its declarations, by tree); null: anywhere in the compilation.
        private static Dictionary<SyntaxTree, List<Microsoft.CodeAnalysis.Text.TextSpan>>? PrivateRegions(ISymbol? member)
        {
            if (member is not { DeclaredAccessibility: Accessibility.Private, ContainingType: { } type })
            {
                return null;
            }

            while (type.ContainingType is { } outer)
            {
                type = outer;
            }

            var regions = new Dictionary<SyntaxTree, List<Microsoft.CodeAnalysis.Text.TextSpan>>();
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (!regions.TryGetValue(reference.SyntaxTree, out var spans))
                {
                    regions[reference.SyntaxTree] = spans = new List<Microsoft.CodeAnalysis.Text.TextSpan>();
                }

                spans.Add(reference.Span);
            }

            return regions;
        }

        // The constructor that runs a member's initializer (the primary one, whose parameters it may read, else the first), or the
        // static constructor of a static member.
        private IMethodSymbol? InitializerContext(MemberDeclarationSyntax member, SyntaxTokenList modifiers, FlowEngine.Session session)
        {
            if (member.Parent is not TypeDeclarationSyntax declaration
                || _engine.ModelFor(member.SyntaxTree).GetDeclaredSymbol(declaration, session.CancellationToken) is not { } type)
            {
                return null;
            }

            return InitializerContext(type, modifiers.Any(SyntaxKind.StaticKeyword) || modifiers.Any(SyntaxKind.ConstKeyword));
        }

        private static IMethodSymbol? InitializerContext(INamedTypeSymbol type, bool isStatic)
        {
            if (isStatic)
            {
                return type.StaticConstructors.FirstOrDefault();
            }

            foreach (var constructor in type.InstanceConstructors)
            {
                if (constructor.DeclaringSyntaxReferences.Length == 1 && constructor.DeclaringSyntaxReferences[0].GetSyntax() is TypeDeclarationSyntax)
                {
                    return constructor;
                }
            }

            return type.InstanceConstructors.FirstOrDefault();
        }

        // The initializers that the constructor runs: those of the instance members of its type, or of the static ones.
        private IEnumerable<IOperation> InitializersRunBy(IMethodSymbol constructor, FlowEngine.Session session)
        {
            if (constructor.MethodKind is not (MethodKind.Constructor or MethodKind.StaticConstructor)
                || !SymbolEqualityComparer.Default.Equals(InitializerContext(constructor.ContainingType, constructor.IsStatic), constructor))
            {
                yield break;
            }

            foreach (var member in constructor.ContainingType.GetMembers())
            {
                if (member.IsStatic == constructor.IsStatic && member is IFieldSymbol { IsImplicitlyDeclared: false } or IPropertySymbol)
                {
                    foreach (var (initializer, _) in Initializers(member, session))
                    {
                        yield return initializer;
                    }
                }
            }
        }

        // Field and property initializers of the member itself, with the method whose parameters they may read.
        private IEnumerable<(IOperation Initializer, IMethodSymbol Context)> Initializers(ISymbol member, FlowEngine.Session session)
        {
            var context = member.IsStatic
                ? member.ContainingType.StaticConstructors.FirstOrDefault()
                : member.ContainingType.InstanceConstructors.FirstOrDefault();
            context ??= member.ContainingType.GetMembers().OfType<IMethodSymbol>().FirstOrDefault();
            if (context is null)
            {
                yield break;
            }

            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                var node = reference.GetSyntax(session.CancellationToken);
                var clause = node switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Initializer,
                    PropertyDeclarationSyntax property => property.Initializer,
                    _ => null,
                };

                if (clause is not null && !CarriesNothing(clause.Value) && _engine.ModelFor(node.SyntaxTree)
                    .GetOperation(clause, session.CancellationToken) is { } operation)
                {
                    var value = operation switch
                    {
                        IFieldInitializerOperation field => field.Value,
                        IPropertyInitializerOperation property => property.Value,
                        _ => operation,
                    };

                    yield return (value, context);
                }
            }
        }

        // = "", = 0, = default, = new(), = new List<string>(), = []: an initializer that carries nothing needs no binding.
        private static bool CarriesNothing(ExpressionSyntax value)
        {
            return value switch
            {
                LiteralExpressionSyntax or DefaultExpressionSyntax => true,
                BaseObjectCreationExpressionSyntax creation => creation.ArgumentList is null or { Arguments.Count: 0 } && creation.Initializer is null,
                CollectionExpressionSyntax collection => collection.Elements.Count == 0,
                _ => false,
            };
        }

        private static bool IsMutableWritePosition(SyntaxToken token) => IsWritePosition(token, mutable: true);

        internal static bool IsValueWritePosition(SyntaxToken token) => IsWritePosition(token, mutable: false);

        // One delegate for the value-write test, so that Occurrences knows it and reads the text around each occurrence first.
        private static readonly System.Func<SyntaxToken, bool> ValueWrite = IsValueWritePosition;

        /// <summary>Whether the name is written here: an assignment's target, a call or member on it, a ref or out argument.</summary>
        private static bool IsWritePosition(SyntaxToken token, bool mutable)
        {
            var node = token.Parent;

            // c.Orders.Count: what is used further on is a member of the member, not the member's object.
            var selected = false;
            for (var steps = 0; node?.Parent is { } parent && steps < 16; steps++)
            {
                switch (parent)
                {
                    case AssignmentExpressionSyntax assignment:
                        return assignment.Left == node;
                    case MemberAccessExpressionSyntax access when access.Expression == node:
                        // _history.Add(x), _context.Address = x: the member's object changes; _orders.Where(o => ...) does not.
                        if (access.Parent is InvocationExpressionSyntax call)
                        {
                            return mutable && PassesData(call);
                        }

                        selected = true;
                        node = access;
                        continue;
                    case MemberAccessExpressionSyntax or MemberBindingExpressionSyntax or ConditionalAccessExpressionSyntax or ElementAccessExpressionSyntax
                        or ParenthesizedExpressionSyntax or PostfixUnaryExpressionSyntax or TupleExpressionSyntax:
                        node = parent;
                        continue;
                    case ArgumentSyntax argument:
                        if (argument.RefKindKeyword.RawKind != 0)
                        {
                            return true;
                        }

                        if (argument.Parent?.Parent is BaseObjectCreationExpressionSyntax or InvocationExpressionSyntax)
                        {
                            // new StreamWriter(_buffer), JsonSerializer.Serialize(_writer, x): the object may be written into.
                            return mutable && !selected;
                        }

                        node = parent;
                        continue;
                    default:
                        return false;
                }
            }

            return false;
        }

        // A call can put data into its receiver only through an argument that is a value: not a lambda (Where, Select), not a literal
        // (Take(8)). A chain of calls may return the receiver (_prompt.Append("SSN: ").Append(ssn)): each call of the chain counts.
        private static bool PassesData(InvocationExpressionSyntax call)
        {
            for (SyntaxNode? node = call; node is InvocationExpressionSyntax invocation; node = node.Parent?.Parent)
            {
                foreach (var argument in invocation.ArgumentList.Arguments)
                {
                    if (argument.Expression is not (AnonymousFunctionExpressionSyntax or LiteralExpressionSyntax))
                    {
                        return true;
                    }
                }

                if (node.Parent is not MemberAccessExpressionSyntax access || access.Expression != node)
                {
                    return false;
                }
            }

            return false;
        }

        private static bool IsIdentifierPart(char c) => c == '_' || char.IsLetterOrDigit(c);

        /// <summary>
        /// Whether the text around an occurrence (<paramref name="at"/> to <paramref name="end"/>) allows what <see cref="IsValueWritePosition"/>
        /// accepts: an assignment operator after it in the same statement, or <c>ref</c>, <c>out</c> or <c>in</c> before it. Most
        /// occurrences are reads (<c>o.Number.ToString()</c>, <c>Line("City", a.City)</c>), and those are not located in the tree.
        /// Text this reading cannot be sure of (a string, a character, a comment, a directive) counts as a write.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        internal static bool MayBeValueWrite(string text, int at, int end)
        {
            // After: '=' that is not part of '==' or '=>' (so '+=', '??=', '<<=' and, to be safe, '<=' count), before the statement ends.
            var depth = 0;
            for (var i = end; i < text.Length; i++)
            {
                switch (text[i])
                {
                    case '=' when i + 1 < text.Length && text[i + 1] is '=' or '>':
                        i++;
                        break;
                    case '=':
                        return true;
                    case '"' or '\'' or '/' or '#':
                        return true;
                    case '(' or '[':
                        depth++;
                        break;
                    case ')' or ']':
                        depth--;
                        break;
                    case ';' or '}' when depth <= 0:
                        i = text.Length;
                        break;
                }
            }

            // Before: the argument's text back to its start, through names, member accesses and parentheses.
            var start = at;
            while (start > 0 && (IsIdentifierPart(text[start - 1]) || text[start - 1] is '.' or '?' or '!' or '(' || char.IsWhiteSpace(text[start - 1])))
            {
                start--;
            }

            if (start > 0 && text[start - 1] is '/' or '#')
            {
                return true;
            }

            for (var i = start; i < at;)
            {
                if (!IsIdentifierPart(text[i]))
                {
                    i++;
                    continue;
                }

                var wordStart = i;
                while (i < at && IsIdentifierPart(text[i]))
                {
                    i++;
                }

                if (string.CompareOrdinal(text, wordStart, "ref", 0, 3) == 0 && i - wordStart == 3
                    || (string.CompareOrdinal(text, wordStart, "out", 0, 3) == 0 && i - wordStart == 3)
                    || (string.CompareOrdinal(text, wordStart, "in", 0, 2) == 0 && i - wordStart == 2))
                {
                    return true;
                }
            }

            return false;
        }

        // new(...) or new (...): a target-typed construction; new T(...) is found by T's name.
        private static bool FollowedByParenthesis(string text, int index)
        {
            while (index < text.Length && char.IsWhiteSpace(text[index]))
            {
                index++;
            }

            return index < text.Length && text[index] == '(';
        }
    }
}
