using System.Text;

namespace FineTunePolicy.Build.Tasks.Tests;

/// <summary>
/// Property-style fuzzing (issue 5 §2): every good corpus document is truncated, and has characters and short spans
/// deleted and duplicated, with fixed seeds, into about 650 variants. For each variant the task must not throw, must
/// return true exactly when it leaves its outputs (global config, audit record, stamp) behind, must log an error
/// whenever it returns false, and every error or warning it logs must carry an FTP1xxx code (never FTP1999) and a
/// rooted file path.
/// </summary>
public sealed class PolicyFuzzTests
{
    private const int VariantsPerDocument = 72;

    public static IEnumerable<(string Kind, string Name, string Text)> GoodDocuments()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Corpus");
        foreach (var kind in new[] { "allow-list", "manifest" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(root, kind, "good"), "*.json").OrderBy(f => f, StringComparer.Ordinal))
            {
                var text = File.ReadAllText(file);
                if (kind == "manifest")
                {
                    // Point every manifest at the fixture's allow-list, so that variants reach the allow-list too.
                    text = System.Text.RegularExpressions.Regex.Replace(text, "\"allowList\": \"[^\"]*\"", "\"allowList\": \"../policy/allow-list.json\"");
                }

                yield return (kind, Path.GetFileName(file), text);
            }
        }
    }

    /// <summary>One mutation of <paramref name="text"/>, chosen by <paramref name="random"/>.</summary>
    public static string Mutate(string text, Random random)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var at = random.Next(text.Length);
        var span = 1 + random.Next(Math.Min(10, text.Length - at));
        return random.Next(6) switch
        {
            0 => text.Substring(0, at),                                      // truncate
            1 => text.Remove(at, 1),                                         // delete a character
            2 => text.Insert(at, text[at].ToString()),                       // duplicate a character
            3 => text.Remove(at, span),                                      // delete a span
            4 => text.Insert(at, text.Substring(at, span)),                  // duplicate a span
            _ => Mutate(text.Remove(at, 1), random),                         // two mutations
        };
    }

    [Fact]
    public void MutatedGoodDocuments_NeverThrow_AndFailClosedWithCodedErrors()
    {
        var failures = new List<string>();
        var variants = 0;
        var passed = 0;
        foreach (var (kind, name, text) in GoodDocuments())
        {
            // A fixed seed per document: the same variants on every run and machine.
            var random = new Random(StableSeed(kind + "/" + name));
            for (var i = 0; i < VariantsPerDocument; i++)
            {
                var variant = Mutate(text, random);
                variants++;
                using var fixture = new TaskFixture();
                fixture.WriteManifest(kind == "manifest" ? variant : Policies.Manifest);
                fixture.WriteAllowList(kind == "allow-list" ? variant : Policies.AllowList);
                fixture.SeedStaleOutputs();

                var result = false;
                var exception = Record.Exception(() => result = fixture.Run());
                var label = $"{kind}/{name} variant {i}";
                if (exception != null)
                {
                    failures.Add($"{label}: threw {exception}");
                    continue;
                }

                var outputs = File.Exists(fixture.GlobalConfigPath) && File.Exists(fixture.AuditPath) && File.Exists(fixture.StampPath);
                var anyOutput = File.Exists(fixture.GlobalConfigPath) || File.Exists(fixture.AuditPath) || File.Exists(fixture.StampPath);
                if (result != outputs || (!result && anyOutput))
                {
                    failures.Add($"{label}: returned {result} but outputs present: config {File.Exists(fixture.GlobalConfigPath)}, audit "
                        + $"{File.Exists(fixture.AuditPath)}, stamp {File.Exists(fixture.StampPath)}");
                }

                if (result != (fixture.LastTask!.GeneratedFiles.Length > 0))
                {
                    failures.Add($"{label}: returned {result} with {fixture.LastTask.GeneratedFiles.Length} generated files");
                }

                if (!result && !fixture.Engine.Errors.Any())
                {
                    failures.Add($"{label}: failed without logging an error");
                }

                foreach (var logged in fixture.Engine.Logged)
                {
                    if (!System.Text.RegularExpressions.Regex.IsMatch(logged.Code ?? string.Empty, "^FTP1[0-9]{3}$") || logged.Code == "FTP1999")
                    {
                        failures.Add($"{label}: logged {logged}");
                    }

                    if (string.IsNullOrEmpty(logged.File) || !Path.IsPathRooted(logged.File))
                    {
                        failures.Add($"{label}: logged without a file: {logged}");
                    }
                }

                passed += result ? 1 : 0;
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        // Every good document gives its variants: 9 documents (two with tuned models), 648 variants.
        Assert.Equal(GoodDocuments().Count() * VariantsPerDocument, variants);
        Assert.InRange(variants, 640, 660);

        // Some mutations (inside a description, a duplicated space) leave a valid policy: both outcomes occur.
        Assert.InRange(passed, 1, variants - 1);
    }

    [Fact]
    public void Mutations_AreTheSameOnEveryRun()
    {
        var first = GoodDocuments().SelectMany(d => Variants(d.Kind + "/" + d.Name, d.Text)).ToList();
        var second = GoodDocuments().SelectMany(d => Variants(d.Kind + "/" + d.Name, d.Text)).ToList();
        Assert.Equal(first, second);

        static IEnumerable<string> Variants(string key, string text)
        {
            var random = new Random(StableSeed(key));
            for (var i = 0; i < VariantsPerDocument; i++)
            {
                yield return Mutate(text, random);
            }
        }
    }

    /// <summary>string.GetHashCode is randomized per process; this is not.</summary>
    private static int StableSeed(string key)
    {
        unchecked
        {
            var hash = 17;
            foreach (var b in Encoding.UTF8.GetBytes(key))
            {
                hash = (hash * 31) + b;
            }

            return hash;
        }
    }
}
