using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace FineTunePolicy.Build.Tasks.Output
{
    /// <summary>A JSON object whose keys are written in insertion order, or sorted when the writer sorts.</summary>
    internal sealed class JsonObject
    {
        public List<KeyValuePair<string, object?>> Members { get; } = new List<KeyValuePair<string, object?>>();

        public JsonObject Add(string key, object? value)
        {
            Members.Add(new KeyValuePair<string, object?>(key, value));
            return this;
        }
    }

    /// <summary>
    /// Writes JSON the same way on every host and operating system: two-space indentation, LF line ends, a final
    /// line end, no byte order mark, only the characters JSON requires escaped.
    /// Values: null, bool, int, long, string, <see cref="JsonObject"/>, and lists of values.
    /// </summary>
    internal static class JsonText
    {
        public static string Write(object? value, bool sortKeys)
        {
            var builder = new StringBuilder();
            WriteValue(builder, value, 0, sortKeys);
            builder.Append('\n');
            return builder.ToString();
        }

        private static void WriteValue(StringBuilder builder, object? value, int depth, bool sortKeys)
        {
            switch (value)
            {
                case null:
                    builder.Append("null");
                    break;
                case bool flag:
                    builder.Append(flag ? "true" : "false");
                    break;
                case int number:
                    builder.Append(number.ToString(CultureInfo.InvariantCulture));
                    break;
                case long number:
                    builder.Append(number.ToString(CultureInfo.InvariantCulture));
                    break;
                case string text:
                    WriteString(builder, text);
                    break;
                case JsonObject obj:
                    var members = sortKeys
                        ? obj.Members.OrderBy(m => m.Key, StringComparer.Ordinal).ToList()
                        : obj.Members;
                    if (members.Count == 0)
                    {
                        builder.Append("{}");
                        break;
                    }

                    builder.Append("{\n");
                    for (var i = 0; i < members.Count; i++)
                    {
                        Indent(builder, depth + 1);
                        WriteString(builder, members[i].Key);
                        builder.Append(": ");
                        WriteValue(builder, members[i].Value, depth + 1, sortKeys);
                        builder.Append(i + 1 < members.Count ? ",\n" : "\n");
                    }

                    Indent(builder, depth);
                    builder.Append('}');
                    break;
                case System.Collections.IEnumerable items:
                    var list = items.Cast<object?>().ToList();
                    if (list.Count == 0)
                    {
                        builder.Append("[]");
                        break;
                    }

                    builder.Append("[\n");
                    for (var i = 0; i < list.Count; i++)
                    {
                        Indent(builder, depth + 1);
                        WriteValue(builder, list[i], depth + 1, sortKeys);
                        builder.Append(i + 1 < list.Count ? ",\n" : "\n");
                    }

                    Indent(builder, depth);
                    builder.Append(']');
                    break;
                default:
                    throw new ArgumentException("Cannot write a value of type " + value.GetType().FullName + " as JSON.", nameof(value));
            }
        }

        private static void Indent(StringBuilder builder, int depth) => builder.Append(' ', depth * 2);

        private static void WriteString(StringBuilder builder, string text)
        {
            builder.Append('"');
            foreach (var c in text)
            {
                switch (c)
                {
                    case '"':
                        builder.Append("\\\"");
                        break;
                    case '\\':
                        builder.Append("\\\\");
                        break;
                    case '\n':
                        builder.Append("\\n");
                        break;
                    case '\r':
                        builder.Append("\\r");
                        break;
                    case '\t':
                        builder.Append("\\t");
                        break;
                    default:
                        if (c < 0x20)
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            builder.Append('"');
        }
    }
}
