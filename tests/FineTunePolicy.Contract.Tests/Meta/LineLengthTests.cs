using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FineTunePolicy.Contract.Tests.Meta;

/// <summary>
/// Lines of C# in src/ and tests/ stay within 160 characters (the root .editorconfig's max_line_length), so that a diff
/// reads on one screen. Lines inside a multi-line string literal (test sources, JSON and HTML fixtures) are data: their
/// text is what the test feeds in, so they are not counted.
/// </summary>
public sealed class LineLengthTests
{
    public const int MaxLength = 160;

    public static TheoryData<string> Folders => new() { "src", "tests" };

    [Theory]
    [MemberData(nameof(Folders))]
    public void EveryLineOfCSharp_IsAtMost160Characters(string folder)
    {
        var longLines = new List<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Of(folder), "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/');
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal))
            {
                continue;
            }

            longLines.AddRange(LongLines(File.ReadAllText(file)).Select(l => $"{relative}:{l.Line}: {l.Length} characters"));
        }

        Assert.True(
            longLines.Count == 0,
            $"{longLines.Count} lines in {folder}/ are longer than {MaxLength} characters; wrap them:\n" + string.Join("\n", longLines));
    }

    [Fact]
    public void LongLines_CountsCodeAndOneLineStrings_NotTheInsideOfMultiLineStrings()
    {
        var longString = new string('x', MaxLength);
        var code = "    string A = \"" + longString + "\";";
        var source = "class C\n{\n" + code + "\n    string B = \"\"\"\n        " + longString + "\n        \"\"\";\n"
            + "    string C = @\"\n" + longString + "\";\n}\n";

        Assert.Equal(new[] { (3, code.Length) }, LongLines(source));
    }

    [Fact]
    public void TheLimit_IsTheEditorConfigs()
    {
        var editorConfig = File.ReadAllLines(RepositoryPaths.Of(".editorconfig"));

        Assert.Contains($"max_line_length = {MaxLength}", editorConfig);
    }

    /// <summary>The 1-based numbers and lengths of the lines over the limit, skipping the inside of multi-line string literals.</summary>
    internal static List<(int Line, int Length)> LongLines(string source)
    {
        var text = Microsoft.CodeAnalysis.Text.SourceText.From(source);
        var root = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot();
        var data = new HashSet<int>();
        foreach (var literal in root.DescendantNodes().Where(n => n is LiteralExpressionSyntax or InterpolatedStringExpressionSyntax))
        {
            var lines = literal.GetLocation().GetLineSpan();
            for (var line = lines.StartLinePosition.Line + 1; line <= lines.EndLinePosition.Line; line++)
            {
                data.Add(line);
            }
        }

        return text.Lines
            .Where(l => l.Span.Length > MaxLength && !data.Contains(l.LineNumber))
            .Select(l => (l.LineNumber + 1, l.Span.Length))
            .ToList();
    }
}
