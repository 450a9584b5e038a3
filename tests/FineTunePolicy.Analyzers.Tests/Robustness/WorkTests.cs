using System.Collections.Concurrent;
using System.Collections.Immutable;
using FineTunePolicy.Analyzers.Flow;

namespace FineTunePolicy.Analyzers.Tests.Robustness;

/// <summary>
/// Regression checks of the analyzer's work, not its time: summaries are computed once per
/// method, and the engine does not start where no LLM SDK or [LlmSink] is in sight.
/// </summary>
[Collection(nameof(WorkTests))]
public class WorkTests
{
    private static readonly ConcurrentDictionary<string, FlowEngine> Engines = new();

    static WorkTests()
    {
        ClassifiedDataFlowAnalyzer.EngineCreated += engine => Engines[engine.Compilation.AssemblyName!] = engine;
    }

    [Fact]
    public async Task EachMethodIsSummarisedOnce_EvenWhenManyCallersShareIt()
    {
        var callers = string.Join("\n", Enumerable.Range(0, 50).Select(i =>
            $"public void Send{i}(ChatClient chat, Customer c) => chat.CompleteChat(Prompts.Describe(c) + Prompts.Greet(c));"));
        var compilation = DirectRun.Compile("WorkOnce", Scenario.Code("using OpenAI.Chat;", $$"""
            public static class Prompts
            {
                public static string Describe(Customer c) => Inner(c) + "!";
                private static string Inner(Customer c) => c.Name;
                public static string Greet(Customer c) => "Hi " + c.Name;
            }

            public class Senders
            {
            {{callers}}
            }
            """));

        await DirectRun.AnalyzeAsync(compilation, concurrent: false);

        // 50 senders + Describe + Inner + Greet; and the property accessors of the domain are never analysed.
        Assert.Equal(53, Engines["WorkOnce"].SummariesComputed);
    }

    [Fact]
    public async Task BodiesThatCannotReachASink_AreNeverAnalysed()
    {
        // The same helpers, used by 50 methods that never send: only the senders and what they call are summarised.
        var senders = string.Join("\n", Enumerable.Range(0, 5).Select(i =>
            $"public void Send{i}(ChatClient chat, Customer c) => chat.CompleteChat(Prompts.Describe(c));"));
        var reporters = string.Join("\n", Enumerable.Range(0, 50).Select(i =>
            $"public string Report{i}(Customer c) => Prompts.Describe(c) + Prompts.Greet(c) + Format{i}(c);\nprivate static string Format{i}(Customer c) => "
                + $"c.Name.Trim();"));
        var compilation = DirectRun.Compile("WorkFiltered", Scenario.Code("using OpenAI.Chat;", $$"""
            public static class Prompts
            {
                public static string Describe(Customer c) => Inner(c) + "!";
                private static string Inner(Customer c) => c.Name;
                public static string Greet(Customer c) => "Hi " + c.Name;
            }

            public class Senders
            {
            {{senders}}
            }

            public class Reporters
            {
            {{reporters}}
            }
            """));

        await DirectRun.AnalyzeAsync(compilation, concurrent: false);

        // 5 senders + Describe + Inner; Greet, the 50 reporters and their 50 formatters are never bound.
        Assert.Equal(7, Engines["WorkFiltered"].SummariesComputed);
    }

    [Fact]
    public async Task Solver_EvaluatesAWriteAgainOnlyWhenWhatItReadsHasChanged()
    {
        // 41 locals, each declared before the one it reads: one round over every write in order moves the SSN one local further,
        // so a solver that evaluates every write each round needs 41 rounds (it stopped at 16 and reported the flow as incomplete,
        // FTP0007, after 16 x 82 evaluations). The worklist evaluates the 82 writes once, then a local's writes once more when the
        // local it reads changes: each write at most twice.
        var declarations = string.Join(" ", Enumerable.Range(0, 41).Reverse().Select(i => $"string v{i} = \"\";"));
        var chain = string.Join("\n", Enumerable.Range(1, 40).Select(i => $"v{i} = v{i - 1};"));
        var compilation = DirectRun.Compile("WorkSolver", Scenario.Code("using OpenAI.Chat;", $$"""
            public class Sender
            {
                public void Send(ChatClient chat, Customer c)
                {
                    {{declarations}}
                    {{chain}}
                    v0 = c.Ssn;
                    chat.CompleteChat(v40);
                }
            }
            """));

        var diagnostics = await DirectRun.AnalyzeAsync(compilation, concurrent: false);

        AssertOneFinding(diagnostics, "'Customer.Ssn'");
        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticIds.FlowAnalysisIncomplete);
        Assert.InRange(Engines["WorkSolver"].WritesEvaluated, 82, 2 * 82);
    }

    [Fact]
    public async Task Solver_EvaluatesOnlyWhatTheChecksRead_AndAsksNoSummaryOfACalleeThatCannotReachASink()
    {
        // The key selector's score and what the audit helper puts into a local list are read by nothing that is checked, and
        // neither helper names a sink: neither is summarised (before, every variable was solved and every callee summarised).
        var compilation = DirectRun.Compile("WorkDemand", Scenario.Code("using OpenAI.Chat;", $$"""
            public class Sender
            {
                public void Send(ChatClient chat, List<Customer> customers)
                {
                    var top = customers.OrderByDescending(c => Ranker0.Score(c)).First();
                    var audit = new List<string>();
                    Auditor0.Count(audit, "sent");
                    chat.CompleteChat(top.Ssn);
                }
            }

            {{string.Join("\n", Enumerable.Range(0, 10).Select(i => $$$"""
                internal static class Ranker{{{i}}} { public static int Score(Customer c) => c.Name.Length + {{{i}}}; }
                internal static class Auditor{{{i}}} { public static int Count(List<string> audit, string name) { audit.Insert(0, name); return audit.Count; } }
                """))}}
            """));

        var diagnostics = await DirectRun.AnalyzeAsync(compilation, concurrent: false);

        AssertOneFinding(diagnostics, "'Customer.Ssn'");
        Assert.Equal(1, Engines["WorkDemand"].SummariesComputed);
    }

    [Fact]
    public async Task ArgumentsOfACaller_AreEvaluatedWithoutSolvingTheRestOfItsBody()
    {
        // What Remember stores comes from Intake's argument; finding it evaluates that argument, not Intake's other calls.
        var compilation = DirectRun.Compile("WorkArguments", Scenario.Code("using OpenAI.Chat;", """
            public class Session
            {
                private string _context = "";
                public void Remember(string value) => _context = value;
                public void Ask(ChatClient chat) => chat.CompleteChat(_context);
            }

            public class Intake
            {
                public int Take(Session session, Customer c)
                {
                    var score = Ranker.Score(c);
                    session.Remember(c.Ssn);
                    return score;
                }
            }

            internal static class Ranker { public static int Score(Customer c) => c.Name.Length; }
            """));

        var diagnostics = await DirectRun.AnalyzeAsync(compilation, concurrent: false);

        AssertOneFinding(diagnostics, "'Customer.Ssn'");
        Assert.Equal(2, Engines["WorkArguments"].SummariesComputed);
    }

    [Fact]
    public async Task SearchesForACommonName_LookOnlyAtTheTreesThatReachTheMembersType()
    {
        // 100 sessions, each in its own file, send their own Context: the writers of each are searched among the trees that name
        // that session, not among the 100 that spell Context: at most 3 trees per session (writers of Context, callers of
        // Remember), where every search looked at 100 before.
        var looked = await TreesLookedAtInOneHundredFiles("WorkCommonName", i => $$"""
            public class Session{{i}}
            {
                public string Context { get; set; } = "";
                public void Ask(ChatClient chat) => chat.CompleteChat(Context);
                public void Remember(Customer c) => Context = c.{{(i == 7 ? "Ssn" : "Name")}};
            }
            """, "Session7.Context");

        Assert.InRange(looked, 100, 300);
    }

    [Fact]
    public async Task SearchesForAPrivateMember_ReadNoTypesReachingTrees()
    {
        // 100 sessions keep their context in a private field that one method writes and another sends. A private member is looked
        // for only where its type is declared, which spells the type's name: the trees that reach each session type (its name and
        // the names that produce one) are not read for it. They were read once per session type before.
        var sources = Enumerable.Range(0, 100).Select(i => Scenario.Code("using OpenAI.Chat;", $$"""
            public class Session{{i}}
            {
                private string _context = "";
                public void Ask(ChatClient chat) => chat.CompleteChat(_context);
                public void Remember(Customer{{i}} c) => _context = c.{{(i == 7 ? "Ssn" : "Segment")}};
            }
            """).Replace("public class Customer", $"public class Customer{i}")).ToArray();

        var diagnostics = await DirectRun.AnalyzeAsync(DirectRun.Compile("WorkPrivateMember", sources), concurrent: false);

        AssertOneFinding(diagnostics, "'Customer7.Ssn'");
        Assert.Equal(0, Engines["WorkPrivateMember"].State.Lookups.Reaching);
        Assert.Equal(100, Engines["WorkPrivateMember"].State.TreesLookedAt);
    }

    [Fact]
    public async Task SearchesForAMemberWrittenNowhere_ReadNoTypesReachingTrees()
    {
        // 100 addresses, each in its own file, have a City that every file sends and no file writes. The first search for City finds
        // no tree that writes one; the other 99 searches have no tree to look into, so the trees that reach their address type are
        // not read. They were read for every address type before.
        var sources = Enumerable.Range(0, 100).Select(i => Scenario.Code("using OpenAI.Chat;", $$"""
            public class Address{{i}}
            {
                public string City { get; set; } = "";
            }

            public class Holder{{i}}
            {
                private readonly Address{{i}} _address = new Address{{i}}();
                public void Ask(ChatClient chat) => chat.CompleteChat(_address.City);
                {{(i == 7 ? "public void Send(ChatClient chat, Customer7 c) => chat.CompleteChat(c.Ssn);" : "")}}
            }
            """).Replace("public class Customer", $"public class Customer{i}")).ToArray();

        var diagnostics = await DirectRun.AnalyzeAsync(DirectRun.Compile("WorkWrittenNowhere", sources), concurrent: false);

        AssertOneFinding(diagnostics, "'Customer7.Ssn'");
        Assert.InRange(Engines["WorkWrittenNowhere"].State.Lookups.Reaching, 1, 2);
    }

    [Fact]
    public async Task SearchesForANameManyTypesShare_LookOnlyAtTheTreesThatWriteIt()
    {
        // 100 addresses, each in its own file, have a City that every file reads and only file 7 writes; every file also names a
        // member called Address, so all 100 trees reach each address type. After the first search for City, the writers of each
        // address's City are looked for in the one tree that writes a City: about 200 trees looked at, where there were 10,000.
        var looked = await TreesLookedAtInOneHundredFiles("WorkSharedName", i => $$"""
            public class Address{{i}}
            {
                public string City { get; set; } = "";
                public override string ToString() => City;
            }

            public class Holder{{i}}
            {
                public Address{{i}} Address { get; } = new Address{{i}}();
                public string Town => Address.City;
                public void Ask(ChatClient chat) => chat.CompleteChat(Address.ToString());
                {{(i == 7 ? "public void Move(Customer c) => Address.City = c.Ssn;" : "")}}
            }
            """, "Address7.City");

        Assert.InRange(looked, 100, 300);
    }

    [Fact]
    public async Task NoSdkAndNoSink_EngineDoesNotStart()
    {
        var compilation = DirectRun.Compile("NoSdk", """
            using FineTunePolicy;
            public class Customer { [Restricted] public string Ssn { get; set; } = ""; }
            public class Service { public string Describe(Customer c) => c.Ssn.Trim(); }
            """);
        var withoutSdk = compilation.RemoveReferences(compilation.References.Where(r => r.Display is { } path
            && SdkNames.Any(n => Path.GetFileName(path).StartsWith(n, StringComparison.Ordinal))));

        var diagnostics = await DirectRun.AnalyzeAsync(withoutSdk);

        Assert.Empty(diagnostics);
        Assert.False(Engines.ContainsKey("NoSdk"));
    }

    [Fact]
    public async Task NoSdkButDeclaredSink_EngineStarts()
    {
        var compilation = DirectRun.Compile("DeclaredSink", """
            using FineTunePolicy;
            public class Customer { [Restricted] public string Ssn { get; set; } = ""; }
            public class Gateway { [LlmSink(LlmPurpose.Inference)] public void Send(string prompt) { } }
            public class Service { public void Run(Gateway g, Customer c) => g.Send(c.Ssn); }
            """);
        var withoutSdk = compilation.RemoveReferences(compilation.References.Where(r => r.Display is { } path
            && SdkNames.Any(n => Path.GetFileName(path).StartsWith(n, StringComparison.Ordinal))));

        var diagnostics = await DirectRun.AnalyzeAsync(withoutSdk);

        Assert.True(Engines.ContainsKey("DeclaredSink"));
        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.RestrictedDataReachesLlm);
    }

    [Fact]
    public async Task NoSdkButSinkDeclaredUnderAlias_EngineStarts()
    {
        var compilation = DirectRun.Compile("AliasedSink", """
            using FineTunePolicy;
            using Sink = FineTunePolicy.LlmSinkAttribute;
            public class Customer { [Restricted] public string Ssn { get; set; } = ""; }
            public class Gateway { [Sink(LlmPurpose.Inference)] public void Send(string prompt) { } }
            public class Service { public void Run(Gateway g, Customer c) => g.Send(c.Ssn); }
            """);
        var withoutSdk = compilation.RemoveReferences(compilation.References.Where(r => r.Display is { } path
            && SdkNames.Any(n => Path.GetFileName(path).StartsWith(n, StringComparison.Ordinal))));

        var diagnostics = await DirectRun.AnalyzeAsync(withoutSdk);

        Assert.True(Engines.ContainsKey("AliasedSink"));
        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.RestrictedDataReachesLlm);
    }

    [Fact]
    public async Task StateWriters_AreSearchedAndBoundOnlyInFilesThatSpellTheNameAndReachTheType()
    {
        // 100 files write a same-named member of their own type, 100 never spell it; one file reaches Session through a factory.
        var sources = new List<string>
        {
            Scenario.Code("using OpenAI.Chat;", """
                public class Session { public string Context { get; set; } = ""; }
                public static class Sessions { public static Session Create() => new Session(); }
                public class Sender { public void Send(ChatClient chat, Session session) => chat.CompleteChat("Context: " + session.Context); }
                """),
            """
            public class Intake
            {
                public void Load(Customer customer)
                {
                    var session = Sessions.Create();
                    session.Context = customer.Ssn;
                }
            }
            """,
        };
        sources.AddRange(Enumerable.Range(0, 100).Select(i => $$"""
            public class Other{{i}} { public string Context { get; set; } = ""; public void Set(Customer c) => Context = c.Ssn; }
            """));
        sources.AddRange(Enumerable.Range(0, 100).Select(i => $$"""
            public class Filler{{i}} { public int Length(Customer c) => c.Name.Length; }
            """));
        var compilation = DirectRun.Compile("WorkStateWriters", sources.ToArray());

        var diagnostics = await DirectRun.AnalyzeAsync(compilation, concurrent: false);

        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.RestrictedDataReachesLlm);
        var state = Engines["WorkStateWriters"].State;

        // 'Context' is searched for only in the 2 files that spell it and reach Session (its own and, through its factory's name,
        // Intake's), never in the 100 other files that spell it nor in the 100 fillers; of its writes only Intake's is bound.
        Assert.Equal(2, state.TreesSearched);
        Assert.Equal(1, state.NamesBound);
    }

    [Fact]
    public async Task StateReadThatReachesNoSink_LooksForNoWriter()
    {
        // The sender reads Context but sends only a constant: the 50 files that write Context are never searched.
        var sources = new List<string>
        {
            Scenario.Code("using OpenAI.Chat;", """
                public class Session { public string Context { get; set; } = ""; }
                public class Sender
                {
                    public int Send(ChatClient chat, Session session)
                    {
                        var context = session.Context;
                        chat.CompleteChat("Hello");
                        return context.Length;
                    }
                }
                """),
        };
        sources.AddRange(Enumerable.Range(0, 50).Select(i => $$"""
            public class Writer{{i}} { public void Set(Session s, Customer c) => s.Context = c.Ssn; }
            """));
        var compilation = DirectRun.Compile("WorkLazyState", sources.ToArray());

        var diagnostics = await DirectRun.AnalyzeAsync(compilation, concurrent: false);

        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticIds.RestrictedDataReachesLlm);
        Assert.Equal(0, Engines["WorkLazyState"].State.TreesSearched);
    }

    [Fact]
    public async Task StateWriters_NotCandidates_WhereTheMemberIsOnlyQueriedOrAMemberOfItIsPassed()
    {
        // Orders is sent; 50 files query it with lambdas or literals, or pass its Count: none can write into it, none is bound. Only the
        // sender's string.Join(",", basket.Orders), which hands the list itself to a call, is a candidate.
        var sources = new List<string>
        {
            Scenario.Code("using OpenAI.Chat;", """
                public class Basket { public List<string> Orders { get; } = new(); }
                public class Sender { public void Send(ChatClient chat, Basket basket) => chat.CompleteChat(string.Join(",", basket.Orders)); }
                """),
        };
        sources.AddRange(Enumerable.Range(0, 50).Select(i => $$"""
            public class Reader{{i}}
            {
                public string Read(Basket b) => string.Join(";", b.Orders.Where(o => o.Length > 2).Take(3)) + b.Orders.Count.ToString();
                public void Print(System.Text.StringBuilder sb, Basket b) => sb.Append(b.Orders.Count);
            }
            """));
        var compilation = DirectRun.Compile("WorkQueriedState", sources.ToArray());

        await DirectRun.AnalyzeAsync(compilation, concurrent: false);

        Assert.Equal(1, Engines["WorkQueriedState"].State.NamesBound);
    }

    [Theory]
    [InlineData("Customer c", 0)]
    [InlineData("int id", 1)]
    public async Task Ftp0009_LooksForNoStateAResultReads_WhereTheSignatureShowsRestricted(string parameter, int namesBound)
    {
        // Ask returns what Note stores. A caller elsewhere that passes a Customer already gives the result Restricted, the most
        // any result can carry, so FTP0009 has nothing to compare and looks for no writer of _notes; with an id it looks for one.
        var compilation = DirectRun.Compile("WorkSignature" + namesBound, Scenario.Code("using OpenAI.Chat;", $$"""
            public class Session
            {
                private string _notes = "";
                public void Note(string note) => _notes = note;
                public string Ask(ChatClient chat, {{parameter}})
                {
                    chat.CompleteChat("Hello");
                    return _notes;
                }
            }
            """));

        var diagnostics = await DirectRun.AnalyzeAsync(compilation, concurrent: false);

        Assert.Empty(diagnostics);
        Assert.Equal(namesBound, Engines["WorkSignature" + namesBound].State.NamesBound);
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("[LlmSink(LlmPurpose.Inference)]", 0)]
    public async Task Ftp0009_LooksForNoStateASinksResultReads(string attribute, int namesBound)
    {
        // Callers take what a sink returns as the provider's answer: FTP0009 has no result to judge there, and looks for no writer of _route.
        var name = "WorkSinkResult" + namesBound;
        var compilation = DirectRun.Compile(name, Scenario.Code("using OpenAI.Chat;", $$"""
            public class Gateway
            {
                private string _route = "";
                public void Route(string route) => _route = route;
                {{attribute}}
                public string Ask(ChatClient chat, int id)
                {
                    chat.CompleteChat("Hello");
                    return _route;
                }
            }
            """));

        var diagnostics = await DirectRun.AnalyzeAsync(compilation, concurrent: false);

        Assert.Empty(diagnostics);
        Assert.Equal(namesBound, Engines[name].State.NamesBound);
    }

    // Exactly one FTP0001, about the given source: the work saved is not saved by missing the flow.
    // 100 files, file i holding body(i) and its own copy of the domain (Customer0 ... Customer99), analysed sequentially: the one
    // finding is checked, and the number of trees the state searches looked at is returned.
    private static async Task<int> TreesLookedAtInOneHundredFiles(string assemblyName, Func<int, string> body, string finding)
    {
        var sources = Enumerable.Range(0, 100).Select(i => Scenario.Code("using OpenAI.Chat;", body(i))
            .Replace("public class Customer", $"public class Customer{i}").Replace("(Customer c)", $"(Customer{i} c)")).ToArray();

        var diagnostics = await DirectRun.AnalyzeAsync(DirectRun.Compile(assemblyName, sources), concurrent: false);

        AssertOneFinding(diagnostics, finding);
        return Engines[assemblyName].State.TreesLookedAt;
    }

    private static void AssertOneFinding(ImmutableArray<Microsoft.CodeAnalysis.Diagnostic> diagnostics, string source)
    {
        var finding = Assert.Single(diagnostics, d => d.Id == DiagnosticIds.RestrictedDataReachesLlm);
        Assert.Contains(source, finding.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SinkNamesOfSdksNotReferenced_MakeNoBodyReachASink()
    {
        // Add, Create and Send are sink names of Anthropic's catalogue types (IResourceService, IMessageService, IEventService) and of
        // Betalgo's (Create), not of OpenAI's. Without those two SDKs referenced, the 30 helpers that call namesakes (a list, a factory,
        // a bus of their own) and the factory's and bus's own methods are never analysed: only the sender is.
        var helpers = string.Join("\n", Enumerable.Range(0, 10).Select(i => $$"""
            public void Collect{{i}}(List<string> list, Customer c) => list.Add(c.Name);
            public Widget Make{{i}}(Factory f, Customer c) => f.Create(c.Name);
            public void Post{{i}}(Bus bus, Customer c) => bus.Send(c.Name);
            """));
        var source = Scenario.Code("using OpenAI.Chat;", $$"""
            public class Widget { }
            public class Factory { public Widget Create(string name) => new Widget(); }
            public class Bus { public void Send(string text) => Console.WriteLine(text); }

            public class Helpers
            {
            {{helpers}}
            }

            public class Sender
            {
                public void Run(ChatClient chat, Customer c) => chat.CompleteChat(c.Name);
            }
            """);

        await DirectRun.AnalyzeAsync(DirectRun.Compile("WorkNamesReferenced", source), concurrent: false);
        var notReferenced = DirectRun.Without(DirectRun.Compile("WorkNamesNotReferenced", source), "Anthropic", "Betalgo");
        await DirectRun.AnalyzeAsync(notReferenced, concurrent: false);

        // Under an extern alias a reference's types are not in the global namespace, so every catalogue name counts there.
        var aliased = DirectRun.Compile("WorkNamesAliased", source);
        foreach (var reference in aliased.References
            .Where(r => r.Display is { } path && Path.GetFileName(path).StartsWith("Anthropic", StringComparison.Ordinal)))
        {
            aliased = aliased.ReplaceReference(reference, reference.WithAliases(["anthropic"]));
        }

        await DirectRun.AnalyzeAsync(DirectRun.Without(aliased, "Betalgo"), concurrent: false);

        Assert.Equal(33, Engines["WorkNamesReferenced"].SummariesComputed);
        Assert.Equal(1, Engines["WorkNamesNotReferenced"].SummariesComputed);
        Assert.Equal(33, Engines["WorkNamesAliased"].SummariesComputed);
    }

    private static readonly string[] SdkNames =
        ["OpenAI", "Azure.AI", "Anthropic", "Microsoft.Extensions.AI", "Microsoft.SemanticKernel", "OllamaSharp", "Betalgo", "LLamaSharp"];
}
