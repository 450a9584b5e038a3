using Microsoft.CodeAnalysis;

namespace FineTunePolicy.Analyzers
{
    /// <summary>The attributes of FineTunePolicy.Annotations that the analyzer reads.</summary>
    internal enum AnnotationAttribute
    {
        None,
        Classified,
        Public,
        Internal,
        Confidential,
        Restricted,
        Declassifies,
        LlmSink,
    }

    /// <summary>
    /// The one recogniser of our own attributes and assembly, and of the Microsoft.Extensions.Compliance
    /// classification attributes. A type is ours by its name and namespace (a top-level type of namespace
    /// <c>FineTunePolicy</c>), never by looking it up in the compilation: a lookup by metadata name finds nothing when
    /// two referenced assemblies define the type. An assembly is ours, or built against ours, by its identity.
    /// </summary>
    internal static class Annotations
    {
        public const string AssemblyName = "FineTunePolicy.Annotations";
        public const string Namespace = "FineTunePolicy";

        /// <summary>The assembly that defines <c>DataClassificationAttribute</c>.</summary>
        public const string ComplianceAssemblyName = "Microsoft.Extensions.Compliance.Abstractions";
        public const string ComplianceNamespace = "Microsoft.Extensions.Compliance.Classification";

        /// <summary>Which of our attributes <paramref name="type"/> is, or <see cref="AnnotationAttribute.None"/>.</summary>
        public static AnnotationAttribute Recognise(INamedTypeSymbol? type)
        {
            if (type is null || type.ContainingType is not null || !type.Name.EndsWith("Attribute", System.StringComparison.Ordinal))
            {
                return AnnotationAttribute.None;
            }

            var kind = type.Name switch
            {
                "ClassifiedAttribute" => AnnotationAttribute.Classified,
                "PublicAttribute" => AnnotationAttribute.Public,
                "InternalAttribute" => AnnotationAttribute.Internal,
                "ConfidentialAttribute" => AnnotationAttribute.Confidential,
                "RestrictedAttribute" => AnnotationAttribute.Restricted,
                "DeclassifiesAttribute" => AnnotationAttribute.Declassifies,
                "LlmSinkAttribute" => AnnotationAttribute.LlmSink,
                _ => AnnotationAttribute.None,
            };

            return kind != AnnotationAttribute.None && SymbolNames.IsInNamespace(type, Namespace) ? kind : AnnotationAttribute.None;
        }

        public static bool Is(INamedTypeSymbol? type, AnnotationAttribute attribute) => Recognise(type) == attribute;

        /// <summary>How source may write one of our attributes: <c>LlmSink</c> or <c>LlmSinkAttribute</c> (aliases aside).</summary>
        public static string[] WrittenNames(AnnotationAttribute attribute)
        {
            var name = attribute.ToString();
            return new[] { name, name + "Attribute" };
        }

        /// <summary>Whether a name written in source (an attribute, an alias's target) can stand for <paramref name="attribute"/>.</summary>
        public static bool IsWrittenName(string written, AnnotationAttribute attribute)
        {
            var name = attribute.ToString();
            return written == name || written == name + "Attribute";
        }

        /// <summary>Microsoft.Extensions.Compliance's <c>DataClassificationAttribute</c>, the base of every classification attribute there.</summary>
        public static bool IsComplianceClassification(INamedTypeSymbol? type) => IsComplianceType(type, "DataClassificationAttribute");

        /// <summary>Microsoft.Extensions.Compliance's <c>NoDataClassificationAttribute</c> (Public).</summary>
        public static bool IsComplianceNoClassification(INamedTypeSymbol? type) => IsComplianceType(type, "NoDataClassificationAttribute");

        /// <summary>Microsoft.Extensions.Compliance's <c>Redactor</c>, whose <c>Redact</c> caps at Public.</summary>
        public static bool IsComplianceRedactor(INamedTypeSymbol? type) =>
            type is { Name: "Redactor", ContainingType: null } && SymbolNames.IsInNamespace(type, "Microsoft.Extensions.Compliance.Redaction");

        public static bool IsAnnotationsAssembly(AssemblyIdentity identity) => identity.Name == AssemblyName;

        /// <summary>Whether a referenced assembly was built against the annotations (so it may classify data or declare sinks).</summary>
        public static bool IsBuiltAgainstAnnotations(IAssemblySymbol assembly) => References(assembly, AssemblyName, null);

        /// <summary>Whether a referenced assembly was built against the annotations or Microsoft.Extensions.Compliance's classification.</summary>
        public static bool IsBuiltAgainstClassification(IAssemblySymbol assembly) => References(assembly, AssemblyName, ComplianceAssemblyName);

        /// <summary>Whether the compilation references an assembly named <paramref name="name"/> (its identity, nothing loaded).</summary>
        public static bool IsReferenced(Compilation compilation, string name)
        {
            foreach (var identity in compilation.ReferencedAssemblyNames)
            {
                if (identity.Name == name)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsComplianceType(INamedTypeSymbol? type, string name) =>
            type is not null && type.ContainingType is null && type.Name == name && SymbolNames.IsInNamespace(type, ComplianceNamespace);

        private static bool References(IAssemblySymbol assembly, string name, string? otherName)
        {
            foreach (var module in assembly.Modules)
            {
                foreach (var reference in module.ReferencedAssemblies)
                {
                    if (reference.Name == name || reference.Name == otherName)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
