using System.Collections.Concurrent;
using System.Collections.Generic;
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
    /// The source is asked name by name, for the names the bodies FTP0009 looks at mention: the types that declare a member of
    /// each name are read once from the declaration table (names only, no member built), and only the members of an asked name
    /// are built and judged. Each answer is kept for the compilation: an edit in the editor pays for the names of its document,
    /// not for every member of the solution. Referenced assemblies built against
    /// the annotations are few and small; their names are read once.
    /// Names are kept as hashes (<see cref="NameHash"/>), and a body's names are those its member's text mentions
    /// (<see cref="TreeNames.Member.MentionedNames"/>, already read to decide whether the body reaches a sink). A word of a comment
    /// or a hash shared by two names can only make a body look like it reads classified data: a summary more, never a finding less.
    /// </remarks>
    internal sealed class ClassifiedNames
    {
        private readonly Compilation _compilation;
        private readonly ClassificationIndex _classification;
        private readonly HashSet<int> _referenced;
        private Dictionary<int, Declared>? _declaringTypes;

        private readonly SharedCache<int, bool> _source = new();

        private ClassifiedNames(Compilation compilation, ClassificationIndex classification, HashSet<int> referenced)
        {
            _compilation = compilation;
            _classification = classification;
            _referenced = referenced;
        }

        public static ClassifiedNames Compute(Compilation compilation, ClassificationIndex classification, CancellationToken cancellationToken)
        {
            var referenced = new HashSet<int>();
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (!Annotations.IsAnnotationsAssembly(assembly.Identity) && Annotations.IsBuiltAgainstClassification(assembly))
                {
                    Collect(assembly.GlobalNamespace, classification, referenced, cancellationToken);
                }
            }

            return new ClassifiedNames(compilation, classification, referenced);
        }

        /// <summary>Whether the member that holds the code block mentions one of the names (in any form its text spells it).</summary>
        public bool AreMentionedIn(SyntaxNode codeBlock, CancellationToken cancellationToken)
        {
            if (TreeNames.MemberOf(codeBlock) is not { } member)
            {
                // Not a member's declaration: every name of the block, read from its syntax.
                foreach (var token in codeBlock.DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.IdentifierToken) && token.Parent is SimpleNameSyntax
                        && IsClassifiedName(NameHash.Of(token.ValueText), cancellationToken))
                    {
                        return true;
                    }
                }

                return false;
            }

            foreach (var name in member.MentionedNames)
            {
                if (IsClassifiedName(name, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        [MethodImpl(HotPath.Optimized)]
        private bool IsClassifiedName(int name, CancellationToken cancellationToken)
        {
            if (_referenced.Contains(name))
            {
                return true;
            }

            if (_source.TryGetValue(name, out var known))
            {
                return known;
            }

            return _source.GetOrAdd(name, DeclaresClassified(name, cancellationToken));
        }

        // Whether a source member of that name carries a class. Most names asked are declared by no type, or by types whose members
        // of that name carry nothing; those are judged member by member, with no enumerator or closure made per name.
        [MethodImpl(HotPath.Optimized)]
        private bool DeclaresClassified(int name, CancellationToken cancellationToken)
        {
            if (!DeclaringTypes(cancellationToken).TryGetValue(name, out var declared))
            {
                return false;
            }

            foreach (var (memberName, type) in declared.Members)
            {
                foreach (var member in type.GetMembers(memberName))
                {
                    if (IsClassified(member, _classification))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// The source types that declare a member of each name, read once per compilation from the declaration table (a type's member
        /// names, no member built), and for records from their syntax.
        /// </summary>
        /// <remarks>Keyed by the name's hash; two names with one hash share the entry, and both are asked.</remarks>
        [MethodImpl(HotPath.Optimized)]
        private Dictionary<int, Declared> DeclaringTypes(CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _declaringTypes) is { } known)
            {
                return known;
            }

            var types = new Dictionary<int, Declared>();
            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(_compilation.Assembly.GlobalNamespace);
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var container = pending.Pop();
                if (container is INamespaceSymbol ns)
                {
                    foreach (var member in ns.GetMembers())
                    {
                        pending.Push(member);
                    }

                    continue;
                }

                var type = (INamedTypeSymbol)container;
                foreach (var nested in type.GetTypeMembers())
                {
                    pending.Push(nested);
                }

                if (!type.IsRecord)
                {
                    foreach (var name in type.MemberNames)
                    {
                        Add(types, name, type);
                    }

                    continue;
                }

                // A record's member names would build all its members (the synthesized ones too); its syntax names the fields,
                // properties and methods FTP0009 asks about, and its positional properties, which the declaration table omits.
                foreach (var reference in type.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(cancellationToken) is not RecordDeclarationSyntax record)
                    {
                        continue;
                    }

                    foreach (var parameter in record.ParameterList?.Parameters ?? default)
                    {
                        Add(types, parameter.Identifier.ValueText, type);
                    }

                    foreach (var member in record.Members)
                    {
                        switch (member)
                        {
                            case MethodDeclarationSyntax method:
                                Add(types, method.Identifier.ValueText, type);
                                break;
                            case PropertyDeclarationSyntax property:
                                Add(types, property.Identifier.ValueText, type);
                                break;
                            case BaseFieldDeclarationSyntax field:
                                foreach (var variable in field.Declaration.Variables)
                                {
                                    Add(types, variable.Identifier.ValueText, type);
                                }

                                break;
                        }
                    }
                }
            }

            Interlocked.CompareExchange(ref _declaringTypes, types, null);
            return _declaringTypes!;

            static void Add(Dictionary<int, Declared> types, string name, INamedTypeSymbol type)
            {
                var hash = NameHash.Of(name);
                if (!types.TryGetValue(hash, out var declared))
                {
                    types[hash] = declared = new Declared();
                }

                declared.Add(name, type);
            }
        }

        /// <summary>The source types that declare a member of one name (of one hash: rarely, of two names).</summary>
        private sealed class Declared
        {
            public List<(string Name, INamedTypeSymbol Type)> Members { get; } = new();

            public void Add(string name, INamedTypeSymbol type)
            {
                // Each type's names are added together, so a repeated name (a record parameter also declared as a member) is the last one.
                var count = Members.Count;
                if (count == 0 || !ReferenceEquals(Members[count - 1].Type, type) || Members[count - 1].Name != name)
                {
                    Members.Add((name, type));
                }
            }
        }

        private static void Collect(INamespaceOrTypeSymbol container, ClassificationIndex classification, HashSet<int> names,
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
                    names.Add(NameHash.Of(member.Name));
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
            !(member is IMethodSymbol) && classification.CarriesClass(member) || !classification.Whole(type).IsNone;
    }
}
