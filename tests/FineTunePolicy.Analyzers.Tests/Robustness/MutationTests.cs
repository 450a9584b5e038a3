using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FineTunePolicy.Analyzers.Tests.Robustness;

/// <summary>
/// Every C# input the tests and the sample hold, mutated with fixed seeds into more than a
/// thousand broken compilations (deleted, duplicated and swapped tokens, truncation, unbalanced
/// braces, missing references, attributes and generics in odd places, newer syntax): the
/// analyzers must never throw (no AD0001).
/// </summary>
public class MutationTests
{
    private const int MutationsPerInput = 6;

    private static readonly string[] Insertions =
    [
        "{", "}", "(", ")", "[Restricted]", "<T>", "[LlmSink(LlmPurpose.FineTuning)]", "[Declassifies(DataClass.Public)]",
        "[..", "await", "=>", "?.", "!", "record R([Restricted] string S);", "static", "ref", "out var x", "\"\"\"", "$\"{", "default",
        "where T : notnull", "using static", "[return: Restricted]", "yield return", "stackalloc int[1]", "scoped", "required", "file",
    ];

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var name in Sources().Keys.OrderBy(n => n, StringComparer.Ordinal))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task MutatedInput_NeverMakesTheAnalyzersThrow(string name)
    {
        var source = Sources()[name];
        var failures = new ConcurrentBag<string>();
        var seed = StringComparer.Ordinal.GetHashCode(name) & 0x7FFFFFFF;
        var mutants = Enumerable.Range(0, MutationsPerInput).Select(i => Mutate(source, new Random(seed + i), i)).ToList();
        mutants.Add(source);

        foreach (var (mutant, index) in mutants.Select((m, i) => (m, i)))
        {
            var compilation = DirectRun.Compile("Mutant" + index, mutant);
            if (index % 3 == 2)
            {
                // Missing references: the SDKs and the annotations disappear.
                compilation = compilation.RemoveReferences(compilation.References.Where(r => r.Display is { } path
                    && !path.Contains("Microsoft.NETCore.App.Ref", StringComparison.Ordinal) && !Path.GetFileName(path)
                    .StartsWith("System", StringComparison.Ordinal)));
            }

            var diagnostics = await DirectRun.AnalyzeAsync(compilation);
            foreach (var crash in diagnostics.Where(d => d.Id == "AD0001"))
            {
                failures.Add($"mutant {index} of {name}: {crash.GetMessage()}\n---\n{mutant}");
            }
        }

        Assert.True(failures.IsEmpty, string.Join("\n\n", failures));
    }

    private static string Mutate(string source, Random random, int kind)
    {
        var tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToList();
        if (tokens.Count == 0)
        {
            return source + Insertions[random.Next(Insertions.Length)];
        }

        var token = tokens[random.Next(tokens.Count)];
        switch (kind % 6)
        {
            case 0: // delete a token
                return source.Remove(token.SpanStart, token.Span.Length);
            case 1: // duplicate a token
                return source.Insert(token.SpanStart, token.Text + " ");
            case 2: // swap a token with the next
                var index = tokens.IndexOf(token);
                if (index + 1 >= tokens.Count)
                {
                    return source.Remove(token.SpanStart, token.Span.Length);
                }

                var next = tokens[index + 1];
                return source.Substring(0, token.SpanStart) + next.Text + source.Substring(token.Span.End, next.SpanStart - token.Span.End) + token.Text
                    + source.Substring(next.Span.End);
            case 3: // truncate
                return source.Substring(0, random.Next(source.Length));
            case 4: // insert syntax in an odd place
                return source.Insert(token.SpanStart, Insertions[random.Next(Insertions.Length)] + " ");
            default: // several edits at once
                var result = source;
                for (var i = 0; i < 3; i++)
                {
                    var position = random.Next(result.Length);
                    result = result.Insert(position, Insertions[random.Next(Insertions.Length)]);
                }

                return result;
        }
    }

    private static Dictionary<string, string> Sources() => LazySources.Value;

    private static readonly Lazy<Dictionary<string, string>> LazySources = new(LoadSources);

    // The raw string literals of the analyzer tests (markup removed) and the sample's files.
    private static Dictionary<string, string> LoadSources()
    {
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var testsRoot = Path.Combine(RepositoryPaths.Root, "tests", "FineTunePolicy.Analyzers.Tests");
        foreach (var file in Directory.GetFiles(testsRoot, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar)).OrderBy(f => f, StringComparer.Ordinal))
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
            var count = 0;
            foreach (var token in root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)
                || t.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken)))
            {
                var text = token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) ? token.ValueText : token.Parent?.ToString() ?? "";
                text = text.Replace("{|#0:", "").Replace("{|#1:", "").Replace("|}", "");
                if (text.Contains(';') || text.Contains('{'))
                {
                    sources[Path.GetFileNameWithoutExtension(file) + "#" + count++] = text.Contains("class Customer") ? text : Scenario.Domain + text;
                }
            }
        }

        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "samples"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar)).OrderBy(f => f, StringComparer.Ordinal))
        {
            sources["sample/" + Path.GetFileName(file)] = File.ReadAllText(file);
        }

        return sources;
    }
}
