using System.Collections.Generic;

namespace FineTunePolicy.Build.Tasks.Json
{
    /// <summary>The kind of a JSON value.</summary>
    internal enum JsonKind
    {
        Object,
        Array,
        String,
        Number,
        True,
        False,
        Null,
    }

    /// <summary>A JSON value together with the 1-based line and column where it starts in its file.</summary>
    internal sealed class JsonNode
    {
        public JsonNode(JsonKind kind, int line, int column)
        {
            Kind = kind;
            Line = line;
            Column = column;
        }

        public JsonKind Kind { get; }

        public int Line { get; }

        public int Column { get; }

        /// <summary>The value of a string, or the literal text of a number.</summary>
        public string? Text { get; set; }

        /// <summary>The members of an object, in document order.</summary>
        public List<JsonMember> Members { get; } = new List<JsonMember>();

        /// <summary>The items of an array, in document order.</summary>
        public List<JsonNode> Items { get; } = new List<JsonNode>();

        public JsonMember? FindMember(string name)
        {
            foreach (var member in Members)
            {
                if (member.Name == name)
                {
                    return member;
                }
            }

            return null;
        }

        public JsonNode? Get(string name) => FindMember(name)?.Value;

        /// <summary>A short English description of the kind, for messages ("a string", "an array", ...).</summary>
        public string Describe() => Kind switch
        {
            JsonKind.Object => "an object",
            JsonKind.Array => "an array",
            JsonKind.String => "a string",
            JsonKind.Number => "a number",
            JsonKind.True => "true",
            JsonKind.False => "false",
            _ => "null",
        };
    }

    /// <summary>A key of a JSON object, with the position of the key itself.</summary>
    internal sealed class JsonMember
    {
        public JsonMember(string name, int line, int column, JsonNode value)
        {
            Name = name;
            Line = line;
            Column = column;
            Value = value;
        }

        public string Name { get; }

        public int Line { get; }

        public int Column { get; }

        public JsonNode Value { get; }
    }
}
