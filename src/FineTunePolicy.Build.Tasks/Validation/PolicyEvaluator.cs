using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FineTunePolicy.Build.Tasks.Diagnostics;
using FineTunePolicy.Build.Tasks.Json;
using FineTunePolicy.Build.Tasks.Model;

namespace FineTunePolicy.Build.Tasks.Validation
{
    /// <summary>A referenced NuGet package: id and version as MSBuild passed them.</summary>
    internal sealed class PackageInput
    {
        public PackageInput(string id, string? version)
        {
            Id = id;
            Version = version;
        }

        public string Id { get; }

        public string? Version { get; }
    }

    /// <summary>Something that sends data to a provider: a use of the manifest or a fine-tuning dataset.</summary>
    internal sealed class Subject
    {
        public string Label { get; set; } = string.Empty;

        public Use? Use { get; set; }

        public Dataset? Dataset { get; set; }

        public string Provider { get; set; } = string.Empty;

        public JsonNode ProviderNode { get; set; } = null!;

        public Purpose Purpose { get; set; }

        public JsonNode PurposeNode { get; set; } = null!;

        public DataClass Class { get; set; }

        public JsonNode ClassNode { get; set; } = null!;

        public DataCategory Categories { get; set; }

        public Dictionary<DataCategory, JsonNode> CategoryNodes { get; set; } = new Dictionary<DataCategory, JsonNode>();

        /// <summary>The effective ceiling for the provider and purpose; null when the provider or purpose is not allowed.</summary>
        public DataClass? Ceiling { get; set; }

        /// <summary>Error codes that deny this subject, in the order they were found.</summary>
        public List<string> Denials { get; } = new List<string>();

        /// <summary>Warning codes that concern this subject.</summary>
        public SortedSet<string> Warnings { get; } = new SortedSet<string>(StringComparer.Ordinal);
    }

    /// <summary>The status of an approval on the judged date.</summary>
    internal sealed class ApprovalStatus
    {
        public ApprovalStatus(Approval approval, string status)
        {
            Approval = approval;
            Status = status;
        }

        public Approval Approval { get; }

        /// <summary>valid, expiresSoon or expired.</summary>
        public string Status { get; }
    }

    /// <summary>A package the project references and the providers it talks to.</summary>
    internal sealed class PackageResult
    {
        public PackageResult(PackageInput package, List<string> providers, bool declared)
        {
            Package = package;
            Providers = providers;
            Declared = declared;
        }

        public PackageInput Package { get; }

        public List<string> Providers { get; }

        public bool Declared { get; }
    }

    /// <summary>Everything the evaluation found and decided.</summary>
    internal sealed class Evaluation
    {
        public List<Subject> Uses { get; } = new List<Subject>();

        public List<Subject> Datasets { get; } = new List<Subject>();

        public List<ApprovalStatus> Approvals { get; } = new List<ApprovalStatus>();

        public List<PackageResult> Packages { get; } = new List<PackageResult>();

        /// <summary>Provider id → purpose → effective ceiling, for the declared and allowed uses.</summary>
        public SortedDictionary<string, SortedDictionary<Purpose, DataClass>> Ceilings { get; } =
            new SortedDictionary<string, SortedDictionary<Purpose, DataClass>>(StringComparer.Ordinal);
    }

    /// <summary>The semantic checks: a manifest against an allow-list on a given date (FTP1020-FTP1044).</summary>
    internal sealed class PolicyEvaluator
    {
        /// <summary>How many days before an expiry or review date the task warns.</summary>
        public const int WarningDays = 30;

        private readonly AllowList allowList;
        private readonly Manifest manifest;
        private readonly DateTime today;
        private readonly DiagnosticBag diagnostics;
        private readonly Evaluation result = new Evaluation();

        public PolicyEvaluator(AllowList allowList, Manifest manifest, DateTime today, DiagnosticBag diagnostics)
        {
            this.allowList = allowList;
            this.manifest = manifest;
            this.today = today.Date;
            this.diagnostics = diagnostics;
        }

        public Evaluation Evaluate(IReadOnlyList<PackageInput> packages)
        {
            CheckAllowListConsistency();
            if (diagnostics.HasErrors)
            {
                // Duplicate provider ids or dangling sinks make the allow-list ambiguous: fix it before judging uses.
                return result;
            }

            CheckManifestDuplicates();

            foreach (var use in manifest.Uses)
            {
                var subject = new Subject
                {
                    Label = $"uses[{use.Index}] ({use.Provider}, {PolicyNames.Name(use.Purpose)})",
                    Use = use,
                    Provider = use.Provider,
                    ProviderNode = use.ProviderNode,
                    Purpose = use.Purpose,
                    PurposeNode = use.PurposeNode,
                    Class = use.MaxClass,
                    ClassNode = use.ClassNode,
                    Categories = use.Categories,
                    CategoryNodes = use.CategoryNodes,
                };
                CheckSubject(subject);
                result.Uses.Add(subject);
            }

            foreach (var dataset in manifest.Datasets)
            {
                result.Datasets.Add(CheckDataset(dataset));
            }

            CheckApprovals();
            foreach (var subject in result.Uses.Concat(result.Datasets))
            {
                CheckRequiredApprovals(subject);
            }

            CheckReviewDates();
            CheckPackages(packages);
            ComputeCeilings();
            return result;
        }

        private static string Day(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private string AllowListName => System.IO.Path.GetFileName(allowList.File);

        private string ManifestName => System.IO.Path.GetFileName(manifest.File);

        private void CheckAllowListConsistency()
        {
            var seen = new Dictionary<string, Provider>(StringComparer.Ordinal);
            foreach (var provider in allowList.Providers)
            {
                if (seen.TryGetValue(provider.Id, out var first))
                {
                    diagnostics.Error(Codes.DuplicateProvider, allowList.File, provider.IdNode,
                        $"The provider id '{provider.Id}' is used twice in the allow-list (first at line {first.IdNode.Line}). Give each provider its own id, or merge the two entries into one.");
                }
                else
                {
                    seen.Add(provider.Id, provider);
                }
            }

            foreach (var sink in allowList.Sinks)
            {
                if (allowList.FindProvider(sink.Provider) == null)
                {
                    diagnostics.Error(Codes.SinkProviderUnknown, allowList.File, sink.ProviderNode,
                        $"The sink '{sink.Method}' sends to provider '{sink.Provider}', which is not on the allow-list. Add a provider with id '{sink.Provider}' to 'providers', or name one that is there: {ProviderList()}.");
                }
            }
        }

        private string ProviderList() =>
            allowList.Providers.Count == 0 ? "(none)" : string.Join(", ", allowList.Providers.Select(p => p.Id).Distinct());

        private void CheckManifestDuplicates()
        {
            var uses = new Dictionary<string, Use>(StringComparer.Ordinal);
            foreach (var use in manifest.Uses)
            {
                string key = use.Provider + "/" + PolicyNames.Name(use.Purpose);
                if (uses.TryGetValue(key, out var first))
                {
                    diagnostics.Error(Codes.DuplicateManifestEntry, manifest.File, use.Node,
                        $"uses[{use.Index}] declares '{use.Provider}' for {PolicyNames.Name(use.Purpose)} again (uses[{first.Index}] at line {first.Node.Line} already does). Merge the two into one use that lists every class and category.");
                }
                else
                {
                    uses.Add(key, use);
                }
            }

            var datasets = new Dictionary<string, Dataset>(StringComparer.Ordinal);
            foreach (var dataset in manifest.Datasets)
            {
                if (datasets.TryGetValue(dataset.Name, out var first))
                {
                    diagnostics.Error(Codes.DuplicateManifestEntry, manifest.File, dataset.NameNode,
                        $"The dataset name '{dataset.Name}' is used twice (first at line {first.NameNode.Line}). Give each dataset its own name; approvals refer to datasets by name.");
                }
                else
                {
                    datasets.Add(dataset.Name, dataset);
                }
            }

            var approvals = new Dictionary<string, Approval>(StringComparer.Ordinal);
            foreach (var approval in manifest.Approvals)
            {
                if (approvals.TryGetValue(approval.Id, out var first))
                {
                    diagnostics.Error(Codes.DuplicateManifestEntry, manifest.File, approval.IdNode,
                        $"The approval id '{approval.Id}' is used twice (first at line {first.IdNode.Line}). Give each approval its own id, for example its record or ticket number.");
                }
                else
                {
                    approvals.Add(approval.Id, approval);
                }
            }
        }

        private Subject CheckDataset(Dataset dataset)
        {
            DataClass effective = dataset.SourceClass;
            foreach (var step in dataset.Steps)
            {
                if (step.Sanitizer == null)
                {
                    continue;
                }

                var sanitizer = allowList.Sanitizers.Find(s => s.Method == step.Sanitizer);
                if (sanitizer == null)
                {
                    string known = allowList.Sanitizers.Count == 0 ? "the allow-list has none" : "the allow-list has " + string.Join(", ", allowList.Sanitizers.Select(s => s.Method));
                    diagnostics.Error(Codes.SanitizerUnknown, manifest.File, step.SanitizerNode!,
                        $"Dataset '{dataset.Name}' names the sanitizer '{step.Sanitizer}', which is not on the allow-list ({known}). Name one of those, describe the step with 'description' only (it then does not lower the class), or ask the security team to add the sanitizer.");
                }
                else if (sanitizer.Result < effective)
                {
                    effective = sanitizer.Result;
                }
            }

            var subject = new Subject
            {
                Label = $"Dataset '{dataset.Name}' ({dataset.Provider}, fineTuning)",
                Dataset = dataset,
                Provider = dataset.Provider,
                ProviderNode = dataset.ProviderNode,
                Purpose = Purpose.FineTuning,
                PurposeNode = dataset.ProviderNode,
                Class = effective,
                ClassNode = dataset.ClassNode,
                Categories = effective == DataClass.Public ? DataCategory.None : dataset.Categories,
                CategoryNodes = dataset.CategoryNodes,
            };

            if (!manifest.Uses.Exists(u => u.Provider == dataset.Provider && u.Purpose == Purpose.FineTuning))
            {
                diagnostics.Error(Codes.DatasetWithoutUse, manifest.File, dataset.ProviderNode,
                    $"Dataset '{dataset.Name}' is uploaded to '{dataset.Provider}' for fine-tuning, but 'uses' declares no fineTuning use of '{dataset.Provider}'. Add {{ \"provider\": \"{dataset.Provider}\", \"purpose\": \"fineTuning\", \"maxClass\": \"{PolicyNames.Name(effective)}\" }} to 'uses', or correct the dataset's provider.");
                subject.Denials.Add(Codes.DatasetWithoutUse);
            }

            CheckSubject(subject);
            return subject;
        }

        private void Deny(Subject subject, string code, JsonNode at, string message)
        {
            diagnostics.Error(code, manifest.File, at, message);
            subject.Denials.Add(code);
        }

        private void CheckSubject(Subject subject)
        {
            var provider = allowList.FindProvider(subject.Provider);
            if (provider == null)
            {
                Deny(subject, Codes.ProviderNotAllowed, subject.ProviderNode,
                    $"{subject.Label} names the provider '{subject.Provider}', which is not on the allow-list {AllowListName}. Use one of its providers ({ProviderList()}), or ask the security team to add '{subject.Provider}' with its contract facts.");
                return;
            }

            string purpose = PolicyNames.Name(subject.Purpose);
            if (!provider.Ceilings.TryGetValue(subject.Purpose, out DataClass listed))
            {
                var others = allowList.Providers.Where(p => p.Ceilings.ContainsKey(subject.Purpose)).Select(p => p.Id).Distinct().ToList();
                string alternatives = others.Count == 0 ? "no provider on the allow-list allows it" : "providers that allow it: " + string.Join(", ", others);
                Deny(subject, Codes.PurposeNotAllowed, subject.PurposeNode,
                    $"{subject.Label}: the allow-list does not allow {purpose} with '{provider.Id}' ({provider.DisplayName}); its ceilings name {CeilingList(provider)}. Use another provider ({alternatives}), or ask the security team to add a ceiling for {purpose} to '{provider.Id}'.");
                return;
            }

            var ceiling = EffectiveCeiling(provider, subject.Purpose, out _);
            subject.Ceiling = ceiling;
            string className = PolicyNames.Name(subject.Class);
            if (subject.Class == DataClass.Restricted && provider.Hosting != Hosting.Internal)
            {
                var internals = allowList.Providers.Where(p => p.Hosting == Hosting.Internal && EffectiveCeiling(p, subject.Purpose, out _) == DataClass.Restricted).Select(p => p.Id).Distinct().ToList();
                string alternatives = internals.Count == 0 ? "the allow-list has no internal provider that accepts Restricted data for " + purpose : "internal providers that accept it: " + string.Join(", ", internals);
                Deny(subject, Codes.RestrictedExternal, subject.ClassNode,
                    $"{subject.Label} sends Restricted data to '{provider.Id}' ({provider.DisplayName}), which is hosted externally; Restricted data may only go to internally hosted providers. Redact or minimise the data to Confidential or lower before it is sent, or use an internal provider ({alternatives}).");
            }
            else if (subject.Class > listed)
            {
                var higher = allowList.Providers.Where(p => p.Ceilings.TryGetValue(subject.Purpose, out var c) && c >= subject.Class).Select(p => p.Id).Distinct().ToList();
                string alternatives = higher.Count == 0 ? "no provider on the allow-list accepts " + className + " data for " + purpose : "providers that accept it: " + string.Join(", ", higher);
                Deny(subject, Codes.ClassAboveCeiling, subject.ClassNode,
                    $"{subject.Label} sends {className} data, but the allow-list's {purpose} ceiling for '{provider.Id}' is {PolicyNames.Name(listed)}. Lower the data to {PolicyNames.Name(listed)} or below (send fewer fields, or pass them through a sanitizer), or use another provider ({alternatives}).");
            }
            else
            {
                for (var level = DataClass.Internal; level <= subject.Class; level++)
                {
                    if (!allowList.ClassRequirements.TryGetValue(level, out var requirement))
                    {
                        continue;
                    }

                    var failures = Failures(provider, subject.Purpose, requirement, includeCertifications: true);
                    if (failures.Count > 0)
                    {
                        string lowered = ceiling.HasValue ? PolicyNames.Name(ceiling.Value) : "none";
                        Deny(subject, Codes.RequirementNotMet, subject.ClassNode,
                            $"{subject.Label} sends {className} data to '{provider.Id}', but '{provider.Id}' does not meet the organisation's requirement for {requirement.Label}: {string.Join("; ", failures)}. Its effective {purpose} ceiling is therefore {lowered}. Lower the data to {lowered}, use another provider, or have the security team update '{provider.Id}' in {AllowListName} once its contract changes.");
                        break;
                    }
                }
            }

            foreach (DataCategory category in Enum.GetValues(typeof(DataCategory)))
            {
                if (category == DataCategory.None || (subject.Categories & category) == 0 || !allowList.CategoryRequirements.TryGetValue(category, out var requirement))
                {
                    continue;
                }

                var at = subject.CategoryNodes.TryGetValue(category, out var node) ? node : subject.ClassNode;
                string name = PolicyNames.Joined(category);
                var missing = requirement.Certifications.Where(c => !provider.HasCertification(c)).ToList();
                if (missing.Count > 0)
                {
                    string has = provider.Certifications.Count == 0 ? "none" : string.Join(", ", provider.Certifications);
                    var holders = allowList.Providers.Where(p => p.Ceilings.ContainsKey(subject.Purpose) && missing.All(p.HasCertification)).Select(p => p.Id).Distinct().ToList();
                    string alternatives = holders.Count == 0 ? "no provider on the allow-list holds it" : "providers that hold it: " + string.Join(", ", holders);
                    Deny(subject, Codes.CertificationMissing, at,
                        $"{subject.Label} sends {name} data, and the organisation requires {string.Join(" and ", missing)} for {name} data, but the allow-list records no {string.Join(" or ", missing)} for '{provider.Id}' (its certifications: {has}). Remove the {name} data from this use, use another provider ({alternatives}), or have the security team record the {string.Join(" and ", missing)} for '{provider.Id}' in {AllowListName} once it is in place.");
                }

                var other = Failures(provider, subject.Purpose, requirement, includeCertifications: false);
                if (other.Count > 0)
                {
                    Deny(subject, Codes.RequirementNotMet, at,
                        $"{subject.Label} sends {name} data to '{provider.Id}', but '{provider.Id}' does not meet the organisation's requirement for {requirement.Label}: {string.Join("; ", other)}. Remove the {name} data from this use, use another provider, or have the security team update '{provider.Id}' in {AllowListName} once its contract changes.");
                }
            }
        }

        private static string CeilingList(Provider provider) =>
            provider.Ceilings.Count == 0
                ? "no purpose at all"
                : string.Join(", ", provider.Ceilings.Select(c => PolicyNames.Name(c.Key) + " up to " + PolicyNames.Name(c.Value)));

        /// <summary>
        /// The allow-list ceiling for a provider and purpose, lowered below every class whose requirement (or a lower
        /// class's requirement) the provider's facts fail; Restricted only for internally hosted providers.
        /// </summary>
        public DataClass? EffectiveCeiling(Provider provider, Purpose purpose, out string? loweredBy)
        {
            loweredBy = null;
            if (!provider.Ceilings.TryGetValue(purpose, out DataClass ceiling))
            {
                return null;
            }

            if (ceiling == DataClass.Restricted && provider.Hosting != Hosting.Internal)
            {
                ceiling = DataClass.Confidential;
                loweredBy = "Restricted needs internal hosting";
            }

            for (var level = DataClass.Internal; level <= ceiling; level++)
            {
                if (allowList.ClassRequirements.TryGetValue(level, out var requirement)
                    && Failures(provider, purpose, requirement, includeCertifications: true).Count > 0)
                {
                    loweredBy = "requirement for " + requirement.Label;
                    return level - 1;
                }
            }

            return ceiling;
        }

        /// <summary>The facts of <paramref name="provider"/> that break <paramref name="requirement"/>, in words.</summary>
        private static List<string> Failures(Provider provider, Purpose purpose, Requirement requirement, bool includeCertifications)
        {
            var failures = new List<string>();
            if (requirement.TrainsOnCustomerData.HasValue && requirement.TrainsOnCustomerData.Value != provider.TrainsOnCustomerData)
            {
                failures.Add(provider.TrainsOnCustomerData
                    ? "it trains on customer data (trainsOnCustomerData is true, the requirement is false)"
                    : "it does not train on customer data, and the requirement says trainsOnCustomerData true");
            }

            if (requirement.MaxRetentionDays.HasValue && provider.RetentionDays > requirement.MaxRetentionDays.Value)
            {
                failures.Add($"it keeps data {provider.RetentionDays} days (retentionDays), more than the {requirement.MaxRetentionDays.Value} allowed (maxRetentionDays)");
            }

            if (requirement.Hosting.HasValue && requirement.Hosting.Value != provider.Hosting)
            {
                failures.Add($"it is hosted {PolicyNames.Name(provider.Hosting)}ly, and the requirement is hosting {PolicyNames.Name(requirement.Hosting.Value)}");
            }

            if (requirement.Regions != null)
            {
                if (provider.Regions == null || provider.Regions.Count == 0)
                {
                    failures.Add($"its contract lists no regions, and the requirement allows only {string.Join(", ", requirement.Regions)}");
                }
                else
                {
                    var outside = provider.Regions.Where(r => !requirement.Regions.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
                    if (outside.Count > 0)
                    {
                        failures.Add($"it processes data in {string.Join(", ", outside)}, outside the allowed regions {string.Join(", ", requirement.Regions)}");
                    }
                }
            }

            if (includeCertifications)
            {
                var missing = requirement.Certifications.Where(c => !provider.HasCertification(c)).ToList();
                if (missing.Count > 0)
                {
                    failures.Add($"it lacks the certification {string.Join(", ", missing)}");
                }
            }

            if (purpose == Purpose.FineTuning && requirement.IsolatedFineTuning.HasValue && requirement.IsolatedFineTuning.Value != provider.IsolatedFineTuning)
            {
                failures.Add(provider.IsolatedFineTuning
                    ? "its fine-tuning is isolated, and the requirement says isolatedFineTuning false"
                    : "its fine-tuning is not isolated to the organisation (isolatedFineTuning is false or missing)");
            }

            return failures;
        }

        private void CheckApprovals()
        {
            foreach (var approval in manifest.Approvals)
            {
                string status = "valid";
                if (approval.Expires < today)
                {
                    status = "expired";
                    diagnostics.Error(Codes.ApprovalExpired, manifest.File, approval.ExpiresNode,
                        $"Approval '{approval.Id}' ({approval.Who}, {approval.Role}) expired on {Day(approval.Expires)}. Renew it with the approver and update 'approvedOn' and 'expires', or remove the approval and the uses and datasets it covers.");
                }
                else if ((approval.Expires - today).TotalDays <= WarningDays)
                {
                    status = "expiresSoon";
                    int days = (int)(approval.Expires - today).TotalDays;
                    diagnostics.Warning(Codes.ApprovalExpiresSoon, manifest.File, approval.ExpiresNode,
                        $"Approval '{approval.Id}' ({approval.Who}, {approval.Role}) expires on {Day(approval.Expires)}, {(days == 0 ? "today" : "in " + days.ToString(CultureInfo.InvariantCulture) + (days == 1 ? " day" : " days"))}. Renew it with the approver and update 'approvedOn' and 'expires'; after {Day(approval.Expires)} the build fails.");
                }

                result.Approvals.Add(new ApprovalStatus(approval, status));

                foreach (var cover in approval.Covers)
                {
                    if (cover.Dataset != null && !manifest.Datasets.Exists(d => d.Name == cover.Dataset))
                    {
                        string known = manifest.Datasets.Count == 0 ? "the manifest declares none" : "declared: " + string.Join(", ", manifest.Datasets.Select(d => d.Name));
                        diagnostics.Error(Codes.ApprovalCoversNothing, manifest.File, cover.Node,
                            $"Approval '{approval.Id}' covers the dataset '{cover.Dataset}', which the manifest does not declare ({known}). Correct the name, or remove this entry from 'covers'.");
                    }
                    else if (cover.Provider != null && !manifest.Uses.Exists(u => u.Provider == cover.Provider && u.Purpose == cover.Purpose))
                    {
                        string known = manifest.Uses.Count == 0 ? "the manifest declares none" : "declared: " + string.Join(", ", manifest.Uses.Select(u => u.Provider + "/" + PolicyNames.Name(u.Purpose)));
                        diagnostics.Error(Codes.ApprovalCoversNothing, manifest.File, cover.Node,
                            $"Approval '{approval.Id}' covers '{cover.Provider}' for {PolicyNames.Name(cover.Purpose!.Value)}, but the manifest declares no such use ({known}). Correct the provider or purpose, or remove this entry from 'covers'.");
                    }
                }
            }
        }

        private static bool Covers(Approval approval, Subject subject) =>
            approval.Covers.Exists(c =>
                (subject.Dataset != null && c.Dataset == subject.Dataset.Name)
                || (c.Provider == subject.Provider && c.Purpose == subject.Purpose));

        private void CheckRequiredApprovals(Subject subject)
        {
            if (allowList.FindProvider(subject.Provider) == null)
            {
                return;
            }

            foreach (var rule in allowList.RequiredApprovals)
            {
                bool applies = (!rule.Purpose.HasValue || rule.Purpose.Value == subject.Purpose)
                    && (!rule.MinClass.HasValue || subject.Class >= rule.MinClass.Value)
                    && (!rule.Categories.HasValue || (subject.Categories & rule.Categories.Value) != 0)
                    && (rule.Providers == null || rule.Providers.Contains(subject.Provider));
                if (!applies)
                {
                    continue;
                }

                var candidates = result.Approvals.Where(a => string.Equals(a.Approval.Role, rule.Role, StringComparison.OrdinalIgnoreCase) && Covers(a.Approval, subject)).ToList();
                if (candidates.Exists(a => a.Status != "expired"))
                {
                    if (candidates.TrueForAll(a => a.Status != "valid"))
                    {
                        subject.Warnings.Add(Codes.ApprovalExpiresSoon);
                    }

                    continue;
                }

                if (candidates.Count > 0)
                {
                    subject.Denials.Add(Codes.ApprovalExpired);
                    continue;
                }

                string cover = subject.Dataset != null
                    ? $"{{ \"dataset\": \"{subject.Dataset.Name}\" }}"
                    : $"{{ \"provider\": \"{subject.Provider}\", \"purpose\": \"{PolicyNames.Name(subject.Purpose)}\" }}";
                string why = rule.Reason != null ? ": " + rule.Reason : string.Empty;
                Deny(subject, Codes.ApprovalMissing, subject.Use?.Node ?? subject.Dataset!.Node,
                    $"{subject.Label} needs an approval from the role '{rule.Role}' (allow-list requiredApprovals[{rule.Index}]{why}), and no approval of that role covers it. Once approved, add to 'approvals': {{ \"id\": \"<record id>\", \"who\": \"<approver>\", \"role\": \"{rule.Role}\", \"approvedOn\": \"{Day(today)}\", \"expires\": \"<yyyy-MM-dd>\", \"covers\": [{cover}] }}.");
            }
        }

        private void CheckReviewDates()
        {
            var used = new HashSet<string>(manifest.Uses.Select(u => u.Provider).Concat(manifest.Datasets.Select(d => d.Provider)), StringComparer.Ordinal);
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var provider in allowList.Providers)
            {
                if (!used.Contains(provider.Id) || !reported.Add(provider.Id))
                {
                    continue;
                }

                string? code = null;
                if (provider.ReviewBy < today)
                {
                    code = Codes.ReviewOverdue;
                    diagnostics.Error(code, allowList.File, provider.ReviewByNode,
                        $"Provider '{provider.Id}' ({provider.DisplayName}) was due for review by {Day(provider.ReviewBy)}, so its contract facts may be out of date. The security team must review its contract and move 'reviewBy' forward in {AllowListName}; until then, builds that use '{provider.Id}' fail.");
                }
                else if ((provider.ReviewBy - today).TotalDays <= WarningDays)
                {
                    code = Codes.ReviewDueSoon;
                    int days = (int)(provider.ReviewBy - today).TotalDays;
                    diagnostics.Warning(code, allowList.File, provider.ReviewByNode,
                        $"Provider '{provider.Id}' ({provider.DisplayName}) is due for review by {Day(provider.ReviewBy)}, {(days == 0 ? "today" : "in " + days.ToString(CultureInfo.InvariantCulture) + (days == 1 ? " day" : " days"))}. Ask the security team to review its contract and move 'reviewBy' forward in {AllowListName}; after {Day(provider.ReviewBy)}, builds that use '{provider.Id}' fail.");
                }

                if (code == null)
                {
                    continue;
                }

                foreach (var subject in result.Uses.Concat(result.Datasets).Where(s => s.Provider == provider.Id))
                {
                    if (code == Codes.ReviewOverdue)
                    {
                        subject.Denials.Add(code);
                    }
                    else
                    {
                        subject.Warnings.Add(code);
                    }
                }
            }
        }

        private void CheckPackages(IReadOnlyList<PackageInput> packages)
        {
            var declared = new HashSet<string>(manifest.Uses.Select(u => u.Provider), StringComparer.Ordinal);
            foreach (var package in packages)
            {
                var providers = SdkPackages.ProvidersOf(package.Id, allowList);
                bool ok = providers.Count == 0 || providers.Exists(declared.Contains);
                result.Packages.Add(new PackageResult(package, providers, ok));
                if (ok)
                {
                    continue;
                }

                string provider = providers[0];
                string which = providers.Count == 1 ? $"the provider '{provider}'" : "the providers " + string.Join(", ", providers.Select(p => "'" + p + "'"));
                string version = string.IsNullOrEmpty(package.Version) ? string.Empty : " " + package.Version;
                string note = allowList.FindProvider(provider) == null
                    ? $" '{provider}' is not on the allow-list either, so the security team must add it first."
                    : string.Empty;
                diagnostics.Error(Codes.UndeclaredSdkProvider, manifest.File, manifest.UsesNode,
                    $"The project references the package '{package.Id}'{version}, which talks to {which}, but {ManifestName} declares no use of {(providers.Count == 1 ? "it" : "any of them")}. Add a use such as {{ \"provider\": \"{provider}\", \"purpose\": \"inference\", \"maxClass\": \"Internal\" }} to 'uses' (with the purposes and classes the project really sends), or remove the package reference.{note}");
            }
        }

        private void ComputeCeilings()
        {
            foreach (var use in manifest.Uses)
            {
                var provider = allowList.FindProvider(use.Provider);
                if (provider == null)
                {
                    continue;
                }

                var ceiling = EffectiveCeiling(provider, use.Purpose, out _);
                if (!ceiling.HasValue)
                {
                    continue;
                }

                if (!result.Ceilings.TryGetValue(provider.Id, out var purposes))
                {
                    purposes = new SortedDictionary<Purpose, DataClass>();
                    result.Ceilings.Add(provider.Id, purposes);
                }

                // The analyzer holds the project to what it declared and had approved, within what the allow-list permits.
                purposes[use.Purpose] = use.MaxClass < ceiling.Value ? use.MaxClass : ceiling.Value;
            }
        }
    }
}
