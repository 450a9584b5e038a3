using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FineTunePolicy.Build.Tasks.Diagnostics;
using FineTunePolicy.Build.Tasks.Json;
using FineTunePolicy.Build.Tasks.Model;

namespace FineTunePolicy.Build.Tasks.Validation
{
    /// <summary>
    /// The semantic checks: a manifest against an allow-list on a given date (FTP1020-FTP1044; the tuned models, FTP1070-FTP1078, in
    /// PolicyEvaluator.Models.cs).
    /// </summary>
    internal sealed partial class PolicyEvaluator
    {
        /// <summary>How many days before an expiry or review date the task warns.</summary>
        public const int WarningDays = 30;

        private readonly AllowList _allowList;
        private readonly Manifest _manifest;
        private readonly DateTime _today;
        private readonly DiagnosticBag _diagnostics;
        private readonly ProviderCeilings _ceilings;
        private readonly Evaluation _result = new Evaluation();

        public PolicyEvaluator(AllowList allowList, Manifest manifest, DateTime today, DiagnosticBag diagnostics)
        {
            _allowList = allowList;
            _manifest = manifest;
            _today = today.Date;
            _diagnostics = diagnostics;
            _ceilings = new ProviderCeilings(allowList);
        }

        public Evaluation Evaluate(IReadOnlyList<PackageInput> packages)
        {
            CheckAllowListConsistency();
            if (_diagnostics.HasErrors)
            {
                // Duplicate provider ids or dangling sinks make the allow-list ambiguous: fix it before judging uses.
                return _result;
            }

            CheckManifestDuplicates();

            foreach (var use in _manifest.Uses)
            {
                var subject = new Subject
                {
                    Label = Messages.UseLabel(use),
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
                _result.Uses.Add(subject);
            }

            foreach (var dataset in _manifest.Datasets)
            {
                _result.Datasets.Add(CheckDataset(dataset));
            }

            CheckApprovals();
            foreach (var subject in _result.Uses.Concat(_result.Datasets))
            {
                CheckRequiredApprovals(subject);
            }

            CheckModels();

            CheckReviewDates();
            CheckPackages(packages);
            ComputeCeilings();
            return _result;
        }

        private string AllowListName => System.IO.Path.GetFileName(_allowList.File);

        private string ManifestName => System.IO.Path.GetFileName(_manifest.File);

        private void CheckAllowListConsistency()
        {
            FirstOfEach(_allowList.Providers, p => p.Id, (provider, first) => _diagnostics.Error(Codes.DuplicateProvider, _allowList.File,
                provider.IdNode, Messages.DuplicateProvider(provider.Id, first.IdNode.Line)));

            foreach (var sink in _allowList.Sinks)
            {
                if (_allowList.FindProvider(sink.Provider) == null)
                {
                    _diagnostics.Error(Codes.SinkProviderUnknown, _allowList.File, sink.ProviderNode,
                        Messages.SinkProviderUnknown(sink.Method, sink.Provider, ProviderIds()));
                }
            }

            CheckRegistryConsistency();
        }

        private List<string> ProviderIds() => ProviderIds(_ => true);

        private List<string> ProviderIds(Func<Provider, bool> where) => _allowList.Providers.Where(where).Select(p => p.Id).Distinct().ToList();

        private void CheckManifestDuplicates()
        {
            FirstOfEach(_manifest.Uses, u => u.Provider + "/" + PolicyNames.Name(u.Purpose), (use, first) => _diagnostics.Error(
                Codes.DuplicateManifestEntry, _manifest.File, use.Node, Messages.DuplicateUse(use, first)));
            FirstOfEach(_manifest.Datasets, d => d.Name, (dataset, first) => _diagnostics.Error(Codes.DuplicateManifestEntry, _manifest.File,
                dataset.NameNode, Messages.DuplicateDataset(dataset.Name, first.NameNode.Line)));
            FirstOfEach(_manifest.Models, m => m.Id, (model, first) => _diagnostics.Error(Codes.DuplicateManifestEntry, _manifest.File,
                model.IdNode, Messages.DuplicateModelUse(model.Id, first.IdNode.Line)));
            FirstOfEach(_manifest.Approvals, a => a.Id, (approval, first) => _diagnostics.Error(Codes.DuplicateManifestEntry, _manifest.File,
                approval.IdNode, Messages.DuplicateApproval(approval.Id, first.IdNode.Line)));
        }

        /// <summary>The first entry of each key; every later entry with the same key is handed to <paramref name="duplicate"/> with the first.</summary>
        private static Dictionary<string, T> FirstOfEach<T>(IEnumerable<T> entries, Func<T, string> key, Action<T, T> duplicate)
        {
            var firsts = new Dictionary<string, T>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                if (firsts.TryGetValue(key(entry), out var first))
                {
                    duplicate(entry, first);
                }
                else
                {
                    firsts.Add(key(entry), entry);
                }
            }

            return firsts;
        }

        private Subject CheckDataset(Dataset dataset)
        {
            var effective = dataset.SourceClass;
            foreach (var step in dataset.Steps)
            {
                if (step.Sanitizer == null)
                {
                    continue;
                }

                var sanitizer = _allowList.Sanitizers.Find(s => s.Method == step.Sanitizer);
                if (sanitizer == null)
                {
                    _diagnostics.Error(Codes.SanitizerUnknown, _manifest.File, step.SanitizerNode!,
                        Messages.SanitizerUnknown(dataset.Name, step.Sanitizer, _allowList.Sanitizers.Select(s => s.Method).ToList()));
                }
                else if (sanitizer.Result < effective)
                {
                    effective = sanitizer.Result;
                }
            }

            var subject = new Subject
            {
                Label = Messages.DatasetLabel(dataset),
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

            if (!_manifest.Uses.Exists(u => u.Provider == dataset.Provider && u.Purpose == Purpose.FineTuning))
            {
                _diagnostics.Error(Codes.DatasetWithoutUse, _manifest.File, dataset.ProviderNode,
                    Messages.DatasetWithoutUse(dataset, effective));
                subject.Denials.Add(Codes.DatasetWithoutUse);
            }

            CheckSubject(subject);
            return subject;
        }

        private void Deny(Subject subject, string code, JsonNode at, string message)
        {
            _diagnostics.Error(code, _manifest.File, at, message);
            subject.Denials.Add(code);
        }

        private void CheckSubject(Subject subject)
        {
            var provider = _allowList.FindProvider(subject.Provider);
            if (provider == null)
            {
                Deny(subject, Codes.ProviderNotAllowed, subject.ProviderNode,
                    Messages.ProviderNotAllowed(subject, AllowListName, ProviderIds()));
                return;
            }

            if (!provider.Ceilings.TryGetValue(subject.Purpose, out var listed))
            {
                var others = _allowList.Providers.Where(p => p.Ceilings.ContainsKey(subject.Purpose)).Select(p => p.Id).Distinct().ToList();
                Deny(subject, Codes.PurposeNotAllowed, subject.PurposeNode, Messages.PurposeNotAllowed(subject, provider, others));
                return;
            }

            var ceiling = _ceilings.Effective(provider, subject.Purpose);
            subject.Ceiling = ceiling;
            if (subject.Class == DataClass.Restricted && provider.Hosting != Hosting.Internal)
            {
                var internals = ProviderIds(p => p.Hosting == Hosting.Internal && _ceilings.Effective(p, subject.Purpose) == DataClass.Restricted);
                Deny(subject, Codes.RestrictedExternal, subject.ClassNode, Messages.RestrictedExternal(subject, provider, internals));
            }
            else if (subject.Class > listed)
            {
                var higher = ProviderIds(p => p.Ceilings.TryGetValue(subject.Purpose, out var c) && c >= subject.Class);
                Deny(subject, Codes.ClassAboveCeiling, subject.ClassNode, Messages.ClassAboveCeiling(subject, provider, listed, higher));
            }
            else
            {
                for (var level = DataClass.Internal; level <= subject.Class; level++)
                {
                    if (!_allowList.ClassRequirements.TryGetValue(level, out var requirement))
                    {
                        continue;
                    }

                    var failures = ProviderCeilings.Failures(provider, subject.Purpose, requirement, includeCertifications: true);
                    if (failures.Count > 0)
                    {
                        Deny(subject, Codes.RequirementNotMet, subject.ClassNode,
                            Messages.ClassRequirementNotMet(subject, provider, requirement.Label, failures, ceiling, AllowListName));
                        break;
                    }
                }
            }

            foreach (DataCategory category in Enum.GetValues(typeof(DataCategory)))
            {
                if (category == DataCategory.None
                    || (subject.Categories & category) == 0
                    || !_allowList.CategoryRequirements.TryGetValue(category, out var requirement))
                {
                    continue;
                }

                var at = subject.CategoryNodes.TryGetValue(category, out var node) ? node : subject.ClassNode;
                var name = PolicyNames.Joined(category);
                var missing = requirement.Certifications.Where(c => !provider.HasCertification(c)).ToList();
                if (missing.Count > 0)
                {
                    var holders = ProviderIds(p => p.Ceilings.ContainsKey(subject.Purpose) && missing.All(p.HasCertification));
                    Deny(subject, Codes.CertificationMissing, at, Messages.CertificationMissing(subject, name, provider, missing, holders, AllowListName));
                }

                var other = ProviderCeilings.Failures(provider, subject.Purpose, requirement, includeCertifications: false);
                if (other.Count > 0)
                {
                    Deny(subject, Codes.RequirementNotMet, at,
                        Messages.CategoryRequirementNotMet(subject, name, provider, requirement.Label, other, AllowListName));
                }
            }
        }

        private void CheckApprovals()
        {
            foreach (var approval in _manifest.Approvals)
            {
                var status = "valid";
                if (approval.Expires < _today)
                {
                    status = "expired";
                    _diagnostics.Error(Codes.ApprovalExpired, _manifest.File, approval.ExpiresNode,
                        Messages.ApprovalExpired(approval));
                }
                else if ((approval.Expires - _today).TotalDays <= WarningDays)
                {
                    status = "expiresSoon";
                    _diagnostics.Warning(Codes.ApprovalExpiresSoon, _manifest.File, approval.ExpiresNode,
                        Messages.ApprovalExpiresSoon(approval, (int)(approval.Expires - _today).TotalDays));
                }

                _result.Approvals.Add(new ApprovalStatus(approval, status));

                foreach (var cover in approval.Covers)
                {
                    if (cover.Dataset != null && !_manifest.Datasets.Exists(d => d.Name == cover.Dataset))
                    {
                        _diagnostics.Error(Codes.ApprovalCoversNothing, _manifest.File, cover.Node,
                            Messages.ApprovalCoversNoDataset(approval.Id, cover.Dataset, _manifest.Datasets.Select(d => d.Name).ToList()));
                    }
                    else if (cover.Provider != null && !_manifest.Uses.Exists(u => u.Provider == cover.Provider && u.Purpose == cover.Purpose))
                    {
                        _diagnostics.Error(Codes.ApprovalCoversNothing, _manifest.File, cover.Node,
                            Messages.ApprovalCoversNoUse(approval.Id, cover.Provider, cover.Purpose!.Value,
                                _manifest.Uses.Select(u => u.Provider + "/" + PolicyNames.Name(u.Purpose)).ToList()));
                    }
                    else if (cover.Model != null && !_manifest.Models.Exists(m => m.Id == cover.Model))
                    {
                        _diagnostics.Error(Codes.ApprovalCoversNothing, _manifest.File, cover.Node,
                            Messages.ApprovalCoversNoModel(approval.Id, cover.Model, _manifest.Models.Select(m => m.Id).ToList()));
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
            if (_allowList.FindProvider(subject.Provider) == null)
            {
                return;
            }

            foreach (var rule in _allowList.RequiredApprovals)
            {
                var applies = (!rule.Purpose.HasValue || rule.Purpose.Value == subject.Purpose)
                    && (!rule.MinClass.HasValue || subject.Class >= rule.MinClass.Value)
                    && (!rule.Categories.HasValue || (subject.Categories & rule.Categories.Value) != 0)
                    && (rule.Providers == null || rule.Providers.Contains(subject.Provider));
                if (!applies)
                {
                    continue;
                }

                var candidates = _result.Approvals
                    .Where(a => string.Equals(a.Approval.Role, rule.Role, StringComparison.OrdinalIgnoreCase) && Covers(a.Approval, subject))
                    .ToList();
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

                Deny(subject, Codes.ApprovalMissing, subject.Use?.Node ?? subject.Dataset!.Node, Messages.ApprovalMissing(subject, rule, _today));
            }
        }

        private void CheckReviewDates()
        {
            var used = new HashSet<string>(_manifest.Uses.Select(u => u.Provider).Concat(_manifest.Datasets.Select(d => d.Provider)), StringComparer.Ordinal);
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var provider in _allowList.Providers)
            {
                if (!used.Contains(provider.Id) || !reported.Add(provider.Id))
                {
                    continue;
                }

                string? code = null;
                if (provider.ReviewBy < _today)
                {
                    code = Codes.ReviewOverdue;
                    _diagnostics.Error(code, _allowList.File, provider.ReviewByNode,
                        Messages.ReviewOverdue(provider, AllowListName));
                }
                else if ((provider.ReviewBy - _today).TotalDays <= WarningDays)
                {
                    code = Codes.ReviewDueSoon;
                    _diagnostics.Warning(code, _allowList.File, provider.ReviewByNode,
                        Messages.ReviewDueSoon(provider, (int)(provider.ReviewBy - _today).TotalDays, AllowListName));
                }

                if (code == null)
                {
                    continue;
                }

                foreach (var subject in _result.Uses.Concat(_result.Datasets).Where(s => s.Provider == provider.Id))
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
            var declared = new HashSet<string>(_manifest.Uses.Select(u => u.Provider), StringComparer.Ordinal);
            foreach (var package in packages)
            {
                var providers = SdkPackages.ProvidersOf(package.Id, _allowList);
                var ok = providers.Count == 0 || providers.Exists(declared.Contains);
                _result.Packages.Add(new PackageResult(package, providers, ok));
                if (ok)
                {
                    continue;
                }

                _diagnostics.Error(Codes.UndeclaredSdkProvider, _manifest.File, _manifest.UsesNode,
                    Messages.UndeclaredSdkProvider(package, providers, ManifestName, onAllowList: _allowList.FindProvider(providers[0]) != null));
            }
        }

        private void ComputeCeilings()
        {
            foreach (var use in _manifest.Uses)
            {
                var provider = _allowList.FindProvider(use.Provider);
                if (provider == null)
                {
                    continue;
                }

                var ceiling = _ceilings.Effective(provider, use.Purpose);
                if (!ceiling.HasValue)
                {
                    continue;
                }

                if (!_result.Ceilings.TryGetValue(provider.Id, out var purposes))
                {
                    purposes = new SortedDictionary<Purpose, DataClass>();
                    _result.Ceilings.Add(provider.Id, purposes);
                }

                // The analyzer holds the project to what it declared and had approved, within what the allow-list permits.
                purposes[use.Purpose] = use.MaxClass < ceiling.Value ? use.MaxClass : ceiling.Value;
            }
        }
    }
}
