using System.Collections.Concurrent;
using FineTunePolicy.Analyzers.Flow;
using FineTunePolicy.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;

namespace FineTunePolicy.Analyzers.Tests.Rules;

/// <summary>
/// FTP0008 and FTP0009 configured <c>none</c> cost nothing: FTP0009 is the one rule that summarises bodies that cannot reach a sink, so
/// a library that turns it off must not pay for it. A setting that turns a rule back on anywhere keeps it on.
/// </summary>
[Collection(nameof(Robustness.WorkTests))]
public class CrossAssemblySeverityTests
{
    private static readonly ConcurrentDictionary<string, FlowEngine> Engines = new();

    // A domain library: classified data, no LLM call; a lookup other assemblies call returns a Restricted member (FTP0009).
    private const string Domain = """
        using System.Collections.Generic;
        using FineTunePolicy;

        public sealed class Customer
        {
            public int Id { get; set; }
            [Restricted(Categories = DataCategory.Personal)] public string Ssn { get; set; } = "";
        }

        public static class CustomerDirectory
        {
            private static readonly Dictionary<int, Customer> Customers = new();

            public static string SsnOf(int id) => "SSN " + Customers[id].Ssn;
        }
        """;

    // A library that calls an LLM: FTP0008 for the wrapper's parameter, FTP0009 for the lookup, whose body cannot reach a sink.
    private const string Wrapper = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using FineTunePolicy;
        using OpenAI.Chat;

        public sealed class Customer
        {
            [Restricted(Categories = DataCategory.Personal)] public string Ssn { get; set; } = "";
        }

        public sealed class Assistant(ChatClient chat)
        {
            public Task<System.ClientModel.ClientResult<ChatCompletion>> AskAsync(string prompt) => chat.CompleteChatAsync(prompt);

            private readonly Dictionary<int, Customer> _customers = new();

            public string SsnOf(int id) => "SSN " + _customers[id].Ssn;
        }
        """;

    static CrossAssemblySeverityTests()
    {
        ClassifiedDataFlowAnalyzer.EngineCreated += engine => Engines[engine.Compilation.AssemblyName!] = engine;
    }

    [Fact]
    public async Task DomainLibrary_Ftp0009On_ReportsIt()
    {
        var diagnostics = await DirectRun.AnalyzeAsync(DirectRun.Compile("DomainOn", Domain));

        Assert.Equal(DiagnosticIds.VisibleMethodReturnsClassifiedData, Assert.Single(diagnostics).Id);
        Assert.Equal(1, Engines["DomainOn"].SummariesComputed);
    }

    [Fact]
    public async Task DomainLibrary_Ftp0009None_SummarisesNothing()
    {
        var diagnostics = await DirectRun.AnalyzeAsync(Configured(DirectRun.Compile("DomainOff", Domain), DiagnosticIds.VisibleMethodReturnsClassifiedData));

        Assert.Empty(diagnostics);
        Assert.Equal(0, Engines.TryGetValue("DomainOff", out var engine) ? engine.SummariesComputed : 0);
    }

    [Fact]
    public async Task Ftp0009None_SummarisesNoBodyThatCannotReachASink_AndFtp0008StillReports()
    {
        var on = await DirectRun.AnalyzeAsync(DirectRun.Compile("WrapperOn", Wrapper));
        var off = await DirectRun.AnalyzeAsync(Configured(DirectRun.Compile("WrapperOff", Wrapper), DiagnosticIds.VisibleMethodReturnsClassifiedData));

        Assert.Equal([DiagnosticIds.VisibleMethodSendsParameterToLlm, DiagnosticIds.VisibleMethodReturnsClassifiedData], on.Select(d => d.Id).Order());
        Assert.Equal([DiagnosticIds.VisibleMethodSendsParameterToLlm], off.Select(d => d.Id));

        // The wrapper's body is summarised either way (it reaches a sink); the lookup's only for FTP0009.
        Assert.Equal(2, Engines["WrapperOn"].SummariesComputed);
        Assert.Equal(1, Engines["WrapperOff"].SummariesComputed);
    }

    [Fact]
    public async Task BothRulesNone_NothingReported()
    {
        var compilation = Configured(DirectRun.Compile("WrapperBothOff", Wrapper),
            DiagnosticIds.VisibleMethodSendsParameterToLlm, DiagnosticIds.VisibleMethodReturnsClassifiedData);

        Assert.Empty(await DirectRun.AnalyzeAsync(compilation));
    }

    [Fact]
    public async Task GlobalNone_OneFileTurnsItBackOn_StaysOn()
    {
        var compilation = DirectRun.Compile("DomainOneFileOn", Domain, "internal static class Other { }");
        var id = DiagnosticIds.VisibleMethodReturnsClassifiedData;
        compilation = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(new TreeOptions(
            global: ReportDiagnostic.Suppress, perTree: new() { [compilation.SyntaxTrees.First()] = ReportDiagnostic.Warn }, id)));

        Assert.False(RuleSeverities.IsTurnedOff(compilation, id, CancellationToken.None));
        Assert.Equal(id, Assert.Single(await DirectRun.AnalyzeAsync(compilation)).Id);
    }

    [Fact]
    public void TurnedOff_OnlyWhenEveryFileIsConfiguredNone()
    {
        var compilation = DirectRun.Compile("Severities", "public class A { }", "public class B { }");
        var (first, second) = (compilation.SyntaxTrees.First(), compilation.SyntaxTrees.Last());
        const string id = DiagnosticIds.VisibleMethodReturnsClassifiedData;

        bool Off(Compilation c) => RuleSeverities.IsTurnedOff(c, id, CancellationToken.None);
        Compilation With(ReportDiagnostic? global, Dictionary<SyntaxTree, ReportDiagnostic> perTree) =>
            compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(new TreeOptions(global, perTree, id)));

        Assert.False(Off(compilation));
        Assert.True(Off(Configured(compilation, id)));
        Assert.True(Off(With(ReportDiagnostic.Suppress, [])));
        Assert.True(Off(With(null, new() { [first] = ReportDiagnostic.Suppress, [second] = ReportDiagnostic.Suppress })));
        Assert.False(Off(With(null, new() { [first] = ReportDiagnostic.Suppress })));
        Assert.False(Off(With(ReportDiagnostic.Suppress, new() { [second] = ReportDiagnostic.Info })));
        Assert.False(Off(Configured(With(ReportDiagnostic.Warn, []), id)));
    }

    // NoWarn, a rule set, or `dotnet_diagnostic.<id>.severity = none` as the compiler passes it on the command line.
    private static Compilation Configured(Compilation compilation, params string[] ids) =>
        compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
            compilation.Options.SpecificDiagnosticOptions.SetItems(ids.Select(id => KeyValuePair.Create(id, ReportDiagnostic.Suppress)))));

    /// <summary>A global config and per-file .editorconfig sections, as the compiler reads them, for one rule.</summary>
    private sealed class TreeOptions(ReportDiagnostic? global, Dictionary<SyntaxTree, ReportDiagnostic> perTree, string id) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            TryGet(diagnosticId == id && perTree.TryGetValue(tree, out var value) ? value : null, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            TryGet(diagnosticId == id ? global : null, out severity);

        private static bool TryGet(ReportDiagnostic? value, out ReportDiagnostic severity)
        {
            severity = value ?? ReportDiagnostic.Default;
            return value is not null;
        }
    }
}
