using System;
using System.Collections.Generic;
using System.Linq;
using FineTunePolicy.Build.Tasks.Diagnostics;
using FineTunePolicy.Build.Tasks.Model;

namespace FineTunePolicy.Build.Tasks.Validation
{
    /// <summary>
    /// A provider's effective ceiling: the allow-list's ceiling for a purpose, lowered by the organisation's
    /// requirements that the provider's contract facts break, and below Restricted for providers hosted externally.
    /// (The project ceiling handed to the analyzer caps it further by what the use declares; see PolicyEvaluator.)
    /// </summary>
    internal sealed class ProviderCeilings
    {
        private readonly AllowList _allowList;

        public ProviderCeilings(AllowList allowList)
        {
            _allowList = allowList;
        }

        /// <summary>
        /// The allow-list ceiling for a provider and purpose, lowered below every class whose requirement (or a lower
        /// class's requirement) the provider's facts fail; Restricted only for internally hosted providers.
        /// </summary>
        public DataClass? Effective(Provider provider, Purpose purpose)
        {
            if (!provider.Ceilings.TryGetValue(purpose, out var ceiling))
            {
                return null;
            }

            if (ceiling == DataClass.Restricted && provider.Hosting != Hosting.Internal)
            {
                ceiling = DataClass.Confidential;
            }

            for (var level = DataClass.Internal; level <= ceiling; level++)
            {
                if (_allowList.ClassRequirements.TryGetValue(level, out var requirement)
                    && Failures(provider, purpose, requirement, includeCertifications: true).Count > 0)
                {
                    return level - 1;
                }
            }

            return ceiling;
        }

        /// <summary>The facts of <paramref name="provider"/> that break <paramref name="requirement"/>, in words.</summary>
        public static List<string> Failures(Provider provider, Purpose purpose, Requirement requirement, bool includeCertifications)
        {
            var failures = new List<string>();
            if (requirement.TrainsOnCustomerData.HasValue && requirement.TrainsOnCustomerData.Value != provider.TrainsOnCustomerData)
            {
                failures.Add(Messages.FailsTraining(provider.TrainsOnCustomerData));
            }

            if (requirement.MaxRetentionDays.HasValue && provider.RetentionDays > requirement.MaxRetentionDays.Value)
            {
                failures.Add(Messages.FailsRetention(provider.RetentionDays, requirement.MaxRetentionDays.Value));
            }

            if (requirement.Hosting.HasValue && requirement.Hosting.Value != provider.Hosting)
            {
                failures.Add(Messages.FailsHosting(provider.Hosting, requirement.Hosting.Value));
            }

            if (requirement.Regions != null)
            {
                if (provider.Regions == null || provider.Regions.Count == 0)
                {
                    failures.Add(Messages.FailsNoRegions(requirement.Regions));
                }
                else
                {
                    var outside = provider.Regions.Where(r => !requirement.Regions.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
                    if (outside.Count > 0)
                    {
                        failures.Add(Messages.FailsRegions(outside, requirement.Regions));
                    }
                }
            }

            if (includeCertifications)
            {
                var missing = requirement.Certifications.Where(c => !provider.HasCertification(c)).ToList();
                if (missing.Count > 0)
                {
                    failures.Add(Messages.FailsCertifications(missing));
                }
            }

            if (purpose == Purpose.FineTuning && requirement.IsolatedFineTuning.HasValue && requirement.IsolatedFineTuning.Value != provider.IsolatedFineTuning)
            {
                failures.Add(Messages.FailsIsolation(provider.IsolatedFineTuning));
            }

            return failures;
        }
    }
}
