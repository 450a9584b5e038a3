using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FineTunePolicy.Build.Tasks.Model;
using FineTunePolicy.Build.Tasks.Validation;

namespace FineTunePolicy.Build.Tasks.Output
{
    /// <summary>What the audit record says about one input file.</summary>
    internal sealed class AuditFile
    {
        public AuditFile(string path, string? sha256)
        {
            Path = path;
            Sha256 = sha256;
        }

        /// <summary>The path relative to the project directory, with '/' separators.</summary>
        public string Path { get; }

        /// <summary>Lowercase hex SHA-256 of the file's bytes; null when the file does not exist.</summary>
        public string? Sha256 { get; }
    }

    /// <summary>
    /// Writes the audit record: deterministic JSON (keys sorted, LF, no time stamp but the judged date) of what was
    /// checked and decided. The format is documented in docs/audit-record.md.
    /// </summary>
    internal static class AuditRecordWriter
    {
        public const int FormatVersion = 1;

        public static string Default(string toolVersion, string judgedOn, bool strict, AuditFile manifest, IReadOnlyList<PackageInput> packages)
        {
            var record = Header(toolVersion, judgedOn, strict, "default")
                .Add("manifest", File(manifest))
                .Add("allowList", null)
                .Add("defaultCeilings", new JsonObject()
                    .Add("inference", "Internal")
                    .Add("embedding", "Internal")
                    .Add("finetuning", "Public")
                    .Add("restricted", "never"))
                .Add("packages", Packages(packages.Select(p => new PackageResult(p, SdkPackages.ProvidersOf(p.Id, null), true))));
            return JsonText.Write(record, sortKeys: true);
        }

        public static string Manifest(
            string toolVersion, string judgedOn, bool strict, AuditFile manifest, AuditFile allowList, AllowList policy, Evaluation evaluation)
        {
            var record = Header(toolVersion, judgedOn, strict, "manifest")
                .Add("manifest", File(manifest))
                .Add("allowList", File(allowList))
                .Add("uses", evaluation.Uses.Select(s => (object?)Subject(s)
                    .Add("purpose", PolicyNames.Name(s.Purpose))
                    .Add("classes", s.Use!.Classes.Select(c => (object?)PolicyNames.Name(c)).ToList())
                    .Add("description", s.Use.Description)).ToList())
                .Add("datasets", evaluation.Datasets.Select(s => (object?)Subject(s)
                    .Add("name", s.Dataset!.Name)
                    .Add("path", s.Dataset.Path)
                    .Add("description", s.Dataset.Description)
                    .Add("sourceClasses", s.Dataset.Classes.Select(c => (object?)PolicyNames.Name(c)).ToList())
                    .Add("steps", s.Dataset.Steps.Select(step => (object?)new JsonObject()
                        .Add("sanitizer", step.Sanitizer)
                        .Add("description", step.Description)).ToList())).ToList())
                .Add("approvals", evaluation.Approvals.Select(a => (object?)new JsonObject()
                    .Add("id", a.Approval.Id)
                    .Add("who", a.Approval.Who)
                    .Add("role", a.Approval.Role)
                    .Add("approvedOn", Day(a.Approval.ApprovedOn))
                    .Add("expires", Day(a.Approval.Expires))
                    .Add("ticket", a.Approval.Ticket)
                    .Add("status", a.Status)
                    .Add("covers", a.Approval.Covers.Select(c => (object?)Cover(c)).ToList())).ToList())
                .Add("providers", evaluation.Ceilings.Select(p =>
                {
                    var provider = policy.FindProvider(p.Key)!;
                    var ceilings = new JsonObject();
                    foreach (var ceiling in p.Value)
                    {
                        ceilings.Add(PolicyNames.Name(ceiling.Key), PolicyNames.Name(ceiling.Value));
                    }

                    return (object?)new JsonObject()
                        .Add("id", provider.Id)
                        .Add("displayName", provider.DisplayName)
                        .Add("hosting", PolicyNames.Name(provider.Hosting))
                        .Add("reviewBy", Day(provider.ReviewBy))
                        .Add("effectiveCeilings", ceilings);
                }).ToList())
                .Add("packages", Packages(evaluation.Packages))
                .Add("audience", evaluation.Audience == null
                    ? null
                    : new JsonObject().Add("name", evaluation.Audience.Name).Add("maxClass", PolicyNames.Name(evaluation.Audience.MaxClass)))
                .Add("models", evaluation.Models.Select(m => (object?)Model(m)).ToList());
            return JsonText.Write(record, sortKeys: true);
        }

        /// <summary>A declared tuned model: the manifest's id and description, the registry's facts, and the decision.</summary>
        private static JsonObject Model(ModelResult result)
        {
            var entry = result.Entry;
            return new JsonObject()
                .Add("id", result.Use.Id)
                .Add("description", result.Use.Description)
                .Add("provider", entry?.Provider)
                .Add("trainedOn", entry == null
                    ? null
                    : new JsonObject()
                        .Add("class", PolicyNames.Name(entry.Class))
                        .Add("categories", PolicyNames.Names(entry.Categories).Cast<object?>().ToList()))
                .Add("provenance", entry == null || !entry.HasProvenance
                    ? null
                    : new JsonObject().Add("project", entry.ProvenanceProject).Add("dataset", entry.ProvenanceDataset))
                .Add("audiences", (entry?.Audiences ?? new List<string>()).Cast<object?>().ToList())
                .Add("approvalRole", entry?.ApprovalRole)
                .Add("reviewBy", entry == null ? null : Day(entry.ReviewBy))
                .Add("decision", result.Denials.Count == 0 ? "allowed" : "denied")
                .Add("rule", result.Denials.Count == 0 ? null : result.Denials[0])
                .Add("warnings", result.Warnings.Cast<object?>().ToList());
        }

        private static JsonObject Cover(Cover cover) =>
            cover.Dataset != null ? new JsonObject().Add("dataset", cover.Dataset)
            : cover.Model != null ? new JsonObject().Add("model", cover.Model)
            : new JsonObject().Add("provider", cover.Provider).Add("purpose", PolicyNames.Name(cover.Purpose!.Value));

        private static JsonObject Header(string toolVersion, string judgedOn, bool strict, string mode) =>
            new JsonObject()
                .Add("formatVersion", FormatVersion)
                .Add("tool", new JsonObject().Add("name", "FineTunePolicy").Add("version", toolVersion))
                .Add("judgedOn", judgedOn)
                .Add("strict", strict)
                .Add("mode", mode);

        private static JsonObject File(AuditFile file) =>
            new JsonObject().Add("path", file.Path).Add("sha256", file.Sha256);

        private static JsonObject Subject(Subject subject) =>
            new JsonObject()
                .Add("provider", subject.Provider)
                .Add("class", PolicyNames.Name(subject.Class))
                .Add("categories", PolicyNames.Names(subject.Categories).Cast<object?>().ToList())
                .Add("ceiling", subject.Ceiling.HasValue ? PolicyNames.Name(subject.Ceiling.Value) : null)
                .Add("decision", subject.Denials.Count == 0 ? "allowed" : "denied")
                .Add("rule", subject.Denials.Count == 0 ? null : subject.Denials[0])
                .Add("warnings", subject.Warnings.Cast<object?>().ToList());

        private static List<object?> Packages(IEnumerable<PackageResult> packages) =>
            packages
                .OrderBy(p => p.Package.Id, System.StringComparer.OrdinalIgnoreCase)
                .ThenBy(p => p.Package.Id, System.StringComparer.Ordinal)
                .Select(p => (object?)new JsonObject()
                    .Add("id", p.Package.Id)
                    .Add("version", string.IsNullOrEmpty(p.Package.Version) ? null : p.Package.Version)
                    .Add("providers", p.Providers.Cast<object?>().ToList())
                    .Add("check", p.Providers.Count > 0
                        ? (p.Declared ? "declared" : "undeclared")
                        : SdkPackages.ProviderAgnostic.Contains(p.Package.Id) ? "providerAgnostic" : "notAnLlmSdk"))
                .ToList();

        private static string Day(System.DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
