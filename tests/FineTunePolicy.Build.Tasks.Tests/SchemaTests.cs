using System.Text;
using FineTunePolicy.Build.Tasks.Diagnostics;
using FineTunePolicy.Build.Tasks.Json;
using FineTunePolicy.Build.Tasks.Schema;
using Json.Schema;

namespace FineTunePolicy.Build.Tasks.Tests;

/// <summary>
/// The published schemas are generated from the task's shapes, and a real JSON Schema validator (JsonSchema.Net)
/// accepts exactly the corpus documents that the task's structural validator accepts.
/// Set FTP_UPDATE_SCHEMAS=1 (or FTP_UPDATE_DOCS=1, which also rewrites the generated doc tables) to rewrite docs/schemas
/// after changing the shapes.
/// </summary>
public sealed class SchemaTests
{
    public static readonly string RepoRoot = FindRepoRoot();

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory != null && !File.Exists(Path.Combine(directory.FullName, "FineTunePolicy.Analyzers.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    public static IEnumerable<object[]> Kinds => new[] { new object[] { "allow-list" }, new object[] { "manifest" } };

    // JsonSchema.Net registers a schema under its $id once per process, so each schema is built once.
    private static readonly Dictionary<string, JsonSchema> Schemas = new()
    {
        ["allow-list"] = JsonSchema.FromText(Generate("allow-list")),
        ["manifest"] = JsonSchema.FromText(Generate("manifest")),
    };

    private static ObjectShape ShapeOf(string kind) => kind == "manifest" ? PolicySchemas.Manifest : PolicySchemas.AllowList;

    private static string Generate(string kind) => SchemaGenerator.Generate(
        ShapeOf(kind),
        kind + ".schema.json",
        kind == "manifest" ? "FineTunePolicy manifest" : "FineTunePolicy allow-list");

    [Theory]
    [MemberData(nameof(Kinds))]
    public void PublishedSchema_IsGeneratedFromTheShapes(string kind)
    {
        var path = Path.Combine(RepoRoot, "docs", "schemas", kind + ".schema.json");
        var generated = Generate(kind);
        if (Environment.GetEnvironmentVariable("FTP_UPDATE_SCHEMAS") == "1" || Environment.GetEnvironmentVariable("FTP_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, generated, new UTF8Encoding(false));
        }

        Assert.Equal(generated, File.ReadAllText(path));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TaskAssembly_EmbedsThePublishedSchema(string kind)
    {
        using var stream = typeof(ValidateFineTunePolicy).Assembly.GetManifestResourceStream("FineTunePolicy." + kind + ".schema.json");
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream!);
        Assert.Equal(File.ReadAllText(Path.Combine(RepoRoot, "docs", "schemas", kind + ".schema.json")), reader.ReadToEnd());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void PublishedSchema_IsAValidDraft202012Schema(string kind)
    {
        var schema = Schemas[kind];
        var meta = MetaSchemas.Draft202012;
        var result = meta.Evaluate(System.Text.Json.JsonDocument.Parse(Generate(kind)).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid);
        Assert.NotNull(schema);
    }

    public static IEnumerable<object[]> Corpus()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Corpus");
        foreach (var kind in new[] { "allow-list", "manifest" })
        {
            foreach (var verdict in new[] { "good", "bad" })
            {
                foreach (var file in Directory.GetFiles(Path.Combine(root, kind, verdict), "*.json").OrderBy(f => f, StringComparer.Ordinal))
                {
                    yield return new object[] { kind, verdict, Path.GetFileName(file) };
                }
            }
        }
    }

    [Fact]
    public void Corpus_HasGoodAndBadDocumentsOfBothKinds()
    {
        var groups = Corpus().GroupBy(c => (string)c[0] + "/" + (string)c[1]).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(groups["allow-list/good"] >= 2);
        Assert.True(groups["manifest/good"] >= 2);
        Assert.True(groups["allow-list/bad"] >= 10);
        Assert.True(groups["manifest/bad"] >= 10);
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void SchemaAndTask_AgreeOnCorpusDocument(string kind, string verdict, string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Corpus", kind, verdict, fileName);
        var text = File.ReadAllText(path);

        var schema = Schemas[kind];
        var schemaResult = schema.Evaluate(
            System.Text.Json.JsonDocument.Parse(text).RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });

        var diagnostics = new DiagnosticBag();
        var problems = new List<JsonSyntaxProblem>();
        var root = PositionedJsonParser.Parse(SourceText.FromBytes(File.ReadAllBytes(path), out _)!, problems);
        Assert.Empty(problems);
        var taskValid = StructuralValidator.Validate(root!, ShapeOf(kind), path, kind, diagnostics);

        Assert.Equal(verdict == "good", schemaResult.IsValid);
        Assert.Equal(schemaResult.IsValid, taskValid);
        if (verdict == "bad")
        {
            // Bad documents are named after the code they must produce: FTP1012-unknown-key.json.
            var expectedCode = fileName.Substring(0, 7);
            Assert.Contains(diagnostics.Items, d => d.Code == expectedCode);
        }
    }
}
