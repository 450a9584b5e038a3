using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FineTunePolicy.Analyzers.Flow
{
    /// <summary>
    /// The members one tree declares that produce an instance of a type, by the type's simple name: methods returning it (or a task of
    /// it), properties, fields and record parameters of it (hashes of names, <see cref="NameHash"/>). Read from the declarations'
    /// syntax only and kept with the tree, so an edit reads only its own tree again. By name, not by symbol: a type of the same name
    /// in another namespace adds names, which costs a search and never a writer; a using alias counts as the type it names.
    /// </summary>
    internal static class TypeProducers
    {
        private static readonly ConditionalWeakTable<SyntaxTree, Dictionary<int, List<int>>> Cache = new();

        public static Dictionary<int, List<int>> Of(SyntaxTree tree) => Cache.GetValue(tree, static t => Read(t.GetRoot()));

        private static Dictionary<int, List<int>> Read(SyntaxNode root)
        {
            var aliases = new Dictionary<string, string>(System.StringComparer.Ordinal);
            var producers = new Dictionary<int, List<int>>();
            foreach (var node in root.DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
            {
                switch (node)
                {
                    case UsingDirectiveSyntax { Alias: { } alias, NamespaceOrType: { } target }:
                        if (SimpleName(target) is { } named)
                        {
                            aliases[alias.Name.Identifier.ValueText] = named;
                        }

                        break;
                    case MethodDeclarationSyntax method:
                        Add(producers, aliases, method.ReturnType, method.Identifier.ValueText);
                        break;
                    case PropertyDeclarationSyntax property:
                        Add(producers, aliases, property.Type, property.Identifier.ValueText);
                        break;
                    case FieldDeclarationSyntax field:
                        foreach (var variable in field.Declaration.Variables)
                        {
                            Add(producers, aliases, field.Declaration.Type, variable.Identifier.ValueText);
                        }

                        break;
                    case RecordDeclarationSyntax { ParameterList: { } parameters }:
                        foreach (var parameter in parameters.Parameters)
                        {
                            Add(producers, aliases, parameter.Type, parameter.Identifier.ValueText);
                        }

                        break;
                }
            }

            return producers;
        }

        private static void Add(Dictionary<int, List<int>> producers, Dictionary<string, string> aliases, TypeSyntax? type, string member)
        {
            if (type is null || SimpleName(type) is not { } name)
            {
                return;
            }

            if (aliases.TryGetValue(name, out var aliased))
            {
                name = aliased;
            }

            var key = NameHash.Of(name);
            if (!producers.TryGetValue(key, out var names))
            {
                producers[key] = names = new List<int>();
            }

            names.Add(NameHash.Of(member));
        }

        // Customer, Ns.Customer, global::Ns.Customer, Customer?, Task<Customer>, ValueTask<Customer>: "Customer".
        private static string? SimpleName(TypeSyntax type)
        {
            while (true)
            {
                switch (type)
                {
                    case NullableTypeSyntax nullable:
                        type = nullable.ElementType;
                        continue;
                    case QualifiedNameSyntax qualified:
                        type = qualified.Right;
                        continue;
                    case AliasQualifiedNameSyntax aliasQualified:
                        type = aliasQualified.Name;
                        continue;
                    case GenericNameSyntax { Identifier.ValueText: "Task" or "ValueTask", TypeArgumentList.Arguments.Count: 1 } task:
                        type = task.TypeArgumentList.Arguments[0];
                        continue;
                    case SimpleNameSyntax simple:
                        return simple.Identifier.ValueText;
                    default:
                        return null;
                }
            }
        }
    }
}
