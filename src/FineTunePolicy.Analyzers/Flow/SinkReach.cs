using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using FineTunePolicy.Analyzers.Policy;
using FineTunePolicy.Analyzers.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace FineTunePolicy.Analyzers.Flow
{
    /// <summary>
    /// Which method bodies can hold a finding, decided from names before anything is bound.
    /// </summary>
    /// <remarks>
    /// A finding is only ever made at a call: to a sink, or to a method of the compilation whose parameters reach
    /// one (<see cref="MethodFlow"/>). So a body that names no sink method, and no method whose own body (in turn)
    /// names one, cannot hold a finding, and is never bound or analysed. The names are a fixed point over the
    /// compilation's syntax: the catalogue's and the policy's sink methods and every <c>[LlmSink]</c> method, then
    /// every method whose body names one of them. A name stands for every symbol that bears it, so a shared name
    /// costs an analysis, never a finding. Bodies that are analysed still follow their callees through summaries,
    /// whatever their names.
    /// </remarks>
    internal sealed class SinkReach
    {
        /// <summary>The name constructors are known by: <c>new T(...)</c>, <c>new(...)</c>, <c>base(...)</c> and <c>this(...)</c> all call one.</summary>
        private const string Constructor = ".ctor";

        private static readonly string[] QueryMethods =
        {
            "Select", "SelectMany", "Where", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending",
            "GroupBy", "Join", "GroupJoin", "Cast",
        };

        private static readonly ConditionalWeakTable<SyntaxTree, TreeNames> Trees = new();
        private static readonly ConditionalWeakTable<IAssemblySymbol, List<string>> MetadataSinks = new();

        private const uint HashStart = 2166136261;

        private static readonly int ConstructorName = Hash(Constructor);
        private static readonly int AddName = Hash("Add");
        private static readonly int[] HandlerNames = { Hash("AppendLiteral"), Hash("AppendFormatted") };
        private static readonly int[] QueryNames = System.Array.ConvertAll(QueryMethods, Hash);
        private static readonly int NewKeyword = Hash("new");
        private static readonly int ThisKeyword = Hash("this");
        private static readonly int BaseKeyword = Hash("base");
        private static readonly int FromKeyword = Hash("from");

        // Names are kept as hashes: a collision can only make a body look like it reaches a sink (an analysis more),
        // and reading identifiers from text then allocates nothing.
        private readonly HashSet<int> _reaching;

        private SinkReach(HashSet<int> reaching)
        {
            _reaching = reaching;
        }

        /// <summary>FNV-1a over the characters: the same for a name in text, in syntax and in the catalogue.</summary>
        private static int Hash(string name)
        {
            var hash = HashStart;
            foreach (var c in name)
            {
                hash = HashStep(hash, c);
            }

            return (int)hash;
        }

        private static uint HashStep(uint hash, char c) => unchecked((hash ^ c) * 16777619);

        /// <summary>How many method names can reach a sink (a regression measure of the filter, not of time).</summary>
        public int ReachingNameCount => _reaching.Count;

        public static SinkReach Compute(Compilation compilation, ResolvedPolicy policy, CancellationToken cancellationToken)
        {
            var reaching = new HashSet<int>();
            foreach (var entry in SinkCatalog.Entries)
            {
                foreach (var method in entry.Methods)
                {
                    reaching.Add(Hash(method));
                }
            }

            foreach (var sink in policy.Sinks)
            {
                reaching.Add(Hash(sink.MethodName));
            }

            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (assembly.Identity.Name != "FineTunePolicy.Annotations" && ReferencesAnnotations(assembly))
                {
                    foreach (var name in MetadataSinks.GetValue(assembly, DeclaredSinks))
                    {
                        reaching.Add(Hash(name));
                    }
                }
            }

            var trees = NamesOf(compilation, out var sinkAttributes, cancellationToken);

            // Named members not known to reach a sink yet; each round moves those that name one into the set.
            var pending = new List<Member>();
            foreach (var names in trees)
            {
                foreach (var member in names.Members.Values)
                {
                    if (member.Name is null)
                    {
                        continue;
                    }

                    if (member.DeclaresSink(sinkAttributes))
                    {
                        reaching.Add(member.NameHash);
                    }
                    else
                    {
                        pending.Add(member);
                    }
                }
            }

            for (var changed = true; changed;)
            {
                cancellationToken.ThrowIfCancellationRequested();
                changed = false;
                for (var i = pending.Count - 1; i >= 0; i--)
                {
                    var member = pending[i];
                    if (reaching.Contains(member.NameHash) || member.Mentions(reaching))
                    {
                        changed |= reaching.Add(member.NameHash);
                        pending[i] = pending[pending.Count - 1];
                        pending.RemoveAt(pending.Count - 1);
                    }
                }
            }

            return new SinkReach(reaching);
        }

        /// <summary>Whether a method or parameter of this compilation's source carries <c>[LlmSink]</c> (by its written name).</summary>
        public static bool DeclaresSinkInSource(Compilation compilation, CancellationToken cancellationToken)
        {
            foreach (var names in NamesOf(compilation, out var sinkAttributes, cancellationToken))
            {
                foreach (var member in names.Members.Values)
                {
                    if (member.DeclaresSink(sinkAttributes))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The names of every tree (cached per tree), and what <c>[LlmSink]</c> is written as: its names and aliases.</summary>
        private static List<TreeNames> NamesOf(Compilation compilation, out HashSet<string> sinkAttributes, CancellationToken cancellationToken)
        {
            var trees = new List<TreeNames>();
            sinkAttributes = new HashSet<string>(System.StringComparer.Ordinal) { "LlmSink", "LlmSinkAttribute" };
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var names = Trees.GetValue(tree, static t => new TreeNames(t.GetRoot()));
                trees.Add(names);
                sinkAttributes.UnionWith(names.SinkAttributeAliases);
            }

            return trees;
        }

        /// <summary>
        /// Whether the member that holds <paramref name="codeBlock"/> (a method, constructor, accessor, operator, or the
        /// top-level statements) names a method that can reach a sink.
        /// </summary>
        public bool MayReachSink(SyntaxNode codeBlock)
        {
            var names = Trees.GetValue(codeBlock.SyntaxTree, static t => new TreeNames(t.GetRoot()));
            for (var node = codeBlock; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax:
                        return names.Members.TryGetValue(node.SpanStart, out var member) && member.Mentions(_reaching);
                    case CompilationUnitSyntax:
                        return names.TopLevel is { } topLevel && topLevel.Mentions(_reaching);
                    case BaseTypeDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }

        /// <summary>Whether a referenced assembly was built against the annotations (so it may declare sinks).</summary>
        public static bool ReferencesAnnotations(IAssemblySymbol assembly)
        {
            foreach (var module in assembly.Modules)
            {
                foreach (var reference in module.ReferencedAssemblies)
                {
                    if (reference.Name == "FineTunePolicy.Annotations")
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The methods of a referenced assembly that are declared sinks, or have a parameter that is.</summary>
        private static List<string> DeclaredSinks(IAssemblySymbol assembly)
        {
            var names = new List<string>();
            var namespaces = new Stack<INamespaceOrTypeSymbol>();
            namespaces.Push(assembly.GlobalNamespace);
            while (namespaces.Count > 0)
            {
                foreach (var member in namespaces.Pop().GetMembers())
                {
                    switch (member)
                    {
                        case INamespaceOrTypeSymbol container:
                            namespaces.Push(container);
                            break;
                        case IMethodSymbol method when IsDeclaredSink(method):
                            names.Add(method.MethodKind == MethodKind.Constructor ? Constructor : method.Name);
                            break;
                    }
                }
            }

            return names;
        }

        private static bool IsDeclaredSink(IMethodSymbol method)
        {
            if (HasSinkAttribute(method.GetAttributes()))
            {
                return true;
            }

            foreach (var parameter in method.Parameters)
            {
                if (HasSinkAttribute(parameter.GetAttributes()))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasSinkAttribute(System.Collections.Immutable.ImmutableArray<AttributeData> attributes)
        {
            foreach (var attribute in attributes)
            {
                if (attribute.AttributeClass is { Name: "LlmSinkAttribute" } type && SymbolNames.IsInNamespace(type, "FineTunePolicy"))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The names each member of one syntax tree declares and mentions; computed once per tree.</summary>
        private sealed class TreeNames
        {
            public TreeNames(SyntaxNode root)
            {
                var text = root.SyntaxTree.GetText();
                var topLevel = new HashSet<int>();
                foreach (var node in root.DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
                {
                    switch (node)
                    {
                        case UsingDirectiveSyntax { Alias: { } alias, Name: { } target } when IsSinkAttributeName(target):
                            SinkAttributeAliases.Add(alias.Name.Identifier.ValueText);
                            break;
                        case GlobalStatementSyntax statement:
                            Collect(text, statement, topLevel);
                            break;
                        case BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax:
                            Members[node.SpanStart] = new Member(NameOf(node), Mentions(text, node), AttributeNames(node));
                            break;
                    }
                }

                if (topLevel.Count > 0)
                {
                    TopLevel = new Member(null, ToArray(topLevel), System.Array.Empty<string>());
                }
            }

            /// <summary>Methods, constructors, operators, properties, indexers and events, by the start of their span.</summary>
            public Dictionary<int, Member> Members { get; } = new();

            public Member? TopLevel { get; }

            /// <summary><c>using Sink = FineTunePolicy.LlmSinkAttribute;</c>: the attribute under another name.</summary>
            public List<string> SinkAttributeAliases { get; } = new();

            private static string? NameOf(SyntaxNode declaration)
            {
                return declaration switch
                {
                    MethodDeclarationSyntax method => method.Identifier.ValueText,
                    ConstructorDeclarationSyntax => Constructor,
                    _ => null, // accessors, operators and conversions are never reached through an invocation
                };
            }

            private static int[] Mentions(SourceText text, SyntaxNode declaration)
            {
                var mentions = new HashSet<int>();
                Collect(text, declaration, mentions);
                return ToArray(mentions);
            }

            /// <summary>
            /// The names a declaration mentions, read from its text: building the syntax nodes of every body cost most of
            /// this pass. Text mentions more than the code calls (comments, strings, keywords), which costs an analysis,
            /// never a finding. What text does not name is added: <c>new</c>, <c>this(</c> and <c>base(</c> call a
            /// constructor (and a collection initializer, which needs <c>new</c>, calls <c>Add</c>); <c>$"..."</c> calls
            /// an interpolation handler; <c>from</c> the query methods. Unicode escapes and formatting characters, which
            /// change what an identifier's text spells, send the declaration to the syntax walk instead.
            /// </summary>
            private static void Collect(SourceText text, SyntaxNode declaration, HashSet<int> mentions)
            {
                var span = declaration.Span;
                var source = new char[span.Length];
                text.CopyTo(span.Start, source, 0, span.Length);
                if (!Scan(source, mentions))
                {
                    Collect(declaration, mentions);
                }
            }

            private static bool Scan(char[] source, HashSet<int> mentions)
            {
                for (var i = 0; i < source.Length;)
                {
                    var c = source[i];
                    if (c == '_' || char.IsLetter(c))
                    {
                        var hash = HashStart;
                        for (; i < source.Length && IsIdentifierPart(source[i]); i++)
                        {
                            hash = HashStep(hash, source[i]);
                        }

                        var word = (int)hash;
                        mentions.Add(word);
                        if (word == NewKeyword)
                        {
                            mentions.Add(ConstructorName);
                            mentions.Add(AddName);
                        }
                        else if ((word == ThisKeyword || word == BaseKeyword) && NextNonSpace(source, i) == '(')
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
                    else if ((c == '\\' && i + 1 < source.Length && source[i + 1] is 'u' or 'U')
                        || (c > 127 && char.GetUnicodeCategory(c) == UnicodeCategory.Format))
                    {
                        return false;
                    }

                    i++;
                }

                return true;
            }

            private static bool IsIdentifierPart(char c)
            {
                return c == '_' || char.IsLetterOrDigit(c)
                    || (c > 127 && char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation);
            }

            private static char NextNonSpace(char[] source, int index)
            {
                while (index < source.Length && char.IsWhiteSpace(source[index]))
                {
                    index++;
                }

                return index < source.Length ? source[index] : '\0';
            }

            /// <summary>The same names from the syntax: what the text scan falls back to.</summary>
            private static void Collect(SyntaxNode declaration, HashSet<int> mentions)
            {
                foreach (var node in declaration.DescendantNodes(static n => n is not AttributeListSyntax))
                {
                    switch (node)
                    {
                        case SimpleNameSyntax name:
                            mentions.Add(Hash(name.Identifier.ValueText));
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
            private static string[] AttributeNames(SyntaxNode declaration)
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

            private static bool IsSinkAttributeName(NameSyntax name) => RightmostName(name) is "LlmSink" or "LlmSinkAttribute";

            private static string RightmostName(NameSyntax name)
            {
                return name switch
                {
                    QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                    AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
                    SimpleNameSyntax simple => simple.Identifier.ValueText,
                    _ => name.ToString(),
                };
            }

            private static int[] ToArray(HashSet<int> set)
            {
                var array = new int[set.Count];
                set.CopyTo(array);
                return array;
            }
        }

        private sealed class Member
        {
            private readonly int[] _mentions;
            private readonly string[] _attributes;

            public Member(string? name, int[] mentions, string[] attributes)
            {
                Name = name;
                NameHash = name is null ? 0 : Hash(name);
                _mentions = mentions;
                _attributes = attributes;
            }

            /// <summary>The name calls reach it by: a method's name or <see cref="Constructor"/>; null for the rest.</summary>
            public string? Name { get; }

            public int NameHash { get; }

            public bool Mentions(HashSet<int> names)
            {
                foreach (var mention in _mentions)
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
}
