using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FineTunePolicy.Analyzers.Classification;
using FineTunePolicy.Analyzers.Flow;
using FineTunePolicy.Analyzers.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FineTunePolicy.Analyzers.Rules
{
    /// <summary>
    /// FTP0100, the inventory of LLM use: every sink call with the highest class reaching it, every declassifier and every
    /// classified declaration, as diagnostics whose properties the SARIF log carries to <c>finetune-policy report</c>.
    /// Exists only in compilations that ask for it (<see cref="IsRequested"/>): off by default, so the IDE pays nothing.
    /// Sink calls come from the summaries (or the sink-call scan) the rules already read, never from a pass of their own;
    /// they are reported at the end of the compilation, because the class reaching a call inside a wrapper is known only
    /// once its callers' bodies are analysed.
    /// </summary>
    internal sealed class LlmInventory
    {
        private static readonly AnnotationAttribute[] DeclassifiesAttribute = { AnnotationAttribute.Declassifies };

        private readonly ProviderCeilings _ceilings;
        private readonly SharedCache<(Location Call, LlmPurpose Purpose, string Provider), CallEntry> _calls = new();

        public LlmInventory(ProviderCeilings ceilings)
        {
            _ceilings = ceilings;
        }

        /// <summary>Whether any configuration turns FTP0100 on: read once per compilation; the driver still filters what is reported.</summary>
        public static bool IsRequested(Compilation compilation, CancellationToken cancellationToken) =>
            RuleSeverities.IsTurnedOn(compilation, DiagnosticIds.LlmInventory, cancellationToken);

        /// <summary>The sink calls of one body, and what its findings say reaches them (also calls inside wrappers it calls).</summary>
        public void Add(MethodSummary summary)
        {
            Add(summary.SinkCalls);
            foreach (var finding in summary.Findings)
            {
                Add(finding.Sink, finding.Taint);
            }
        }

        /// <summary>Sink calls that nothing classified reaches (yet): the scan's, where nothing can be classified.</summary>
        public void Add(ImmutableArray<SinkUse> sinkCalls)
        {
            foreach (var call in sinkCalls)
            {
                Add(call, Taint.None);
            }
        }

        /// <summary>At the end of the compilation: one entry per sink call, in file and position order.</summary>
        public void ReportCalls(CompilationAnalysisContext context)
        {
            var entries = _calls.Values.ToList();
            entries.Sort(CompareCalls);
            foreach (var entry in entries)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                context.ReportDiagnostic(Describe(entry));
            }
        }

        /// <summary>
        /// Declassifiers and classified declarations, one symbol at a time. <paramref name="classification"/> is null where
        /// nothing can be classified (<see cref="ClassificationPresence"/>); declassifiers are looked for only where
        /// <c>[Declassifies]</c> is written or the policy names sanitizers.
        /// </summary>
        public static void RegisterDeclarations(CompilationStartAnalysisContext context, ClassificationIndex? classification, Declassifiers declassifiers,
            bool policySanitizes)
        {
            var compilation = context.Compilation;
            var declassifies = policySanitizes
                || (Annotations.IsReferenced(compilation, Annotations.AssemblyName)
                    && ClassificationPresence.WritesAttribute(compilation, DeclassifiesAttribute, context.CancellationToken));
            if (classification is not null)
            {
                context.RegisterSymbolAction(
                    symbolContext =>
                    {
                        if (!symbolContext.Symbol.IsImplicitlyDeclared && classification.Explicit(symbolContext.Symbol) is { } taint)
                        {
                            ReportClassified(symbolContext, symbolContext.Symbol is ITypeSymbol ? "type" : "member", taint);
                        }
                    },
                    SymbolKind.NamedType,
                    SymbolKind.Property,
                    SymbolKind.Field);
            }

            if (classification is null && !declassifies)
            {
                return;
            }

            context.RegisterSymbolAction(
                symbolContext =>
                {
                    var method = (IMethodSymbol)symbolContext.Symbol;
                    if (method.IsImplicitlyDeclared
                        || method.MethodKind is MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove)
                    {
                        return;
                    }

                    if (declassifies && declassifiers.CapOf(method) is { } cap)
                    {
                        ReportDeclassifier(symbolContext, method, cap);
                    }

                    // Most methods have no [return: ...] at all: nothing to read.
                    if (classification is not null && !method.GetReturnTypeAttributes().IsEmpty
                        && classification.ReturnClass(method) is { IsNone: false } result)
                    {
                        ReportClassified(symbolContext, "return", result);
                    }
                },
                SymbolKind.Method);
        }

        private void Add(SinkUse sink, Taint taint)
        {
            var entry = new CallEntry(Direct(sink.SinkName), sink.Purpose, sink.Provider, sink.CallLocation, taint);
            _calls.AddOrUpdate((sink.CallLocation, sink.Purpose, sink.Provider), entry, (_, known) => known.With(entry));
        }

        // A finding through a wrapper names the chain ("SupportBot.AskAsync → ChatClient.CompleteChat"); the call is the SDK's.
        private static string Direct(string sinkName)
        {
            var arrow = sinkName.LastIndexOf(" → ", StringComparison.Ordinal);
            return arrow < 0 ? sinkName : sinkName.Substring(arrow + 3);
        }

        private Diagnostic Describe(CallEntry entry)
        {
            var taint = entry.Taint;
            var ceiling = _ceilings.Ceiling(entry.Provider, entry.Purpose);
            var allowed = ceiling is not null && SinkRules.CeilingRule(taint.Class, entry.Provider, entry.Purpose, _ceilings) is null;
            var sources = SourceNames(taint);
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(DiagnosticProperties.Entry, DiagnosticProperties.InventorySinkCall);
            properties.Add(DiagnosticProperties.Sink, entry.SinkName);
            properties.Add(DiagnosticProperties.Purpose, entry.Purpose.ToString());
            properties.Add(DiagnosticProperties.Provider, entry.Provider);
            properties.Add(DiagnosticProperties.Class, taint.Class.ToString());
            AddCategories(properties, taint.Categories);
            if (sources.Count > 0)
            {
                properties.Add(DiagnosticProperties.Sources, string.Join(DiagnosticProperties.Separator.ToString(), sources));
            }

            if (ceiling is { } limit)
            {
                properties.Add(DiagnosticProperties.Ceiling, limit.ToString());
            }

            properties.Add(DiagnosticProperties.Allowed, allowed ? "true" : "false");

            var data = taint.IsNone
                ? "no classified data"
                : RuleText.Describe(taint.Class, taint.Categories) + " data from " + string.Join(", ", sources.Select(s => "'" + s + "'"));
            var verdict = (ceiling is { } known ? "ceiling " + known : "not allowed") + " (" + RuleText.Origin(_ceilings) + "): "
                + (allowed ? "allowed" : "outside the policy");
            return Diagnostic.Create(
                Descriptors.FTP0100_LlmInventory,
                entry.Location,
                properties.ToImmutable(),
                "'" + entry.SinkName + "' sends " + data + " to provider '" + entry.Provider + "' for " + RuleText.Describe(entry.Purpose) + "; " + verdict);
        }

        private static void ReportDeclassifier(SymbolAnalysisContext context, IMethodSymbol method, DataClass cap)
        {
            var justification = Justification(method);
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(DiagnosticProperties.Entry, DiagnosticProperties.InventoryDeclassifier);
            properties.Add(DiagnosticProperties.Symbol, SymbolNames.Short(method));
            properties.Add(DiagnosticProperties.Class, cap.ToString());
            if (justification is not null)
            {
                properties.Add(DiagnosticProperties.Justification, justification);
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.FTP0100_LlmInventory,
                method.Locations[0],
                properties.ToImmutable(),
                "'" + SymbolNames.Short(method) + "' declassifies its result to " + cap
                    + (justification is null ? " (no justification)" : ": " + justification)));
        }

        private static void ReportClassified(SymbolAnalysisContext context, string kind, Taint taint)
        {
            var symbol = context.Symbol;
            var name = symbol is ITypeSymbol ? symbol.Name : SymbolNames.Short(symbol);
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(DiagnosticProperties.Entry, DiagnosticProperties.InventoryClassified);
            properties.Add(DiagnosticProperties.Symbol, name);
            properties.Add(DiagnosticProperties.SymbolKind, kind);
            properties.Add(DiagnosticProperties.Class, taint.Class.ToString());
            AddCategories(properties, taint.Categories);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.FTP0100_LlmInventory,
                symbol.Locations[0],
                properties.ToImmutable(),
                "'" + name + "'" + (kind == "return" ? " returns " : " is ") + RuleText.Describe(taint.Class, taint.Categories) + " data"));
        }

        // The [Declassifies] that makes the method a declassifier (its own, or that of the method it overrides).
        private static string? Justification(IMethodSymbol method)
        {
            for (var current = method; current is not null; current = current.OverriddenMethod)
            {
                foreach (var attribute in current.GetAttributes())
                {
                    if (Annotations.Is(attribute.AttributeClass, AnnotationAttribute.Declassifies))
                    {
                        foreach (var named in attribute.NamedArguments)
                        {
                            if (named.Key == "Justification" && named.Value.Value is string text && !string.IsNullOrWhiteSpace(text))
                            {
                                return text.Trim();
                            }
                        }

                        return null;
                    }
                }
            }

            return null;
        }

        private static void AddCategories(ImmutableDictionary<string, string?>.Builder properties, DataCategory categories)
        {
            if (categories != DataCategory.None)
            {
                properties.Add(DiagnosticProperties.Categories, categories.ToString().Replace(", ", DiagnosticProperties.Separator.ToString()));
            }
        }

        private static List<string> SourceNames(Taint taint)
        {
            var names = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var source in taint.Sources)
            {
                names.Add(source.Name);
            }

            return names.ToList();
        }

        private static int CompareCalls(CallEntry a, CallEntry b)
        {
            var byFile = string.CompareOrdinal(a.Location.SourceTree?.FilePath, b.Location.SourceTree?.FilePath);
            if (byFile != 0)
            {
                return byFile;
            }

            var byPosition = a.Location.SourceSpan.Start.CompareTo(b.Location.SourceSpan.Start);
            if (byPosition != 0)
            {
                return byPosition;
            }

            var byPurpose = a.Purpose.CompareTo(b.Purpose);
            return byPurpose != 0 ? byPurpose : string.CompareOrdinal(a.Provider, b.Provider);
        }

        /// <summary>One sink call, and the join of everything seen reaching it.</summary>
        private sealed class CallEntry
        {
            public CallEntry(string sinkName, LlmPurpose purpose, string provider, Location location, Taint taint)
            {
                SinkName = sinkName;
                Purpose = purpose;
                Provider = provider;
                Location = location;
                Taint = taint;
            }

            public string SinkName { get; }

            public LlmPurpose Purpose { get; }

            public string Provider { get; }

            public Location Location { get; }

            public Taint Taint { get; }

            // Two matches of one call can differ in name only; the ordinal first keeps the entry deterministic.
            public CallEntry With(CallEntry other) => new(
                string.CompareOrdinal(SinkName, other.SinkName) <= 0 ? SinkName : other.SinkName,
                Purpose,
                Provider,
                Location,
                Taint.Join(Taint, other.Taint));
        }
    }
}
