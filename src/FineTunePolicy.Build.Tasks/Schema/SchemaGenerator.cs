using System.Collections.Generic;
using System.Linq;
using FineTunePolicy.Build.Tasks.Output;

namespace FineTunePolicy.Build.Tasks.Schema
{
    /// <summary>Turns a root <see cref="ObjectShape"/> into its published JSON Schema (draft 2020-12).</summary>
    internal static class SchemaGenerator
    {
        public static string Generate(ObjectShape root, string fileName, string title)
        {
            var definitions = new SortedDictionary<string, ObjectShape>(System.StringComparer.Ordinal);
            var schema = new JsonObject()
                .Add("$schema", "https://json-schema.org/draft/2020-12/schema")
                .Add("$id", PolicySchemas.SchemaBaseUri + fileName)
                .Add("title", title);
            foreach (var member in Describe(root, definitions, isRoot: true).Members)
            {
                schema.Add(member.Key, member.Value);
            }

            if (definitions.Count > 0)
            {
                var defs = new JsonObject();
                foreach (var definition in definitions)
                {
                    defs.Add(definition.Key, Describe(definition.Value, definitions, isRoot: true));
                }

                schema.Add("$defs", defs);
            }

            return JsonText.Write(schema, sortKeys: false);
        }

        private static JsonObject Describe(Shape shape, SortedDictionary<string, ObjectShape> definitions, bool isRoot = false)
        {
            if (!isRoot && shape is ObjectShape named && named.DefinitionName != null)
            {
                definitions[named.DefinitionName] = named;
                return new JsonObject().Add("$ref", "#/$defs/" + named.DefinitionName);
            }

            var result = new JsonObject().Add("description", shape.Description);
            switch (shape)
            {
                case ObjectShape obj:
                    result.Add("type", "object");
                    var properties = new JsonObject();
                    foreach (var property in obj.Properties)
                    {
                        properties.Add(property.Name, Describe(property.Shape, definitions));
                    }

                    result.Add("properties", properties);
                    var required = obj.Properties.Where(p => p.Required).Select(p => (object?)p.Name).ToList();
                    if (required.Count > 0)
                    {
                        result.Add("required", required);
                    }

                    result.Add("additionalProperties", false);
                    if (obj.Rule != null)
                    {
                        AddRule(result, obj.Rule);
                    }

                    break;
                case ArrayShape array:
                    result.Add("type", "array");
                    result.Add("items", Describe(array.Items, definitions));
                    if (array.MinItems > 0)
                    {
                        result.Add("minItems", array.MinItems);
                    }

                    break;
                case StringShape text:
                    result.Add("type", "string");
                    if (text.Enum != null)
                    {
                        result.Add("enum", text.Enum.Cast<object?>().ToList());
                    }

                    if (text.IsDate)
                    {
                        result.Add("format", "date");
                        result.Add("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
                    }

                    if (text.Pattern != null)
                    {
                        result.Add("pattern", text.Pattern);
                    }

                    if (text.MinLength > 0)
                    {
                        result.Add("minLength", text.MinLength);
                    }

                    break;
                case IntegerShape integer:
                    result.Add("type", "integer");
                    if (integer.Const.HasValue)
                    {
                        result.Add("const", integer.Const.Value);
                    }

                    if (integer.Minimum.HasValue)
                    {
                        result.Add("minimum", integer.Minimum.Value);
                    }

                    if (integer.Maximum.HasValue)
                    {
                        result.Add("maximum", integer.Maximum.Value);
                    }

                    break;
                case BooleanShape:
                    result.Add("type", "boolean");
                    break;
            }

            return result;
        }

        private static void AddRule(JsonObject result, KeyRule rule)
        {
            JsonObject Required(params string[] keys) => new JsonObject().Add("required", keys.Cast<object?>().ToList());
            JsonObject NoneOf(string[] keys) => new JsonObject().Add("not", new JsonObject().Add("anyOf", keys.Select(k => (object?)Required(k)).ToList()));
            switch (rule.Kind)
            {
                case KeyRuleKind.ExactlyOne:
                    result.Add("oneOf", new List<object?> { Required(rule.First), Required(rule.Second) });
                    break;
                case KeyRuleKind.AtLeastOne:
                    result.Add("anyOf", new List<object?> { Required(rule.First), Required(rule.Second) });
                    break;
                default:
                    // Each group: all of its keys, and none of the other groups' keys.
                    var groups = new List<object?>();
                    foreach (var group in rule.Groups)
                    {
                        var alternative = Required(group);
                        foreach (var member in NoneOf(rule.Groups.Where(g => g != group).SelectMany(g => g).ToArray()).Members)
                        {
                            alternative.Add(member.Key, member.Value);
                        }

                        groups.Add(alternative);
                    }

                    result.Add("oneOf", groups);
                    break;
            }
        }
    }
}
