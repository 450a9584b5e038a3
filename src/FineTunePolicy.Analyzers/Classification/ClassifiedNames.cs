using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FineTunePolicy.Analyzers.Classification
{
    /// <summary>
    /// The names through which a method body can read classified data: members of this compilation's types and of
    /// referenced assemblies built against the classification attributes whose value carries a class (their own
    /// attribute or their containing type's), or whose type or return type does (a field holding customers, a method
    /// returning one). A result can carry a class only from something read, so a body that mentions none of these names
    /// returns nothing classified but what its parameters bring, and FTP0009 does not bind it.
    /// </summary>
    /// <remarks>
    /// The source is asked name by name, for the names the bodies FTP0009 looks at mention (the compiler's declaration table
    /// finds the members of a name without building the others), and each answer is kept for the compilation: an edit in the
    /// editor pays for the names of its document, not for every member of the solution. Referenced assemblies built against
    /// the annotations are few and small; their names are read once.
    /// </remarks>
    internal sealed class ClassifiedNames
    {
        private readonly Compilation _compilation;
        private readonly ClassificationIndex _classification;
        private readonly HashSet<string> _referenced;
        private static readonly ConditionalWeakTable<SyntaxTree, Dictionary<string, List<string>>> RecordProperties = new();

        private readonly ConcurrentDictionary<string, bool> _source = new(System.StringComparer.Ordinal);

        private ClassifiedNames(Compilation compilation, ClassificationIndex classification, HashSet<string> referenced)
        {
            _compilation = compilation;
            _classification = classification;
            _referenced = referenced;
        }

        public static ClassifiedNames Compute(Compilation compilation, ClassificationIndex classification, CancellationToken cancellationToken)
        {
            var referenced = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (!Annotations.IsAnnotationsAssembly(assembly.Identity) && Annotations.IsBuiltAgainstClassification(assembly))
                {
                    Collect(assembly.GlobalNamespace, classification, referenced, cancellationToken);
                }
            }

            return new ClassifiedNames(compilation, classification, referenced);
        }

        /// <summary>Whether the code block mentions one of the names (an identifier, written in any form).</summary>
        public bool AreMentionedIn(SyntaxNode codeBlock, CancellationToken cancellationToken)
        {
            foreach (var token in codeBlock.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.Parent is SimpleNameSyntax && IsClassifiedName(token.ValueText, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsClassifiedName(string name, CancellationToken cancellationToken)
        {
            if (_referenced.Contains(name))
            {
                return true;
            }

            if (_source.TryGetValue(name, out var known))
            {
                return known;
            }

            return _source.GetOrAdd(name, SourceMembers(name, cancellationToken).Any(member => IsClassified(member, _classification)));
        }

        private IEnumerable<ISymbol> SourceMembers(string name, CancellationToken cancellationToken)
        {
            foreach (var member in _compilation.GetSymbolsWithName(name, SymbolFilter.Member, cancellationToken))
            {
                yield return member;
            }

            // A record's positional properties are declared from its parameter list, which the declaration table does not list
            // among its members' names: find the records that declare the name, then their property.
            var hash = NameHash.Of(name);
            foreach (var tree in _compilation.SyntaxTrees)
            {
                if (!TreeNames.Of(tree).MayMention(tree, hash)
                    || !RecordProperties.GetValue(tree, static t => ReadRecordProperties(t)).TryGetValue(name, out var records))
                {
                    continue;
                }

                foreach (var record in records)
                {
                    foreach (var type in _compilation.GetSymbolsWithName(record, SymbolFilter.Type, cancellationToken))
                    {
                        foreach (var member in ((INamespaceOrTypeSymbol)type).GetMembers(name))
                        {
                            yield return member;
                        }
                    }
                }
            }
        }

        // The positional parameters of each record the tree declares, with the records' names.
        private static Dictionary<string, List<string>> ReadRecordProperties(SyntaxTree tree)
        {
            var properties = new Dictionary<string, List<string>>(System.StringComparer.Ordinal);
            var root = tree.GetRoot();
            foreach (var node in root.DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
            {
                if (node is RecordDeclarationSyntax { ParameterList: { } parameters } record)
                {
                    foreach (var parameter in parameters.Parameters)
                    {
                        if (!properties.TryGetValue(parameter.Identifier.ValueText, out var records))
                        {
                            properties[parameter.Identifier.ValueText] = records = new List<string>();
                        }

                        records.Add(record.Identifier.ValueText);
                    }
                }
            }

            return properties;
        }

        private static void Collect(INamespaceOrTypeSymbol container, ClassificationIndex classification, HashSet<string> names,
            CancellationToken cancellationToken)
        {
            foreach (var member in container.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member is INamespaceOrTypeSymbol nested)
                {
                    Collect(nested, classification, names, cancellationToken);
                }
                else if (IsClassified(member, classification))
                {
                    names.Add(member.Name);
                }
            }
        }

        private static bool IsClassified(ISymbol member, ClassificationIndex classification) => member switch
        {
            IFieldSymbol { IsImplicitlyDeclared: false } field => Carries(classification, field, field.Type),
            IPropertySymbol property => Carries(classification, property, property.Type),
            IMethodSymbol { MethodKind: MethodKind.Ordinary } method => Carries(classification, method, method.ReturnType)
                || !classification.ReturnClass(method).IsNone,
            _ => false,
        };

        private static bool Carries(ClassificationIndex classification, ISymbol member, ITypeSymbol type) =>
            !(member is IMethodSymbol) && !classification.MemberValue(member).IsNone || !classification.Whole(type).IsNone;
    }
}
