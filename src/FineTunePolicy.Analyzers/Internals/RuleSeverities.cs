using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace FineTunePolicy.Analyzers
{
    /// <summary>
    /// How a compilation configures one rule, read once when the analysis starts: from the command line or a rule set
    /// (<c>NoWarn</c>, <c>WarningsAsErrors</c>), a global config (what a package's targets write), or any file's
    /// <c>.editorconfig</c> section. The driver still filters each diagnostic; this tells the analyzer which work nobody asked for.
    /// </summary>
    internal static class RuleSeverities
    {
        /// <summary>Whether any configuration turns <paramref name="id"/> on (a rule off by default, such as FTP0100).</summary>
        public static bool IsTurnedOn(Compilation compilation, string id, CancellationToken cancellationToken)
        {
            var turnedOn = false;
            Visit(compilation, id, cancellationToken, report => turnedOn |= report != ReportDiagnostic.Suppress);
            return turnedOn;
        }

        /// <summary>
        /// Whether <paramref name="id"/> is configured <c>none</c> for every file of the compilation (a rule on by default, such as
        /// FTP0009): by the command line or the global config, or by each file's own section, and nowhere anything else. Where one
        /// setting says none and another something else, the rule stays on, whichever the compiler would weigh more: that costs work,
        /// never a finding.
        /// </summary>
        public static bool IsTurnedOff(Compilation compilation, string id, CancellationToken cancellationToken)
        {
            var options = compilation.Options;
            var configuredWide = options.SpecificDiagnosticOptions.ContainsKey(id)
                || options.SyntaxTreeOptionsProvider is { } provider && provider.TryGetGlobalDiagnosticValue(id, cancellationToken, out _);
            var everyTreeConfigured = options.SyntaxTreeOptionsProvider is { } perTree && compilation.SyntaxTrees.Any()
                && compilation.SyntaxTrees.All(tree => perTree.TryGetDiagnosticValue(tree, id, cancellationToken, out _));
            return (configuredWide || everyTreeConfigured) && !IsTurnedOn(compilation, id, cancellationToken);
        }

        private static void Visit(Compilation compilation, string id, CancellationToken cancellationToken, System.Action<ReportDiagnostic> configured)
        {
            if (compilation.Options.SpecificDiagnosticOptions.TryGetValue(id, out var specific))
            {
                configured(specific);
            }

            if (compilation.Options.SyntaxTreeOptionsProvider is not { } provider)
            {
                return;
            }

            if (provider.TryGetGlobalDiagnosticValue(id, cancellationToken, out var global))
            {
                configured(global);
            }

            foreach (var tree in compilation.SyntaxTrees)
            {
                if (provider.TryGetDiagnosticValue(tree, id, cancellationToken, out var local))
                {
                    configured(local);
                }
            }
        }
    }
}
