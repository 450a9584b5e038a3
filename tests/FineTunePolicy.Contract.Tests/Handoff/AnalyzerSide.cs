using System.Collections.Immutable;
using FineTunePolicy.Analyzers.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FineTunePolicy.Contract.Tests.Handoff;

/// <summary>A global config as the compiler hands it to the analyzer: parsed by Roslyn, read through the global options.</summary>
internal static class AnalyzerSide
{
    /// <summary>What the analyzer's handoff reader makes of a global config.</summary>
    public static HandoffView Read(string globalConfig)
    {
        var policy = PolicyHandoff.Read(GlobalOptions(globalConfig));
        return new HandoffView(
            policy.Ceilings.FromManifest,
            policy.Ceilings.Ceiling,
            policy.Ceilings.AllowsRestricted,
            policy.Sinks.Select(s => $"{s.TypeName}|{s.MethodName}|{s.ParameterName}|{s.Purpose}|{s.Provider}").OrderBy(s => s, StringComparer.Ordinal)
                .ToList(),
            policy.Sanitizers.Select(s => $"{s.Key}={s.Value}").OrderBy(s => s, StringComparer.Ordinal).ToList(),
            policy.AttributeMappings.Select(a => $"{a.Key}={a.Value.Class}/{a.Value.Categories}").OrderBy(s => s, StringComparer.Ordinal).ToList());
    }

    public static AnalyzerConfigOptions GlobalOptions(string globalConfig)
    {
        var config = AnalyzerConfig.Parse(SourceText.From(globalConfig), "/repo/app/obj/FineTunePolicy.Analyzers.globalconfig");
        var set = AnalyzerConfigSet.Create(ImmutableArray.Create(config));
        return new Options(set.GlobalConfigOptions.AnalyzerOptions);
    }

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values;

        public Options(ImmutableDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}

/// <summary>The analyzer's reading of the handoff: ceilings and hosting as queries, the lists as sorted lines.</summary>
internal sealed record HandoffView(
    bool FromManifest,
    Func<string, Shared.LlmPurpose, Shared.DataClass?> Ceiling,
    Func<string, Shared.LlmPurpose, bool> AllowsRestricted,
    IReadOnlyList<string> Sinks,
    IReadOnlyList<string> Sanitizers,
    IReadOnlyList<string> AttributeMappings);
