using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
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
    /// compilation's syntax (<see cref="TreeNames"/>): the sink methods the Sinks room names and every <c>[LlmSink]</c>
    /// method of the source, then every method whose body names one of them. A name stands for every symbol that bears
    /// it, so a shared name costs an analysis, never a finding. Bodies that are analysed still follow their callees
    /// through summaries, whatever their names.
    /// </remarks>
    internal sealed class SinkReach
    {
        private readonly HashSet<int> _reaching;

        private SinkReach(HashSet<int> reaching)
        {
            _reaching = reaching;
        }

        /// <summary>How many method names can reach a sink (a regression measure of the filter, not of time).</summary>
        public int ReachingNameCount => _reaching.Count;

        /// <summary>The names that reach <paramref name="sinkNames"/> (from <c>Sinks.SinkNames</c>), to a fixed point.</summary>
        public static SinkReach Compute(Compilation compilation, IEnumerable<string> sinkNames, CancellationToken cancellationToken) =>
            Compute(compilation, sinkNames, followCallers: true, cancellationToken);

        /// <summary>The names of the sinks alone, with those the source declares: the bodies that call a sink themselves.</summary>
        public static SinkReach Direct(Compilation compilation, IEnumerable<string> sinkNames, CancellationToken cancellationToken) =>
            Compute(compilation, sinkNames, followCallers: false, cancellationToken);

        [MethodImpl(HotPath.Optimized)]
        private static SinkReach Compute(Compilation compilation, IEnumerable<string> sinkNames, bool followCallers, CancellationToken cancellationToken)
        {
            var reaching = new HashSet<int>();
            foreach (var name in sinkNames)
            {
                reaching.Add(NameHash.Of(name));
            }

            var trees = NamesOf(compilation, out var sinkAttributes, cancellationToken);

            // Tools are sinks too (their results go to the model): [KernelFunction] methods, and bodies that make a tool of a delegate.
            sinkAttributes.UnionWith(MethodFlow.ToolAttributeNames);
            foreach (var name in MethodFlow.ToolFactoryNames)
            {
                reaching.Add(NameHash.Of(name));
            }

            // Named members not known to reach a sink yet; each round moves those that name one into the set.
            var pending = new List<TreeNames.Member>();
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

            for (var changed = followCallers; changed;)
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

        /// <summary>
        /// Whether the member that holds <paramref name="codeBlock"/> (a method, constructor, accessor, operator, or the
        /// top-level statements) names a method that can reach a sink.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public bool MayReachSink(SyntaxNode codeBlock)
        {
            var names = TreeNames.Of(codeBlock.SyntaxTree);
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

        /// <summary>
        /// Whether <paramref name="body"/>, the body of a method, constructor, accessor or operator, names nothing that can reach a
        /// sink: then it holds no sink check, and none of its parameters reaches a sink through it. No for any other body (a
        /// primary constructor's initializers, top-level statements), which is answered by analysis.
        /// </summary>
        public bool CannotReachSink(SyntaxNode body) => TreeNames.MemberOf(body) is { } member && !member.Mentions(_reaching);

        /// <summary>The names of every tree (cached per tree), and what <c>[LlmSink]</c> is written as: its names and aliases.</summary>
        private static List<TreeNames> NamesOf(Compilation compilation, out HashSet<string> sinkAttributes, CancellationToken cancellationToken)
        {
            var trees = new List<TreeNames>();
            sinkAttributes = new HashSet<string>(Annotations.WrittenNames(AnnotationAttribute.LlmSink), System.StringComparer.Ordinal);
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var names = TreeNames.Of(tree);
                trees.Add(names);
                foreach (var alias in names.Aliases)
                {
                    if (Annotations.IsWrittenName(alias.Value, AnnotationAttribute.LlmSink))
                    {
                        sinkAttributes.Add(alias.Key);
                    }
                }
            }

            return trees;
        }
    }
}
