using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using FineTunePolicy.Analyzers.Classification;
using FineTunePolicy.Analyzers.Flow;
using FineTunePolicy.Analyzers.Policy;
using Microsoft.CodeAnalysis;

namespace FineTunePolicy.Analyzers.Rules
{
    /// <summary>FTP0001-FTP0004 and FTP0007: compare what reaches each sink with the policy (the inventory, FTP0100, asks the same).</summary>
    internal static class SinkRules
    {
        public static void Report(MethodSummary summary, ProviderCeilings ceilings, Action<Diagnostic> report)
        {
            foreach (var finding in summary.Findings)
            {
                if (Evaluate(finding, ceilings) is { } diagnostic)
                {
                    report(diagnostic);
                }

                if (finding.Bounds != FlowBound.None)
                {
                    report(Diagnostic.Create(Descriptors.FTP0007_FlowAnalysisIncomplete, finding.ArgumentLocation, Quote(finding.Sink.SinkName),
                        DescribeBound(finding.Bounds)));
                }
            }

            ReportProviders(summary.SinkCalls, ceilings, report);
        }

        /// <summary>FTP0004: each sink call to a provider the manifest does not allow for the call's purpose (never without a manifest).</summary>
        public static void ReportProviders(ImmutableArray<SinkUse> sinkCalls, ProviderCeilings ceilings, Action<Diagnostic> report)
        {
            if (!ceilings.FromManifest)
            {
                return;
            }

            var reported = new HashSet<Location>();
            foreach (var call in sinkCalls)
            {
                if (!ceilings.IsAllowed(call.Provider, call.Purpose) && reported.Add(call.CallLocation))
                {
                    report(Diagnostic.Create(
                        Descriptors.FTP0004_ProviderNotAllowedForPurpose,
                        call.CallLocation,
                        Quote(call.SinkName),
                        call.Provider,
                        RuleText.Describe(call.Purpose),
                        RuleText.DescribeAllowed(ceilings, call.Purpose)));
                }
            }
        }

        private static Diagnostic? Evaluate(Finding finding, ProviderCeilings ceilings)
        {
            var taint = finding.Taint;
            var sink = finding.Sink;
            var ceiling = ceilings.Ceiling(sink.Provider, sink.Purpose);
            if (CeilingRule(taint.Class, sink.Provider, sink.Purpose, ceilings) is not { } descriptor)
            {
                return null;
            }

            var ceilingText = ceiling is { } known ? known + " (" + RuleText.Origin(ceilings) + ")" : "not allowed (" + RuleText.Origin(ceilings) + ")";
            return Diagnostic.Create(
                descriptor,
                finding.ArgumentLocation,
                AdditionalLocations(finding),
                FixProperties(taint, AcceptedClass(ceiling, descriptor)),
                taint.DescribeSources(),
                RuleText.Describe(taint.Class, taint.Categories),
                Quote(sink.SinkName),
                RuleText.Describe(sink.Purpose),
                sink.Provider,
                ceilingText);
        }

        /// <summary>
        /// The rule that data of <paramref name="dataClass"/> breaks at a sink of the provider and purpose (FTP0001-FTP0003), or
        /// null when it is within the ceiling or the provider is not allowed at all (FTP0004 says so).
        /// </summary>
        public static DiagnosticDescriptor? CeilingRule(DataClass dataClass, string provider, LlmPurpose purpose, ProviderCeilings ceilings)
        {
            if (dataClass == DataClass.Restricted && !ceilings.AllowsRestricted(provider, purpose))
            {
                return Descriptors.FTP0001_RestrictedDataReachesLlm;
            }

            if (ceilings.Ceiling(provider, purpose) is { } limit && dataClass > limit)
            {
                return purpose == LlmPurpose.FineTuning ? Descriptors.FTP0002_DataAboveFineTuningCeiling : Descriptors.FTP0003_DataAboveInferenceCeiling;
            }

            return null;
        }

        // The highest class the sink takes: the ceiling, and below Restricted where Restricted is what is refused.
        private static DataClass? AcceptedClass(DataClass? ceiling, DiagnosticDescriptor descriptor)
        {
            if (ceiling is not { } limit)
            {
                return null;
            }

            return descriptor == Descriptors.FTP0001_RestrictedDataReachesLlm && limit == DataClass.Restricted ? DataClass.Confidential : limit;
        }

        // What the "Pass through a declassifier" fix needs: which class a declassifier's result must stay within, and
        // which sources carry more.
        private static ImmutableDictionary<string, string?>? FixProperties(Taint taint, DataClass? accepted)
        {
            if (accepted is not { } limit)
            {
                return null;
            }

            var sources = new List<string>();
            foreach (var source in taint.Sources)
            {
                if (source.Class > limit && !sources.Contains(source.Name))
                {
                    sources.Add(source.Name);
                }
            }

            return ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticProperties.AcceptedClass, limit.ToString())
                .Add(DiagnosticProperties.SourcesAbove, string.Join(DiagnosticProperties.Separator.ToString(), sources));
        }

        private static IEnumerable<Location> AdditionalLocations(Finding finding)
        {
            var locations = ImmutableArray.CreateBuilder<Location>();
            foreach (var source in finding.Taint.Sources)
            {
                if (source.Location is { IsInSource: true } location && !locations.Contains(location))
                {
                    locations.Add(location);
                }

                if (source.ViaLocation is { IsInSource: true } stored && !locations.Contains(stored))
                {
                    locations.Add(stored);
                }
            }

            if (finding.Sink.CallLocation != finding.ArgumentLocation && !finding.Sink.CallLocation.SourceSpan.Contains(finding.ArgumentLocation.SourceSpan))
            {
                locations.Add(finding.Sink.CallLocation);
            }

            return locations;
        }

        private static string Quote(string sinkName) => "'" + sinkName + "'";

        private static string DescribeBound(FlowBound bounds)
        {
            if ((bounds & FlowBound.CallDepth) != 0)
            {
                return "call-depth (" + FlowEngine.MaxCallDepth + " nested calls)";
            }

            return (bounds & FlowBound.ExpressionDepth) != 0 ? "expression-depth" : "iteration";
        }
    }
}
