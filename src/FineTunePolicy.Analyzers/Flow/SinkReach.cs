using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using FineTunePolicy.Analyzers.Policy;
using FineTunePolicy.Analyzers.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

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

        private readonly HashSet<string> _reaching;

        private SinkReach(HashSet<string> reaching)
        {
            _reaching = reaching;
        }

        /// <summary>How many method names can reach a sink (a regression measure of the filter, not of time).</summary>
        public int ReachingNameCount => _reaching.Count;

        public static SinkReach Compute(Compilation compilation, ResolvedPolicy policy, CancellationToken cancellationToken)
        {
            var reaching = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var entry in SinkCatalog.Entries)
            {
                reaching.UnionWith(entry.Methods);
            }

            foreach (var sink in policy.Sinks)
            {
                reaching.Add(sink.MethodName);
            }

            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (assembly.Identity.Name != "FineTunePolicy.Annotations" && ReferencesAnnotations(assembly))
                {
                    reaching.UnionWith(MetadataSinks.GetValue(assembly, DeclaredSinks));
                }
            }

            var trees = new List<TreeNames>();
            var sinkAttributes = new HashSet<string>(System.StringComparer.Ordinal) { "LlmSink", "LlmSinkAttribute" };
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var names = Trees.GetValue(tree, static t => new TreeNames(t.GetRoot()));
                trees.Add(names);
                sinkAttributes.UnionWith(names.SinkAttributeAliases);
            }

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
                        reaching.Add(member.Name);
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
                    if (reaching.Contains(member.Name!) || member.Mentions(reaching))
                    {
                        changed |= reaching.Add(member.Name!);
                        pending[i] = pending[pending.Count - 1];
                        pending.RemoveAt(pending.Count - 1);
                    }
                }
            }

            return new SinkReach(reaching);
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

        private static bool ReferencesAnnotations(IAssemblySymbol assembly)
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
                var topLevel = new HashSet<string>(System.StringComparer.Ordinal);
                foreach (var node in root.DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
                {
                    switch (node)
                    {
                        case UsingDirectiveSyntax { Alias: { } alias, Name: { } target } when IsSinkAttributeName(target):
                            SinkAttributeAliases.Add(alias.Name.Identifier.ValueText);
                            break;
                        case GlobalStatementSyntax statement:
                            Collect(statement, topLevel);
                            break;
                        case BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax:
                            Members[node.SpanStart] = new Member(NameOf(node), Mentions(node), AttributeNames(node));
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

            private static string[] Mentions(SyntaxNode declaration)
            {
                var mentions = new HashSet<string>(System.StringComparer.Ordinal);
                Collect(declaration, mentions);
                return ToArray(mentions);
            }

            private static void Collect(SyntaxNode declaration, HashSet<string> mentions)
            {
                foreach (var node in declaration.DescendantNodes(static n => n is not AttributeListSyntax))
                {
                    switch (node)
                    {
                        case SimpleNameSyntax name:
                            mentions.Add(name.Identifier.ValueText);
                            break;
                        case BaseObjectCreationExpressionSyntax or ConstructorInitializerSyntax:
                            mentions.Add(Constructor);
                            break;
                        case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.CollectionInitializerExpression):
                            mentions.Add("Add");
                            break;
                        case InterpolatedStringExpressionSyntax:
                            // Interpolated string handlers are called by pattern.
                            mentions.Add("AppendLiteral");
                            mentions.Add("AppendFormatted");
                            break;
                        case QueryExpressionSyntax:
                            mentions.UnionWith(QueryMethods);
                            break;
                    }
                }
            }

            private static string[] AttributeNames(SyntaxNode declaration)
            {
                List<string>? names = null;
                foreach (var node in declaration.DescendantNodes(static n => n is not (BlockSyntax or ArrowExpressionClauseSyntax or AccessorListSyntax)))
                {
                    if (node is AttributeSyntax attribute)
                    {
                        (names ??= new List<string>()).Add(RightmostName(attribute.Name));
                    }
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

            private static string[] ToArray(HashSet<string> set)
            {
                var array = new string[set.Count];
                set.CopyTo(array);
                return array;
            }
        }

        private sealed class Member
        {
            private readonly string[] _mentions;
            private readonly string[] _attributes;

            public Member(string? name, string[] mentions, string[] attributes)
            {
                Name = name;
                _mentions = mentions;
                _attributes = attributes;
            }

            /// <summary>The name calls reach it by: a method's name or <see cref="Constructor"/>; null for the rest.</summary>
            public string? Name { get; }

            public bool Mentions(HashSet<string> names)
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
