using System.Collections.Generic;

namespace FineTunePolicy.Build.Tasks.Schema
{
    /// <summary>
    /// The shape of a JSON value. The published JSON schemas (docs/schemas) are generated from these shapes and the
    /// structural validator checks files against the same shapes, so the two cannot disagree.
    /// </summary>
    internal abstract class Shape
    {
        protected Shape(string description)
        {
            Description = description;
        }

        /// <summary>What the value means; becomes the schema's description.</summary>
        public string Description { get; }

        /// <summary>"an object", "a string", ... for messages.</summary>
        public abstract string Expected { get; }
    }

    /// <summary>An object with a fixed set of keys (additionalProperties false).</summary>
    internal sealed class ObjectShape : Shape
    {
        public ObjectShape(string description, params Property[] properties)
            : base(description)
        {
            Properties = new List<Property>(properties);
        }

        public List<Property> Properties { get; }

        /// <summary>When set, the schema defines this shape once under $defs with this name.</summary>
        public string? DefinitionName { get; set; }

        /// <summary>A rule between keys (oneOf / anyOf in the schema).</summary>
        public KeyRule? Rule { get; set; }

        public override string Expected => "an object";

        public Property? Find(string name) => Properties.Find(p => p.Name == name);
    }

    /// <summary>A key of an object shape.</summary>
    internal sealed class Property
    {
        public Property(string name, Shape shape, bool required = false, string? example = null)
        {
            Name = name;
            Shape = shape;
            Required = required;
            Example = example;
        }

        public string Name { get; }

        public Shape Shape { get; }

        public bool Required { get; }

        /// <summary>A JSON example of the value, used in "add this key" messages.</summary>
        public string? Example { get; }
    }

    /// <summary>An array whose items all have one shape.</summary>
    internal sealed class ArrayShape : Shape
    {
        public ArrayShape(string description, Shape items, int minItems = 0)
            : base(description)
        {
            Items = items;
            MinItems = minItems;
        }

        public Shape Items { get; }

        public int MinItems { get; }

        public override string Expected => "an array";
    }

    /// <summary>A string, optionally limited to a list of values, a pattern or a date.</summary>
    internal sealed class StringShape : Shape
    {
        public StringShape(string description)
            : base(description)
        {
        }

        public string[]? Enum { get; set; }

        /// <summary>A regular expression that .NET and ECMAScript read alike.</summary>
        public string? Pattern { get; set; }

        /// <summary>The pattern in words, for messages.</summary>
        public string? PatternHint { get; set; }

        /// <summary>A calendar date written yyyy-MM-dd.</summary>
        public bool IsDate { get; set; }

        public int MinLength { get; set; }

        public override string Expected => IsDate ? "a date string (yyyy-MM-dd)" : "a string";
    }

    /// <summary>A whole number.</summary>
    internal sealed class IntegerShape : Shape
    {
        public IntegerShape(string description)
            : base(description)
        {
        }

        public long? Minimum { get; set; }

        public long? Maximum { get; set; }

        public long? Const { get; set; }

        public override string Expected => "a whole number";
    }

    /// <summary>true or false.</summary>
    internal sealed class BooleanShape : Shape
    {
        public BooleanShape(string description)
            : base(description)
        {
        }

        public override string Expected => "true or false";
    }

    /// <summary>How keys of one object exclude or need each other.</summary>
    internal enum KeyRuleKind
    {
        /// <summary>Exactly one of the two single keys (schema: oneOf of two required).</summary>
        ExactlyOne,

        /// <summary>At least one of the two single keys (schema: anyOf of two required).</summary>
        AtLeastOne,

        /// <summary>All keys of exactly one group and no key of any other group.</summary>
        EitherGroup,
    }

    /// <summary>A rule between keys of an object, with the sentence that tells a developer how to satisfy it.</summary>
    internal sealed class KeyRule
    {
        public KeyRule(KeyRuleKind kind, string[] first, string[] second, string hint)
            : this(kind, hint, first, second)
        {
        }

        /// <summary>A rule between two or more groups of keys (more than two only for <see cref="KeyRuleKind.EitherGroup"/>).</summary>
        public KeyRule(KeyRuleKind kind, string hint, params string[][] groups)
        {
            Kind = kind;
            Groups = groups;
            Hint = hint;
        }

        public KeyRuleKind Kind { get; }

        public string[][] Groups { get; }

        public string[] First => Groups[0];

        public string[] Second => Groups[1];

        public string Hint { get; }
    }
}
