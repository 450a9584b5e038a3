using System;
using System.Collections.Generic;
using System.Text.Json;

namespace FineTunePolicy.Build.Tasks.Json
{
    /// <summary>A syntax problem found while reading a JSON file, at a 1-based line and column.</summary>
    internal sealed class JsonSyntaxProblem
    {
        public JsonSyntaxProblem(bool isDuplicateKey, string message, int line, int column, bool isTooDeep = false)
        {
            IsDuplicateKey = isDuplicateKey;
            IsTooDeep = isTooDeep;
            Message = message;
            Line = line;
            Column = column;
        }

        public bool IsDuplicateKey { get; }

        /// <summary>The document nests deeper than <see cref="PositionedJsonParser.MaxDepth"/>.</summary>
        public bool IsTooDeep { get; }

        public string Message { get; }

        public int Line { get; }

        public int Column { get; }
    }

    /// <summary>
    /// Reads a whole JSON document with <see cref="Utf8JsonReader"/> into <see cref="JsonNode"/>s that remember
    /// where they start. Strict JSON: no comments, no trailing commas, one value per file.
    /// </summary>
    internal static class PositionedJsonParser
    {
        public const int MaxDepth = 64;

        public static JsonNode? Parse(SourceText source, List<JsonSyntaxProblem> problems)
        {
            var options = new JsonReaderOptions
            {
                CommentHandling = JsonCommentHandling.Disallow,
                AllowTrailingCommas = false,
                MaxDepth = MaxDepth,
            };
            var reader = new Utf8JsonReader(source.Utf8, options);
            try
            {
                if (!reader.Read())
                {
                    problems.Add(new JsonSyntaxProblem(false, "the file contains no JSON value", 1, 1));
                    return null;
                }

                var root = ReadValue(ref reader, source, problems);

                // Reading past the root makes the reader reject anything that follows it.
                reader.Read();
                return root;
            }
            catch (JsonException ex)
            {
                var (line, column) = source.GetPosition(ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0);
                // The reader refuses to open the array or object that would exceed MaxDepth; it reports the depth of
                // the token before it (MaxDepth - 1). Read before the message, which may be localized.
                var tooDeep = reader.CurrentDepth >= MaxDepth - 1;
                problems.Add(new JsonSyntaxProblem(false, TrimPosition(ex.Message), line, column, tooDeep));
                return null;
            }
            catch (InvalidOperationException ex)
            {
                // GetString() throws this for strings that are not valid UTF-8 or hold invalid escapes.
                var (line, column) = source.GetPosition(reader.TokenStartIndex);
                problems.Add(new JsonSyntaxProblem(false, ex.Message, line, column));
                return null;
            }
        }

        private static JsonNode ReadValue(ref Utf8JsonReader reader, SourceText source, List<JsonSyntaxProblem> problems)
        {
            var (line, column) = source.GetPosition(reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                {
                    var node = new JsonNode(JsonKind.Object, line, column);
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                    {
                        var (keyLine, keyColumn) = source.GetPosition(reader.TokenStartIndex);
                        var name = reader.GetString() ?? string.Empty;
                        reader.Read();
                        var value = ReadValue(ref reader, source, problems);
                        if (!seen.Add(name))
                        {
                            problems.Add(new JsonSyntaxProblem(true, name, keyLine, keyColumn));
                            continue;
                        }

                        node.Members.Add(new JsonMember(name, keyLine, keyColumn, value));
                    }

                    return node;
                }

                case JsonTokenType.StartArray:
                {
                    var node = new JsonNode(JsonKind.Array, line, column);
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        node.Items.Add(ReadValue(ref reader, source, problems));
                    }

                    return node;
                }

                case JsonTokenType.String:
                    return new JsonNode(JsonKind.String, line, column) { Text = reader.GetString() };
                case JsonTokenType.Number:
                    return new JsonNode(JsonKind.Number, line, column) { Text = System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray()) };
                case JsonTokenType.True:
                    return new JsonNode(JsonKind.True, line, column);
                case JsonTokenType.False:
                    return new JsonNode(JsonKind.False, line, column);
                default:
                    return new JsonNode(JsonKind.Null, line, column);
            }
        }

        // System.Text.Json appends " LineNumber: 2 | BytePositionInLine: 7." (in bytes, 0-based); the diagnostic
        // carries the real line and column instead.
        private static string TrimPosition(string message)
        {
            var index = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            var trimmed = index >= 0 ? message.Substring(0, index) : message;

            // Advice meant for programmers who configure the reader, not for people who write policy files.
            trimmed = trimmed.Replace(" Change the reader options.", string.Empty);
            return trimmed.TrimEnd();
        }
    }
}
