using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using FineTunePolicy.Build.Tasks.Diagnostics;
using FineTunePolicy.Build.Tasks.Json;

namespace FineTunePolicy.Build.Tasks.Schema
{
    /// <summary>
    /// Checks a parsed file against a shape, reporting FTP1010-FTP1017 at the offending node. It accepts exactly the
    /// documents the generated JSON schema accepts (proved by the corpus tests).
    /// </summary>
    internal sealed class StructuralValidator
    {
        private static readonly Dictionary<string, Regex> Patterns = new Dictionary<string, Regex>(StringComparer.Ordinal);

        private readonly string _file;
        private readonly string _fileKind;
        private readonly DiagnosticBag _diagnostics;

        private StructuralValidator(string file, string fileKind, DiagnosticBag diagnostics)
        {
            _file = file;
            _fileKind = fileKind;
            _diagnostics = diagnostics;
        }

        /// <summary>Validates <paramref name="root"/>; returns true when it has no structural problem.</summary>
        public static bool Validate(JsonNode root, ObjectShape shape, string file, string fileKind, DiagnosticBag diagnostics)
        {
            var before = diagnostics.Items.Count;
            new StructuralValidator(file, fileKind, diagnostics).Check(root, shape, string.Empty);
            return diagnostics.Items.Count == before;
        }

        private string Name(string path) => path.Length == 0 ? "The " + _fileKind : "'" + path + "'";

        private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

        private void Check(JsonNode node, Shape shape, string path)
        {
            switch (shape)
            {
                case ObjectShape objectShape:
                    CheckObject(node, objectShape, path);
                    break;
                case ArrayShape arrayShape:
                    CheckArray(node, arrayShape, path);
                    break;
                case StringShape stringShape:
                    CheckString(node, stringShape, path);
                    break;
                case IntegerShape integerShape:
                    CheckInteger(node, integerShape, path);
                    break;
                case BooleanShape:
                    if (node.Kind != JsonKind.True && node.Kind != JsonKind.False)
                    {
                        WrongType(node, shape, path, Messages.FixBoolean);
                    }

                    break;
            }
        }

        private void WrongType(JsonNode node, Shape shape, string path, string fix)
        {
            _diagnostics.Error(Codes.WrongType, _file, node, Messages.WrongType(Name(path), shape.Expected, node.Describe(), fix));
        }

        private void CheckObject(JsonNode node, ObjectShape shape, string path)
        {
            if (node.Kind != JsonKind.Object)
            {
                WrongType(node, shape, path, Messages.FixObject);
                return;
            }

            foreach (var member in node.Members)
            {
                if (shape.Find(member.Name) == null)
                {
                    var allowed = shape.Properties.Select(p => p.Name).ToList();
                    _diagnostics.Error(Codes.UnknownKey, _file, member.Line, member.Column,
                        Messages.UnknownKey(Name(path), member.Name, Suggest(member.Name, allowed), allowed));
                }
            }

            foreach (var property in shape.Properties)
            {
                if (property.Required && node.FindMember(property.Name) == null)
                {
                    _diagnostics.Error(Codes.MissingKey, _file, node,
                        Messages.MissingKey(Name(path), property.Name, Lower(property.Shape.Description), property.Example));
                }
            }

            foreach (var member in node.Members)
            {
                var property = shape.Find(member.Name);
                if (property != null)
                {
                    Check(member.Value, property.Shape, Join(path, member.Name));
                }
            }

            if (shape.Rule != null)
            {
                CheckRule(node, shape.Rule, path);
            }
        }

        private void CheckRule(JsonNode node, KeyRule rule, string path)
        {
            bool Has(string key) => node.FindMember(key) != null;
            var allFirst = rule.First.All(Has);
            var allSecond = rule.Second.All(Has);
            var first = Quote(rule.First);
            var second = Quote(rule.Second);
            string? problem = null;
            switch (rule.Kind)
            {
                case KeyRuleKind.ExactlyOne:
                    if (allFirst && allSecond)
                    {
                        problem = Messages.KeysBoth(Name(path), first, second, rule.Hint);
                    }
                    else if (!allFirst && !allSecond)
                    {
                        problem = Messages.KeysNeitherOfExactlyOne(Name(path), first, second, rule.Hint);
                    }

                    break;
                case KeyRuleKind.AtLeastOne:
                    if (!allFirst && !allSecond)
                    {
                        problem = Messages.KeysNeitherOfAtLeastOne(Name(path), first, second, rule.Hint);
                    }

                    break;
                default:
                    var touched = rule.Groups.Where(g => g.Any(Has)).ToList();
                    var valid = touched.Count == 1 && touched[0].All(Has);
                    if (!valid)
                    {
                        problem = touched.Count > 1
                            ? Messages.KeysMixed(Name(path), Quote(touched[0]), string.Join(", ", touched.Skip(1).Select(Quote)), rule.Hint)
                            : Messages.KeysIncomplete(Name(path), rule.Groups.Select(Quote).ToList(), rule.Hint);
                    }

                    break;
            }

            if (problem != null)
            {
                _diagnostics.Error(Codes.KeyCombination, _file, node, problem);
            }
        }

        private static string Quote(string[] keys) => string.Join(" and ", keys.Select(k => "'" + k + "'"));

        private void CheckArray(JsonNode node, ArrayShape shape, string path)
        {
            if (node.Kind != JsonKind.Array)
            {
                WrongType(node, shape, path, node.Kind == JsonKind.String ? Messages.FixArrayFromString(node.Text) : Messages.FixArray);
                return;
            }

            if (node.Items.Count < shape.MinItems)
            {
                _diagnostics.Error(Codes.OutOfRange, _file, node, Messages.ListEmpty(Name(path), shape.MinItems, Lower(shape.Description)));
            }

            for (var i = 0; i < node.Items.Count; i++)
            {
                Check(node.Items[i], shape.Items, path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]");
            }
        }

        private void CheckString(JsonNode node, StringShape shape, string path)
        {
            if (node.Kind != JsonKind.String)
            {
                var fix = node.Kind == JsonKind.Array && node.Items.Count == 1 && node.Items[0].Kind == JsonKind.String
                    ? Messages.FixStringFromArray(node.Items[0].Text)
                    : shape.Enum != null ? Messages.FixOneOf(shape.Enum) : Messages.FixString;
                WrongType(node, shape, path, fix);
                return;
            }

            var value = node.Text ?? string.Empty;
            if (shape.Enum != null)
            {
                if (Array.IndexOf(shape.Enum, value) < 0)
                {
                    var sameButCase = shape.Enum.FirstOrDefault(e => string.Equals(e, value, StringComparison.OrdinalIgnoreCase));
                    _diagnostics.Error(Codes.ValueNotAllowed, _file, node, Messages.ValueNotAllowed(Name(path), value, shape.Enum, sameButCase));
                }

                return;
            }

            if (shape.IsDate)
            {
                if (!TryParseDate(value, out _))
                {
                    _diagnostics.Error(Codes.InvalidDate, _file, node, Messages.InvalidDate(Name(path), value));
                }

                return;
            }

            if (value.Length < shape.MinLength)
            {
                _diagnostics.Error(Codes.OutOfRange, _file, node, Messages.TextEmpty(Name(path), Lower(shape.Description)));
                return;
            }

            if (shape.Pattern != null && (!GetPattern(shape.Pattern).IsMatch(value) || value.EndsWith("\n", StringComparison.Ordinal)))
            {
                _diagnostics.Error(Codes.BadFormat, _file, node, Messages.BadFormat(Name(path), value, shape.PatternHint));
            }
        }

        private void CheckInteger(JsonNode node, IntegerShape shape, string path)
        {
            if (node.Kind != JsonKind.Number || !TryGetInteger(node.Text, out var value))
            {
                var fix = node.Kind == JsonKind.String && long.TryParse(node.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
                    ? Messages.FixIntegerFromString(parsed)
                    : Messages.FixInteger;
                WrongType(node, shape, path, fix);
                return;
            }

            if (shape.Const.HasValue && value != shape.Const.Value)
            {
                _diagnostics.Error(Codes.ValueNotAllowed, _file, node, Messages.SchemaVersionNotRead(Name(path), node.Text, shape.Const.Value));
            }
            else if (shape.Minimum.HasValue && value < shape.Minimum.Value)
            {
                _diagnostics.Error(Codes.OutOfRange, _file, node, Messages.BelowMinimum(Name(path), node.Text, shape.Minimum.Value));
            }
            else if (shape.Maximum.HasValue && value > shape.Maximum.Value)
            {
                _diagnostics.Error(Codes.OutOfRange, _file, node, Messages.AboveMaximum(Name(path), node.Text, shape.Maximum.Value));
            }
        }

        /// <summary>JSON Schema counts 30.0 as an integer; so does the validator.</summary>
        internal static bool TryGetInteger(string? text, out long value)
        {
            value = 0;
            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number != decimal.Truncate(number))
            {
                return false;
            }

            if (number < long.MinValue || number > long.MaxValue)
            {
                return false;
            }

            value = (long)number;
            return true;
        }

        internal static bool TryParseDate(string text, out DateTime date) =>
            DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

        internal static Regex GetPattern(string pattern)
        {
            lock (Patterns)
            {
                if (!Patterns.TryGetValue(pattern, out var regex))
                {
                    regex = new Regex(pattern, RegexOptions.CultureInvariant);
                    Patterns.Add(pattern, regex);
                }

                return regex;
            }
        }

        private static string Lower(string sentence) =>
            sentence.Length == 0 ? sentence : char.ToLowerInvariant(sentence[0]) + sentence.Substring(1);

        /// <summary>The known key closest to an unknown one (same letters in another case, or at most two edits).</summary>
        internal static string? Suggest(string unknown, IEnumerable<string> known)
        {
            string? best = null;
            var bestDistance = int.MaxValue;
            foreach (var candidate in known)
            {
                if (string.Equals(candidate, unknown, StringComparison.OrdinalIgnoreCase))
                {
                    return candidate;
                }

                var distance = Distance(unknown.ToLowerInvariant(), candidate.ToLowerInvariant());
                if (distance < bestDistance)
                {
                    bestDistance = distance;
                    best = candidate;
                }
            }

            if (best != null
                && (bestDistance <= 2
                    || best.StartsWith(unknown, StringComparison.OrdinalIgnoreCase)
                    || unknown.StartsWith(best, StringComparison.OrdinalIgnoreCase)))
            {
                return best;
            }

            return null;
        }

        private static int Distance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }

                var swap = previous;
                previous = current;
                current = swap;
            }

            return previous[b.Length];
        }
    }
}
