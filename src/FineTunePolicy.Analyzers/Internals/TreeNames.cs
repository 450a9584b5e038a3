using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace FineTunePolicy.Analyzers
{
    /// <summary>
    /// The names each member of one syntax tree declares and mentions, and the attributes its declarations carry; read
    /// once per tree (cached, so the editor reads only the file that changed) and before anything is bound. The
    /// declarations are read when the tree is first asked for; the names a body mentions only when first needed (a
    /// compilation that can classify nothing never reads a body).
    /// </summary>
    internal sealed class TreeNames
    {
        /// <summary>The name constructors are known by: <c>new T(...)</c>, <c>new(...)</c>, <c>base(...)</c> and <c>this(...)</c> all call one.</summary>
        public const string Constructor = WellKnownMemberNames.InstanceConstructorName;

        private static readonly ConditionalWeakTable<SyntaxTree, TreeNames> Cache = new();

        private static readonly string[] QueryMethods =
        {
            "Select", "SelectMany", "Where", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending",
            "GroupBy", "Join", "GroupJoin", "Cast",
        };

        private static readonly int ConstructorName = NameHash.Of(Constructor);
        private static readonly int AddName = NameHash.Of("Add");
        private static readonly int[] HandlerNames = { NameHash.Of("AppendLiteral"), NameHash.Of("AppendFormatted") };
        private static readonly int[] QueryNames = System.Array.ConvertAll(QueryMethods, NameHash.Of);
        private static readonly int NewKeyword = NameHash.Of("new");
        private static readonly int ThisKeyword = NameHash.Of("this");
        private static readonly int BaseKeyword = NameHash.Of("base");
        private static readonly int FromKeyword = NameHash.Of("from");

        private static readonly bool[] AsciiWordStart = AsciiTable(static c => c == '_' || char.IsLetter(c));
        private static readonly bool[] AsciiWordPart = AsciiTable(static c => c == '_' || char.IsLetterOrDigit(c));

        // The names of a member, and the words of a tree, are gathered in one set per thread, cleared before each use: a set of
        // their own, grown name by name, was most of what reading a tree's names allocated.
        private const int KeptNamesAtMost = 4096;

        [System.ThreadStatic]
        private static char[]? _threadBuffer;

        [System.ThreadStatic]
        private static HashSet<int>? _threadNames;

        private HashSet<int>? _words;

        [MethodImpl(HotPath.Optimized)]
        private TreeNames(SyntaxNode root)
        {
            List<GlobalStatementSyntax>? globalStatements = null;
            foreach (var node in root.DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
            {
                switch (node)
                {
                    case UsingDirectiveSyntax { Alias: { } alias, Name: { } target }:
                        Aliases.Add(new KeyValuePair<string, string>(alias.Name.Identifier.ValueText, RightmostName(target)));
                        break;
                    case GlobalStatementSyntax statement:
                        (globalStatements ??= new List<GlobalStatementSyntax>()).Add(statement);
                        break;
                    case BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax:
                        Members[node.SpanStart] = new Member(NameOf(node), new[] { node }, SinkCandidateAttributes(node));
                        AddAttributes(node);
                        break;
                    case MemberDeclarationSyntax:
                        AddAttributes(node);
                        break;
                }
            }

            if (globalStatements is not null)
            {
                TopLevel = new Member(null, globalStatements.ToArray(), System.Array.Empty<string>());
            }
        }

        /// <summary>Methods, constructors, operators, properties, indexers and events, by the start of their span.</summary>
        public Dictionary<int, Member> Members { get; } = new();

        /// <summary>The member whose declaration holds <paramref name="node"/>, or null outside one (a type's other parts, top-level statements).</summary>
        public static Member? MemberOf(SyntaxNode node)
        {
            for (var current = node; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax:
                        return Of(current.SyntaxTree).Members.TryGetValue(current.SpanStart, out var member) ? member : null;
                    case BaseTypeDeclarationSyntax or CompilationUnitSyntax:
                        return null;
                }
            }

            return null;
        }

        public Member? TopLevel { get; }

        /// <summary><c>using Sink = FineTunePolicy.LlmSinkAttribute;</c>: each alias with the rightmost name of what it stands for.</summary>
        public List<KeyValuePair<string, string>> Aliases { get; } = new();

        /// <summary>
        /// The written names of the attributes on the tree's declarations (types and their primary-constructor parameters,
        /// members, parameters, return values), and of the types its type declarations derive from.
        /// </summary>
        public HashSet<string> AttributeNames { get; } = new(System.StringComparer.Ordinal);

        /// <summary>The types declared in the tree, each with the rightmost names of its base types.</summary>
        public List<KeyValuePair<string, string[]>> DeclaredTypes { get; } = new();

        public static TreeNames Of(SyntaxTree tree) => Cache.GetValue(tree, static t => new TreeNames(t.GetRoot()));

        /// <summary>
        /// Whether the tree's text may spell the name whose hash is <paramref name="nameHash"/> anywhere (bodies, field initializers,
        /// comments): read from the text on first use. A collision, or a tree whose identifiers use escapes, answers yes.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public bool MayMention(SyntaxTree tree, int nameHash)
        {
            var words = WordsOf(tree);
            return words is null || words.Contains(nameHash);
        }

        /// <summary>The hashes of every word of the tree's text, or null when an escape may hide a name (any name may be there).</summary>
        public HashSet<int>? WordsOf(SyntaxTree tree)
        {
            var words = Volatile.Read(ref _words) ?? Interlocked.CompareExchange(ref _words, Words(tree), null) ?? _words!;
            return words.Count == 0 ? null : words;
        }

        // Every word of the text; empty when an escape or a formatting character may hide a name (then every name may be there).
        // The members' words are read once for the members (whether each body reaches a sink asks for them): they are joined,
        // and only the text between members is scanned. A member read from its syntax holds an escape, which the text's scan
        // would have stopped at.
        [MethodImpl(HotPath.Optimized)]
        private HashSet<int> Words(SyntaxTree tree)
        {
            var spans = new List<TextSpan>(Members.Count);
            foreach (var member in Members.Values)
            {
                if (!member.ReadFromText)
                {
                    return new HashSet<int>();
                }

                spans.Add(member.Span);
            }

            // Gathered in the thread's set (every member's names are read by now, so no member's first read clears it), then
            // copied once into a set of the right size: grown word by word, it was most of what this allocated.
            var words = Gathering();
            foreach (var member in Members.Values)
            {
                // A loop over the array, not UnionWith, which would enumerate it through its interface.
                foreach (var name in member.MentionedNames)
                {
                    words.Add(name);
                }
            }

            spans.Sort(static (a, b) => a.Start.CompareTo(b.Start));
            var text = tree.GetText();
            var start = 0;
            foreach (var span in spans)
            {
                if (!Collect(text, TextSpan.FromBounds(start, span.Start), words))
                {
                    return new HashSet<int>();
                }

                start = span.End;
            }

            if (!Collect(text, TextSpan.FromBounds(start, text.Length), words))
            {
                return new HashSet<int>();
            }

            var kept = new HashSet<int>(words);
            Release(words);
            return kept;
        }

        // The thread's set for gathering names, empty.
        private static HashSet<int> Gathering()
        {
            var names = _threadNames ??= new HashSet<int>();
            names.Clear();
            return names;
        }

        // Done with the thread's set: one grown for an unusually large text is not kept by a long-lived thread (the IDE's).
        private static void Release(HashSet<int> gathered)
        {
            if (gathered.Count > KeptNamesAtMost)
            {
                _threadNames = null;
            }
        }

        public static string RightmostName(NameSyntax name)
        {
            return name switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => name.ToString(),
            };
        }

        [MethodImpl(HotPath.Optimized)]
        private void AddAttributes(SyntaxNode declaration)
        {
            var member = (MemberDeclarationSyntax)declaration;
            AddAttributes(member.AttributeLists);
            switch (member)
            {
                case BaseMethodDeclarationSyntax method:
                    AddAttributes(method.ParameterList);
                    break;
                case TypeDeclarationSyntax type:
                    AddAttributes(type.ParameterList);
                    AddDeclaredType(type.Identifier.ValueText, type.BaseList);
                    break;
                case BaseTypeDeclarationSyntax type:
                    AddDeclaredType(type.Identifier.ValueText, type.BaseList);
                    break;
                case DelegateDeclarationSyntax @delegate:
                    AddAttributes(@delegate.ParameterList);
                    break;
                case IndexerDeclarationSyntax indexer:
                    AddAttributes(indexer.ParameterList);
                    break;
            }

            if (member is BasePropertyDeclarationSyntax { AccessorList: { } accessors })
            {
                foreach (var accessor in accessors.Accessors)
                {
                    AddAttributes(accessor.AttributeLists);
                }
            }
        }

        private void AddAttributes(BaseParameterListSyntax? parameters)
        {
            if (parameters is null)
            {
                return;
            }

            foreach (var parameter in parameters.Parameters)
            {
                AddAttributes(parameter.AttributeLists);
            }
        }

        private void AddAttributes(SyntaxList<AttributeListSyntax> lists)
        {
            foreach (var list in lists)
            {
                foreach (var attribute in list.Attributes)
                {
                    AttributeNames.Add(RightmostName(attribute.Name));
                }
            }
        }

        private void AddDeclaredType(string name, BaseListSyntax? bases)
        {
            if (bases is null || bases.Types.Count == 0)
            {
                return;
            }

            var names = new string[bases.Types.Count];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = bases.Types[i].Type is NameSyntax baseName ? RightmostName(baseName) : bases.Types[i].Type.ToString();
            }

            DeclaredTypes.Add(new KeyValuePair<string, string[]>(name, names));
        }

        private static string? NameOf(SyntaxNode declaration)
        {
            return declaration switch
            {
                MethodDeclarationSyntax method => method.Identifier.ValueText,
                ConstructorDeclarationSyntax => Constructor,
                _ => null, // accessors, operators and conversions are never reached through an invocation
            };
        }

        [MethodImpl(HotPath.Optimized)]
        private static int[] Mentions(SyntaxNode[] declarations, out bool readFromText)
        {
            var text = declarations[0].SyntaxTree.GetText();
            var mentions = Gathering();
            readFromText = true;
            foreach (var declaration in declarations)
            {
                if (!Collect(text, declaration.Span, mentions))
                {
                    Collect(declaration, mentions);
                    readFromText = false;
                }
            }

            var names = ToArray(mentions);
            Release(mentions);
            return names;
        }

        /// <summary>
        /// The names a span of text mentions (a declaration's, or the text between declarations): building the syntax nodes of every body cost most of
        /// this pass. Text mentions more than the code calls (comments, strings, keywords), which costs an analysis,
        /// never a finding. What text does not name is added: <c>new</c>, <c>this(</c> and <c>base(</c> call a
        /// constructor (and a collection initializer, a brace after <c>new T(...)</c>, calls <c>Add</c>); <c>$"..."</c> calls
        /// an interpolation handler; <c>from</c> the query methods. Unicode escapes and formatting characters change what an
        /// identifier's text spells: there it answers false, and a declaration is read from its syntax instead.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool Collect(SourceText text, TextSpan span, HashSet<int> mentions)
        {
            var source = Buffer(span.Length);
            text.CopyTo(span.Start, source, 0, span.Length);
            return Scan(source, span.Length, mentions);
        }

        // The text is scanned from a copy (SourceText reads a character at a time slowly): one buffer per thread, not one per scan.
        // A larger text than any source file should be gets its own copy, so that a long-lived thread (the IDE's) keeps no large array.
        private static char[] Buffer(int length)
        {
            const int KeptAtMost = 256 * 1024;
            if (length > KeptAtMost)
            {
                return new char[length];
            }

            var buffer = _threadBuffer;
            if (buffer is null || buffer.Length < length)
            {
                _threadBuffer = buffer = new char[System.Math.Max(length, 4096)];
            }

            return buffer;
        }

        [MethodImpl(HotPath.Optimized)]
        private static bool Scan(char[] source, int length, HashSet<int> mentions)
        {
            for (var i = 0; i < length;)
            {
                var c = source[i];
                if (c < 128 ? AsciiWordStart[c] : char.IsLetter(c))
                {
                    var hash = NameHash.Start;
                    for (; i < length && IsIdentifierPart(source[i]); i++)
                    {
                        hash = NameHash.Step(hash, source[i]);
                    }

                    var word = (int)hash;
                    mentions.Add(word);
                    if (word == NewKeyword)
                    {
                        mentions.Add(ConstructorName);
                        if (MayOpenInitializer(source, length, i))
                        {
                            mentions.Add(AddName);
                        }
                    }
                    else if ((word == ThisKeyword || word == BaseKeyword) && NextNonSpace(source, length, i) == '(')
                    {
                        mentions.Add(ConstructorName);
                    }
                    else if (word == FromKeyword)
                    {
                        mentions.UnionWith(QueryNames);
                    }

                    continue;
                }

                if (c == '$')
                {
                    mentions.UnionWith(HandlerNames);
                }
                else if ((c == '\\' && i + 1 < length && source[i + 1] is 'u' or 'U')
                    || (c > 127 && char.GetUnicodeCategory(c) == UnicodeCategory.Format))
                {
                    return false;
                }

                i++;
            }

            return true;
        }

        // Nearly every character of C# source is ASCII: those are answered from a table, the rest by their Unicode category.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool IsIdentifierPart(char c) => c < 128 ? AsciiWordPart[c] : IsNonAsciiIdentifierPart(c);

        private static bool IsNonAsciiIdentifierPart(char c) =>
            char.IsLetterOrDigit(c)
            || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation;

        private static bool[] AsciiTable(System.Func<char, bool> test)
        {
            var table = new bool[128];
            for (var c = (char)0; c < 128; c++)
            {
                table[c] = test(c);
            }

            return table;
        }

        /// <summary>
        /// Whether the creation that follows <c>new</c> may have an initializer, that is, whether a brace follows its type and
        /// arguments: only a collection initializer calls <c>Add</c>, and most creations have none (<c>new StringBuilder()</c>).
        /// Text the walk cannot read with certainty (a string, a comment, a directive) answers yes: an analysis more, never a finding less.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool MayOpenInitializer(char[] source, int length, int index)
        {
            // The type: names, dots, '::', '?', and bracketed type arguments or ranks.
            var depth = 0;
            for (; index < length; index++)
            {
                var c = source[index];
                if (c is '"' or '\'' or '/' or '#' or '@' or '$')
                {
                    return true;
                }

                if (c is '<' or '[' || depth > 0 && c == '(')
                {
                    depth++;
                }
                else if (c is '>' or ']' || depth > 0 && c == ')')
                {
                    if (--depth < 0)
                    {
                        return true;
                    }
                }
                else if (depth == 0 && !IsIdentifierPart(c) && c is not ('.' or ':' or '?') && !char.IsWhiteSpace(c))
                {
                    break;
                }
            }

            // The arguments, to their closing parenthesis.
            if (index < length && source[index] == '(')
            {
                for (depth = 0; index < length; index++)
                {
                    var c = source[index];
                    if (c is '"' or '\'' or '/' or '#' or '@' or '$')
                    {
                        return true;
                    }

                    if (c == '(')
                    {
                        depth++;
                    }
                    else if (c == ')' && --depth == 0)
                    {
                        index++;
                        break;
                    }
                }
            }

            return NextNonSpace(source, length, index) is '{' or '/' or '#' or '\0';
        }

        private static char NextNonSpace(char[] source, int length, int index)
        {
            while (index < length && char.IsWhiteSpace(source[index]))
            {
                index++;
            }

            return index < length ? source[index] : '\0';
        }

        /// <summary>The same names from the syntax: what the text scan falls back to.</summary>
        private static void Collect(SyntaxNode declaration, HashSet<int> mentions)
        {
            foreach (var node in declaration.DescendantNodes(static n => n is not AttributeListSyntax))
            {
                switch (node)
                {
                    case SimpleNameSyntax name:
                        mentions.Add(NameHash.Of(name.Identifier.ValueText));
                        break;
                    case BaseObjectCreationExpressionSyntax or ConstructorInitializerSyntax:
                        mentions.Add(ConstructorName);
                        break;
                    case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.CollectionInitializerExpression):
                        mentions.Add(AddName);
                        break;
                    case InterpolatedStringExpressionSyntax:
                        // Interpolated string handlers are called by pattern.
                        mentions.UnionWith(HandlerNames);
                        break;
                    case QueryExpressionSyntax:
                        mentions.UnionWith(QueryNames);
                        break;
                }
            }
        }

        /// <summary>The attributes written on a method or constructor and on its parameters (only those can be sinks).</summary>
        [MethodImpl(HotPath.Optimized)]
        private static string[] SinkCandidateAttributes(SyntaxNode declaration)
        {
            if (declaration is not BaseMethodDeclarationSyntax method)
            {
                return System.Array.Empty<string>();
            }

            List<string>? names = null;
            void Add(SyntaxList<AttributeListSyntax> lists)
            {
                foreach (var list in lists)
                {
                    foreach (var attribute in list.Attributes)
                    {
                        (names ??= new List<string>()).Add(RightmostName(attribute.Name));
                    }
                }
            }

            Add(method.AttributeLists);
            foreach (var parameter in method.ParameterList.Parameters)
            {
                Add(parameter.AttributeLists);
            }

            return names is null ? System.Array.Empty<string>() : names.ToArray();
        }

        private static int[] ToArray(HashSet<int> set)
        {
            var array = new int[set.Count];
            set.CopyTo(array);
            return array;
        }

        /// <summary>One member of a tree: the name calls reach it by, the names its text mentions, its attributes.</summary>
        internal sealed class Member
        {
            private readonly SyntaxNode[] _declarations;
            private readonly string[] _attributes;
            private int[]? _mentions;
            private bool _readFromText;

            public Member(string? name, SyntaxNode[] declarations, string[] attributes)
            {
                Name = name;
                NameHash = name is null ? 0 : Analyzers.NameHash.Of(name);
                _declarations = declarations;
                _attributes = attributes;
            }

            /// <summary>The name calls reach it by: a method's name or <see cref="Constructor"/>; null for the rest.</summary>
            public string? Name { get; }

            public int NameHash { get; }

            /// <summary>The span of the member's (first) declaration.</summary>
            public TextSpan Span => _declarations[0].Span;

            /// <summary>The hashes of the names the member's text mentions, read on first use.</summary>
            public int[] MentionedNames => Volatile.Read(ref _mentions) ?? ReadMentions();

            /// <summary>Whether <see cref="MentionedNames"/> came from the text (not from the syntax, which an escape in the text asks for).</summary>
            public bool ReadFromText
            {
                get
                {
                    _ = MentionedNames;
                    return _readFromText;
                }
            }

            // Two threads reading at once compute the same names; each sets the flag before it publishes the names.
            [MethodImpl(HotPath.Optimized)]
            private int[] ReadMentions()
            {
                var mentions = TreeNames.Mentions(_declarations, out var readFromText);
                _readFromText = readFromText;
                return Interlocked.CompareExchange(ref _mentions, mentions, null) ?? _mentions!;
            }

            [MethodImpl(HotPath.Optimized)]
            public bool Mentions(HashSet<int> names)
            {
                foreach (var mention in MentionedNames)
                {
                    if (names.Contains(mention))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary><c>[LlmSink]</c> on the member or one of its parameters (by the attribute's written name).</summary>
            public bool DeclaresSink(HashSet<string> sinkAttributes)
            {
                foreach (var attribute in _attributes)
                {
                    if (sinkAttributes.Contains(attribute))
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }

    /// <summary>
    /// Names kept as hashes (FNV-1a over the characters, the same for a name in text, in syntax and in the catalogue): a
    /// collision can only make a body look like it reaches a sink (an analysis more), and reading identifiers from text
    /// then allocates nothing.
    /// </summary>
    internal static class NameHash
    {
        public const uint Start = 2166136261;

        public static int Of(string name)
        {
            var hash = Start;
            foreach (var c in name)
            {
                hash = Step(hash, c);
            }

            return (int)hash;
        }

        public static uint Step(uint hash, char c) => unchecked((hash ^ c) * 16777619);
    }
}
