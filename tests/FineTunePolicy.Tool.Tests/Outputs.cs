using System.Text;

namespace FineTunePolicy.Tool.Tests;

/// <summary>
/// Writes build outputs as the package targets leave them (obj/Debug/net10.0/FineTunePolicy.audit.json and
/// FineTunePolicy.sarif) for any number of generated projects, in a temporary folder deleted at the end.
/// </summary>
public sealed class Outputs : IDisposable
{
    public Outputs()
    {
        Root = Path.Combine(Path.GetTempPath(), "ftp-tool-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Obj(string project) => Path.Combine(Root, project, "obj", "Debug", "net10.0");

    /// <summary>A project with one use per provider and a finding per given rule, as a real build would write them.</summary>
    public void Project(string name, string provider = "openai", string reviewBy = "2027-12-31", string expires = "2027-06-30",
        params (string Rule, string Level, string Message, int Line)[] findings)
    {
        var obj = Obj(name);
        Directory.CreateDirectory(obj);
        File.WriteAllText(Path.Combine(obj, "FineTunePolicy.audit.json"), Audit(provider, reviewBy, expires));
        File.WriteAllText(Path.Combine(obj, "FineTunePolicy.sarif"), Sarif(Path.Combine(Root, name), findings));
    }

    public static string Audit(string provider, string reviewBy, string expires, int formatVersion = 1) => $$"""
        {
          "allowList": { "path": "../policy/allow-list.json", "sha256": "{{new string('a', 64)}}" },
          "approvals": [
            { "approvedOn": "2026-01-15", "covers": [ { "provider": "{{provider}}", "purpose": "inference" } ], "expires": "{{expires}}",
              "id": "APR-1", "role": "privacy-officer", "status": "valid", "ticket": "PRIV-1", "who": "Jane Doe" }
          ],
          "datasets": [],
          "formatVersion": {{formatVersion}},
          "judgedOn": "2026-11-30",
          "manifest": { "path": "finetune-policy.json", "sha256": "{{new string('b', 64)}}" },
          "mode": "manifest",
          "packages": [],
          "providers": [
            { "displayName": "{{provider}} API", "effectiveCeilings": { "inference": "Confidential" }, "hosting": "external", "id": "{{provider}}", "reviewBy": "{{reviewBy}}" }
          ],
          "strict": false,
          "suppressions": {
            "analyzer": { "errorLog": "obj/Debug/net10.0/FineTunePolicy.sarif", "ran": true, "reasons": [], "sarifVersion": "2.1.0" },
            "configFiles": [],
            "entries": [
              { "column": 1, "effect": "suppressed", "file": "Program.cs", "finding": null, "justification": "PRIV-77: synthetic data",
                "kind": "pragma", "line": 25, "rule": "FTP0001", "severity": null, "source": "Pragma Directive" }
            ],
            "unjustified": 0
          },
          "tool": { "name": "FineTunePolicy", "version": "1.0.0" },
          "uses": [
            { "categories": ["Personal"], "ceiling": "Confidential", "class": "Confidential", "classes": ["Confidential"], "decision": "allowed",
              "description": "support chat", "provider": "{{provider}}", "purpose": "inference", "rule": null, "warnings": [] }
          ]
        }
        """;

    public static string Sarif(string projectFolder, params (string Rule, string Level, string Message, int Line)[] findings)
    {
        var results = new StringBuilder();
        foreach (var (rule, level, message, line) in findings)
        {
            if (results.Length > 0)
            {
                results.Append(',');
            }

            var uri = new Uri(Path.Combine(projectFolder, "Program.cs")).AbsoluteUri;
            var related = new Uri(Path.Combine(projectFolder, "Customer.cs")).AbsoluteUri;
            results.Append($$"""
                { "ruleId": "{{rule}}", "level": "{{level}}", "message": { "text": {{System.Text.Json.JsonSerializer.Serialize(message)}} },
                  "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "{{uri}}" }, "region": { "startLine": {{line}}, "startColumn": 9 } } } ],
                  "relatedLocations": [ { "physicalLocation": { "artifactLocation": { "uri": "{{related}}" }, "region": { "startLine": 7, "startColumn": 5 } } } ] }
                """);
        }

        return $$"""
            { "$schema": "http://json.schemastore.org/sarif-2.1.0", "version": "2.1.0",
              "runs": [ { "results": [ {{results}} ],
                "tool": { "driver": { "name": "Microsoft (R) Visual C# Compiler", "rules": [ { "id": "CA1000" }, { "id": "FTP0001" }, { "id": "FTP0003" } ] } } } ] }
            """;
    }

    /// <summary>Adds FTP0100 entries (the inventory of LLM use) to a project's SARIF log, as a build with the package writes them.</summary>
    public void Inventory(string project, params (string File, int Line, string Message, Dictionary<string, string> Properties)[] entries)
    {
        var log = Path.Combine(Obj(project), "FineTunePolicy.sarif");
        var root = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(log))!;
        var results = root["runs"]![0]!["results"]!.AsArray();
        foreach (var (file, line, message, properties) in entries)
        {
            results.Add(System.Text.Json.Nodes.JsonNode.Parse($$"""
                { "ruleId": "FTP0100", "level": "note", "message": { "text": {{System.Text.Json.JsonSerializer.Serialize(message)}} },
                  "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "{{new Uri(Path.Combine(Root, project, file)).AbsoluteUri}}" }, "region": { "startLine": {{line}}, "startColumn": 13 } } } ],
                  "properties": { "customProperties": {{System.Text.Json.JsonSerializer.Serialize(properties)}} } }
                """));
        }

        File.WriteAllText(log, root.ToJsonString());
    }

    /// <summary>The properties of a sink call's inventory entry (docs/rules/FTP0100.md).</summary>
    public static Dictionary<string, string> SinkCall(string sink, string provider, string purpose, string dataClass, string? sources, string? ceiling,
        bool allowed)
    {
        var properties = new Dictionary<string, string> { ["Entry"] = "sinkCall", ["Sink"] = sink, ["Provider"] = provider, ["Purpose"] = purpose,
            ["Class"] = dataClass, ["Allowed"] = allowed ? "true" : "false" };
        if (sources != null)
        {
            properties["Sources"] = sources;
        }

        if (ceiling != null)
        {
            properties["Ceiling"] = ceiling;
        }

        return properties;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Messages in the analyzer's exact formats (src/FineTunePolicy.Analyzers/Descriptors.cs).</summary>
public static class Messages
{
    public const string Ftp0001 = "Restricted data from 'Customer.Ssn' (Restricted, Personal) reaches 'ChatClient.CompleteChatAsync' for inference with "
        + "provider 'openai' (ceiling: Confidential (project policy)); remove it from the request, or pass it through a [Declassifies] redactor first";

    public const string Ftp0003 = "Confidential, Personal data from 'SupportTicket.Body' reaches 'EmbeddingGeneratorExtensions.GenerateAsync' for embedding "
        + "with provider 'unknown', above the embedding ceiling Internal (project policy); send only the members the request needs, redact them with a "
        + "[Declassifies] method, or use a provider the policy approves for this class";

    public const string Ftp0004 = "'OllamaApiClientExtensions.GenerateAsync' sends data to provider 'ollama' for inference, which the policy does not allow "
        + "(allowed for inference: openai); use an allowed provider, or declare 'ollama' for inference in the project's manifest and have the allow-list "
        + "approve it";
}
