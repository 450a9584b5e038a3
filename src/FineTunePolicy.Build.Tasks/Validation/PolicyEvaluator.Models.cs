using System;
using System.Collections.Generic;
using System.Linq;
using FineTunePolicy.Build.Tasks.Diagnostics;
using FineTunePolicy.Build.Tasks.Json;
using FineTunePolicy.Build.Tasks.Model;

namespace FineTunePolicy.Build.Tasks.Validation
{
    /// <summary>
    /// Tuned models (FTP1070-FTP1078): the registry's own consistency, and each model the manifest declares against the
    /// registry, the project's uses and audience, the approvals and the judged date.
    /// </summary>
    internal sealed partial class PolicyEvaluator
    {
        /// <summary>
        /// Every registry entry and audience, used or not (like the sinks): unique ids and names, a provider on the
        /// allow-list, defined audiences.
        /// </summary>
        private void CheckRegistryConsistency()
        {
            var audiences = FirstOfEach(_allowList.Audiences, a => a.Name, (audience, first) => _diagnostics.Error(Codes.DuplicateProvider,
                _allowList.File, audience.NameNode, Messages.DuplicateAudience(audience.Name, first.NameNode.Line)));

            var models = new Dictionary<string, RegisteredModel>(StringComparer.Ordinal);
            foreach (var model in _allowList.Models)
            {
                if (models.TryGetValue(model.Id, out var first))
                {
                    _diagnostics.Error(Codes.DuplicateProvider, _allowList.File, model.IdNode, Messages.DuplicateModel(model.Id, first.IdNode.Line));
                }
                else
                {
                    models.Add(model.Id, model);
                }

                if (_allowList.FindProvider(model.Provider) == null)
                {
                    _diagnostics.Error(Codes.SinkProviderUnknown, _allowList.File, model.ProviderNode,
                        Messages.ModelProviderUnknown(model.Id, model.Provider, ProviderIds()));
                }

                for (var i = 0; i < model.Audiences.Count; i++)
                {
                    if (!audiences.ContainsKey(model.Audiences[i]))
                    {
                        _diagnostics.Error(Codes.AudienceUnknown, _allowList.File, model.AudienceNodes[i],
                            Messages.ModelAudienceUnknown(model.Id, model.Audiences[i], AudienceNames()));
                    }
                }
            }
        }

        private List<string> AudienceNames() => _allowList.Audiences.Select(a => a.Name).ToList();

        private void CheckModels()
        {
            var audience = ProjectAudience();
            if (_manifest.Models.Count > 0 && _manifest.Audience == null)
            {
                _diagnostics.Error(Codes.AudienceMissing, _manifest.File, _manifest.ModelsNode!, Messages.AudienceMissing(AudienceNames()));
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var use in _manifest.Models)
            {
                if (!seen.Add(use.Id))
                {
                    continue; // declared twice: FTP1022, judged once
                }

                var entry = _allowList.FindModel(use.Id);
                var result = new ModelResult(use, entry);
                _result.Models.Add(result);
                if (entry == null)
                {
                    Deny(result, Codes.ModelNotRegistered, _manifest.File, use.IdNode,
                        Messages.ModelNotRegistered(use.Id, AllowListName, _allowList.Models.Select(m => m.Id).ToList()));
                    continue;
                }

                if (!_manifest.Uses.Exists(u => u.Provider == entry.Provider && u.Purpose == Purpose.Inference))
                {
                    Deny(result, Codes.ModelProviderNotDeclared, _manifest.File, use.IdNode, Messages.ModelProviderNotDeclared(entry));
                }

                var provider = _allowList.FindProvider(entry.Provider)!;
                var ceiling = _ceilings.Effective(provider, Purpose.FineTuning);
                if (!ceiling.HasValue || entry.Class > ceiling.Value)
                {
                    Deny(result, Codes.ModelAboveFineTuningCeiling, _allowList.File, entry.ClassNode,
                        Messages.ModelAboveFineTuningCeiling(entry, provider, ceiling, AllowListName));
                }

                if (audience != null)
                {
                    if (!entry.Audiences.Contains(audience.Name))
                    {
                        Deny(result, Codes.ModelAudienceNotAllowed, _manifest.File, use.IdNode, Messages.ModelAudienceNotAllowed(entry, audience));
                    }
                    else if (entry.Class > audience.MaxClass)
                    {
                        CheckModelApproval(result, entry, audience);
                    }
                }

                CheckModelReview(result, entry);
            }
        }

        /// <summary>The manifest's audience as the allow-list defines it; null (FTP1073 when named but undefined) when there is none.</summary>
        private Audience? ProjectAudience()
        {
            if (_manifest.Audience == null)
            {
                return null;
            }

            var audience = _allowList.FindAudience(_manifest.Audience);
            _result.Audience = audience;
            if (audience == null)
            {
                _diagnostics.Error(Codes.AudienceUnknown, _manifest.File, _manifest.AudienceNode!,
                    Messages.ProjectAudienceUnknown(_manifest.Audience, AllowListName, AudienceNames()));
            }

            return audience;
        }

        /// <summary>A training class above the audience's: an approval of the entry's role covering the model, like the required approvals.</summary>
        private void CheckModelApproval(ModelResult result, RegisteredModel entry, Audience audience)
        {
            var candidates = entry.ApprovalRole == null
                ? new List<ApprovalStatus>()
                : _result.Approvals
                    .Where(a => string.Equals(a.Approval.Role, entry.ApprovalRole, StringComparison.OrdinalIgnoreCase)
                        && a.Approval.Covers.Exists(c => c.Model == entry.Id))
                    .ToList();
            if (candidates.Exists(a => a.Status != "expired"))
            {
                if (candidates.TrueForAll(a => a.Status != "valid"))
                {
                    result.Warnings.Add(Codes.ApprovalExpiresSoon);
                }

                return;
            }

            if (candidates.Count > 0)
            {
                // Reported at the approval's expires by CheckApprovals.
                result.Denials.Add(Codes.ApprovalExpired);
                return;
            }

            Deny(result, Codes.ModelClassAboveAudience, _manifest.File, result.Use.IdNode, Messages.ModelClassAboveAudience(entry, audience, _today));
        }

        private void CheckModelReview(ModelResult result, RegisteredModel entry)
        {
            if (entry.ReviewBy < _today)
            {
                Deny(result, Codes.ModelReviewOverdue, _allowList.File, entry.ReviewByNode, Messages.ModelReviewOverdue(entry, AllowListName));
            }
            else if ((entry.ReviewBy - _today).TotalDays <= WarningDays)
            {
                _diagnostics.Warning(Codes.ModelReviewDueSoon, _allowList.File, entry.ReviewByNode,
                    Messages.ModelReviewDueSoon(entry, (int)(entry.ReviewBy - _today).TotalDays, AllowListName));
                result.Warnings.Add(Codes.ModelReviewDueSoon);
            }
        }

        private void Deny(ModelResult result, string code, string file, JsonNode at, string message)
        {
            _diagnostics.Error(code, file, at, message);
            result.Denials.Add(code);
        }
    }
}
