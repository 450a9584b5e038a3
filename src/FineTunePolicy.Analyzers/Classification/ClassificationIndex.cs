using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace FineTunePolicy.Analyzers.Classification
{
    /// <summary>
    /// The classification of symbols and types in one compilation (docs/classifying-data.md). Every answer is
    /// cached per symbol, so each attribute list is read once per compilation.
    /// </summary>
    internal sealed class ClassificationIndex
    {
        private readonly ImmutableDictionary<string, (DataClass Class, DataCategory Categories)> _attributeMappings;
        private readonly IAssemblySymbol _sourceAssembly;
        private readonly SharedCache<INamedTypeSymbol, AttributeMeaning> _attributeMeanings = new(SymbolEqualityComparer.Default);
        private readonly SharedCache<ISymbol, Taint?> _explicit = new(SymbolEqualityComparer.Default);
        private readonly SharedCache<ISymbol, Taint> _memberValues = new(SymbolEqualityComparer.Default);
        private readonly SharedCache<ITypeSymbol, Taint> _ownTypeClass = new(SymbolEqualityComparer.Default);
        private readonly SharedCache<ITypeSymbol, Taint> _wholeTypeClass = new(SymbolEqualityComparer.Default);
        private readonly SharedCache<IAssemblySymbol, bool> _classifyingAssemblies = new(SymbolEqualityComparer.Default);

        /// <param name="attributeMappings">The policy's organisation attributes (full metadata name) with their class and categories.</param>
        public ClassificationIndex(Compilation compilation, ImmutableDictionary<string, (DataClass Class, DataCategory Categories)> attributeMappings)
        {
            _attributeMappings = attributeMappings;
            _sourceAssembly = compilation.Assembly;
        }

        /// <summary>The class set by the symbol's own attributes (member, parameter, type), or null when it has none.</summary>
        [MethodImpl(HotPath.Optimized)]
        public Taint? Explicit(ISymbol symbol)
        {
            // Most symbols carry no attribute: answered without an entry in the shared cache, whose writes contend across threads.
            if (symbol.GetAttributes().IsEmpty && symbol is not IPropertySymbol { ContainingType.IsRecord: true })
            {
                return null;
            }

            return _explicit.GetOrAdd(symbol, static (s, self) => self.ComputeExplicit(s), this);
        }

        /// <summary>The class of a method's result set by <c>[return: ...]</c>.</summary>
        public Taint ReturnClass(IMethodSymbol method)
        {
            return FromAttributes(method.GetReturnTypeAttributes(), method) ?? Taint.None;
        }

        /// <summary>
        /// The class of reading member <paramref name="member"/> (docs/classifying-data.md, "Type and member precedence"), apart from the
        /// whole-object class of its type (the flow adds that where the value is used as a
        /// whole): its own attribute, which overrides everything, else its containing type's class.
        /// </summary>
        public Taint MemberValue(ISymbol member)
        {
            return _memberValues.GetOrAdd(member, static (m, self) => self.ComputeMemberValue(m), this);
        }

        /// <summary>
        /// Whether reading <paramref name="member"/> carries a class (<see cref="MemberValue"/> is not none), answered without naming the
        /// source or keeping an entry: a question asked of many members that are never read.
        /// </summary>
        public bool CarriesClass(ISymbol member)
        {
            if (Explicit(member) is { } own)
            {
                return !own.IsNone;
            }

            return member.ContainingType is { } containing && !OwnTypeClass(containing).IsNone;
        }

        /// <summary>The class of a value of <paramref name="type"/> sent as a whole (members, containers, bases).</summary>
        public Taint Whole(ITypeSymbol? type)
        {
            if (type is null || type.SpecialType == SpecialType.System_String || type.SpecialType == SpecialType.System_Object)
            {
                return Taint.None;
            }

            return _wholeTypeClass.GetOrAdd(type, static (t, self) => self.ComputeWhole(t), this);
        }

        private Taint ComputeMemberValue(ISymbol member)
        {
            if (Explicit(member) is { } own)
            {
                return own;
            }

            if (member.ContainingType is { } containing)
            {
                var typeClass = OwnTypeClass(containing);
                if (!typeClass.IsNone)
                {
                    return Taint.From(new DataSource(SymbolNames.Short(member), typeClass.Class, typeClass.Categories, FirstSourceLocation(member)));
                }
            }

            return Taint.None;
        }

        /// <summary>Attributes on the type itself, its base types and its interfaces (the maximum wins).</summary>
        private Taint OwnTypeClass(ITypeSymbol type)
        {
            // A constructed type has its definition's attributes, and so have its bases and interfaces: List<Customer> and
            // List<Order> share the answer of List<T>, which lists the interfaces once.
            return _ownTypeClass.GetOrAdd(type.OriginalDefinition, static (t, self) =>
            {
                var result = Taint.None;
                for (var current = t; current is not null; current = current.BaseType)
                {
                    if (current.SpecialType == SpecialType.System_Object)
                    {
                        break;
                    }

                    result = Taint.Join(result, self.Explicit(current) ?? Taint.None);
                }

                foreach (var contract in t.AllInterfaces)
                {
                    result = Taint.Join(result, self.Explicit(contract) ?? Taint.None);
                }

                return result;
            }, this);
        }

        // Breadth-first over everything reachable from the type (members, element and type
        // arguments, bases), so that cycles terminate and the answer does not depend on the
        // order in which types were asked for.
        [MethodImpl(HotPath.Optimized)]
        private Taint ComputeWhole(ITypeSymbol root)
        {
            var result = Taint.None;
            var seen = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default) { root };
            var queue = new Queue<ITypeSymbol>();
            queue.Enqueue(root);

            void Enqueue(ITypeSymbol? type)
            {
                if (type is null || type.SpecialType == SpecialType.System_String || type.SpecialType == SpecialType.System_Object || !seen.Add(type))
                {
                    return;
                }

                if (!SymbolEqualityComparer.Default.Equals(type, root) && _wholeTypeClass.TryGetValue(type, out var known))
                {
                    result = Taint.Join(result, known);
                    return;
                }

                queue.Enqueue(type);
            }

            while (queue.Count > 0)
            {
                var type = queue.Dequeue();
                result = Taint.Join(result, OwnTypeClass(type));

                switch (type)
                {
                    case IArrayTypeSymbol array:
                        Enqueue(array.ElementType);
                        continue;
                    case IPointerTypeSymbol:
                    case ITypeParameterSymbol:
                        continue;
                    case INamedTypeSymbol named:
                        foreach (var argument in named.TypeArguments)
                        {
                            Enqueue(argument);
                        }

                        if (named.IsTupleType)
                        {
                            foreach (var element in named.TupleElements)
                            {
                                Enqueue(element.Type);
                            }
                        }

                        break;
                }

                if (type.TypeKind == TypeKind.Enum || !IsClassifyingAssembly(type.ContainingAssembly))
                {
                    continue;
                }

                Enqueue(type.BaseType);
                foreach (var member in type.GetMembers())
                {
                    ITypeSymbol? memberType;
                    switch (member)
                    {
                        case IFieldSymbol { IsStatic: false, IsConst: false } field when field.AssociatedSymbol is null:
                            memberType = field.Type;
                            break;
                        case IPropertySymbol { IsStatic: false, IsIndexer: false } property:
                            memberType = property.Type;
                            break;
                        default:
                            continue;
                    }

                    if (Explicit(member) is { } own)
                    {
                        result = Taint.Join(result, own);
                    }
                    else
                    {
                        Enqueue(memberType);
                    }
                }
            }

            return result;
        }

        private bool IsClassifyingAssembly(IAssemblySymbol? assembly)
        {
            if (assembly is null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(assembly, _sourceAssembly))
            {
                return true;
            }

            return _classifyingAssemblies.GetOrAdd(assembly, static (a, self) =>
            {
                if (Annotations.IsBuiltAgainstClassification(a))
                {
                    return true;
                }

                // Organisation attributes mapped by the policy can live anywhere but in the framework.
                return !self._attributeMappings.IsEmpty && !IsFrameworkAssembly(a.Name);
            }, this);
        }

        private static bool IsFrameworkAssembly(string name)
        {
            return name.StartsWith("System", System.StringComparison.Ordinal)
                || name.StartsWith("Microsoft.", System.StringComparison.Ordinal)
                || name == "mscorlib"
                || name == "netstandard";
        }

        [MethodImpl(HotPath.Optimized)]
        private Taint? ComputeExplicit(ISymbol symbol)
        {
            var own = FromAttributes(symbol.GetAttributes(), symbol);

            // A positional record's property takes the attribute of its primary-constructor parameter.
            if (own is null && symbol is IPropertySymbol { ContainingType.IsRecord: true } property)
            {
                foreach (var constructor in property.ContainingType.InstanceConstructors)
                {
                    foreach (var parameter in constructor.Parameters)
                    {
                        if (parameter.Name == property.Name && SymbolEqualityComparer.Default.Equals(parameter.Type, property.Type)
                            && FromAttributes(parameter.GetAttributes(), symbol) is { } fromParameter)
                        {
                            return fromParameter;
                        }
                    }
                }
            }

            return own;
        }

        // The class that the attributes give a value read from source (a member, a method's result), named after the source. The name and
        // location are built only once an attribute classifies: most symbols asked about have no classifying attribute.
        [MethodImpl(HotPath.Optimized)]
        private Taint? FromAttributes(ImmutableArray<AttributeData> attributes, ISymbol source)
        {
            Taint? result = null;
            string? sourceName = null;
            Location? location = null;
            foreach (var attribute in attributes)
            {
                if (attribute.AttributeClass is not { } attributeClass)
                {
                    continue;
                }

                var meaning = _attributeMeanings.GetOrAdd(attributeClass, static (c, self) => self.Interpret(c), this);
                if (!meaning.Classifies)
                {
                    continue;
                }

                var dataClass = meaning.Class;
                if (meaning.ReadsConstructorArgument && attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Type?.Name == "DataClass"
                    && attribute.ConstructorArguments[0].Value is int value)
                {
                    dataClass = (DataClass)System.Math.Max(0, System.Math.Min(3, value));
                }

                var categories = meaning.Categories;
                foreach (var named in attribute.NamedArguments)
                {
                    if (named.Key == "Categories" && named.Value.Value is int flags)
                    {
                        categories |= (DataCategory)flags;
                    }
                }

                if (sourceName is null)
                {
                    sourceName = source is ITypeSymbol ? source.Name : SymbolNames.Short(source);
                    location = FirstSourceLocation(source);
                }

                var taint = Taint.From(new DataSource(sourceName, dataClass, categories, location));
                result = result is { } previous ? Taint.Join(previous, taint) : taint;
            }

            return result;
        }

        private AttributeMeaning Interpret(INamedTypeSymbol attributeClass)
        {
            var fullName = SymbolNames.FullMetadataName(attributeClass);
            if (_attributeMappings.TryGetValue(fullName, out var mapped))
            {
                return new AttributeMeaning(true, mapped.Class, mapped.Categories, readsConstructorArgument: false);
            }

            switch (Annotations.Recognise(attributeClass))
            {
                case AnnotationAttribute.Public: return new AttributeMeaning(true, DataClass.Public, DataCategory.None, false);
                case AnnotationAttribute.Internal: return new AttributeMeaning(true, DataClass.Internal, DataCategory.None, false);
                case AnnotationAttribute.Confidential: return new AttributeMeaning(true, DataClass.Confidential, DataCategory.None, false);
                case AnnotationAttribute.Restricted: return new AttributeMeaning(true, DataClass.Restricted, DataCategory.None, false);
                case AnnotationAttribute.Classified: return new AttributeMeaning(true, DataClass.Confidential, DataCategory.None, true);
            }

            for (var type = attributeClass.BaseType; type is not null; type = type.BaseType)
            {
                if (Annotations.Is(type, AnnotationAttribute.Classified))
                {
                    // An organisation's own subclass: its constructor decides; without a mapping, Confidential.
                    return new AttributeMeaning(true, DataClass.Confidential, DataCategory.None, true);
                }

                if (Annotations.IsComplianceClassification(type))
                {
                    var isNone = Annotations.IsComplianceNoClassification(attributeClass);
                    return new AttributeMeaning(true, isNone ? DataClass.Public : DataClass.Confidential, DataCategory.None, false);
                }
            }

            return AttributeMeaning.NotClassifying;
        }

        private static Location? FirstSourceLocation(ISymbol symbol)
        {
            foreach (var location in symbol.Locations)
            {
                if (location.IsInSource)
                {
                    return location;
                }
            }

            return null;
        }

        private readonly struct AttributeMeaning
        {
            public static readonly AttributeMeaning NotClassifying = default;

            public AttributeMeaning(bool classifies, DataClass dataClass, DataCategory categories, bool readsConstructorArgument)
            {
                Classifies = classifies;
                Class = dataClass;
                Categories = categories;
                ReadsConstructorArgument = readsConstructorArgument;
            }

            public bool Classifies { get; }

            public DataClass Class { get; }

            public DataCategory Categories { get; }

            public bool ReadsConstructorArgument { get; }
        }
    }
}
