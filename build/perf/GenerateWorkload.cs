// Workload generator for the FineTunePolicy build benchmark (docs/performance.md).
//
//   dotnet run build/perf/GenerateWorkload.cs -- --files 2000 --seed 42 --out artifacts/perf/w2000 \
//       --analyzer <FineTunePolicy.Analyzers.dll> --annotations <FineTunePolicy.Annotations.dll>
//
// Writes, deterministically from the seed, one project of N C# files (~100 lines each): classified and
// unclassified DTOs and records, redactors ([Declassifies]), prompt helpers three calls deep, services that
// compose prompts across one to three call levels, [LlmSink] gateways, and one LLM call site per ten files,
// rotating over the OpenAI ChatClient, EmbeddingClient and OpenAIFileClient (fine-tune upload), Microsoft.Extensions.AI
// IChatClient, Semantic Kernel IChatCompletionService, Anthropic and OllamaSharp. About one service in twenty sends
// Restricted data on purpose (FTP0001, lowered to a warning in the generated .editorconfig), so the analyzer also
// reports, as it would on a real code base.
//
// State, builders, writers, files and tools (issue 11) appear as in service code: every helper file has a prompt builder
// (With(...) returning this, Build()), every service keeps context in a field set by one method and sent by another
// through that builder, every gateway file has a [KernelFunction] plugin and a JSONL helper writing into a TextWriter it
// is given, and every fine-tuning call site also exports through a StreamWriter over a MemoryStream and through a file
// uploaded by path. --classic leaves them out and writes the workload measured before them, byte for byte.
// With --unclassified the same code is written without any FineTunePolicy attribute and without a reference to the
// annotations: a project that references the LLM SDKs and classifies nothing (SDK wrappers, connectors, their tests),
// where the analyzers must cost nothing measurable.
//
// The generated folder has its own Directory.Build.props / Directory.Packages.props, so nothing of the repository's
// leaks in. Which analyzers run is chosen at build time with -p:PerfAnalyzers=none|ours|peers|all (see Workload.csproj).
#:property TargetFramework=net10.0
#:property ImplicitUsings=disable
#:property Nullable=enable

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

var files = 2000;
var seed = 42;
string? output = null;
string? analyzer = null;
string? annotations = null;
var unclassified = false;
for (var a = 0; a < args.Length; a++)
{
    switch (args[a])
    {
        case "--files": files = int.Parse(args[++a], CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(args[++a], CultureInfo.InvariantCulture); break;
        case "--out": output = args[++a]; break;
        case "--analyzer": analyzer = Path.GetFullPath(args[++a]); break;
        case "--annotations": annotations = Path.GetFullPath(args[++a]); break;
        case "--classic": Generator.Mix = false; break;
        case "--unclassified": unclassified = true; break;
        default: throw new ArgumentException("unknown argument " + args[a]);
    }
}

if (output is null || analyzer is null || annotations is null)
{
    Console.Error.WriteLine("usage: GenerateWorkload.cs --files N [--seed S] [--classic] --out DIR --analyzer DLL --annotations DLL");
    return 2;
}

// Whole decades: every ten files hold each kind of file once (see Generator.KindOf).
files = Math.Max(10, (files + 9) / 10 * 10);
output = Path.GetFullPath(output);
var sourceDir = Path.Combine(output, "src");
if (Directory.Exists(sourceDir))
{
    Directory.Delete(sourceDir, recursive: true);
}

Directory.CreateDirectory(sourceDir);
var generator = new Generator(seed);
long lines = 0;
for (var i = 0; i < files; i++)
{
    var text = generator.File(i);
    if (unclassified)
    {
        text = Unclassified.Strip(text);
    }

    lines += text.Count(c => c == '\n');
    System.IO.File.WriteAllText(Path.Combine(sourceDir, $"F{i:D5}.cs"), text);
}

Project.Write(output, analyzer, unclassified ? null : annotations);
Console.WriteLine($"{files} files, {lines} lines, seed {seed}{(unclassified ? ", unclassified" : "")} -> {output}");
return 0;

internal static class Unclassified
{
    // Every FineTunePolicy attribute the generator writes, with its arguments, and the using of its namespace.
    private static readonly System.Text.RegularExpressions.Regex Attribute = new(@"\[(?:Public|Internal|Confidential|Restricted|Declassifies|LlmSink)(?:\([^)]*\))?\]\s*");

    public static string Strip(string text) => Attribute.Replace(text.Replace("using FineTunePolicy;\n", ""), "");
}

internal static class Project
{
    // The versions of the repository's Directory.Packages.props (LLM SDKs) and the peers served by the mirror.
    private static readonly (string Id, string Version)[] Packages =
    [
        ("OpenAI", "2.15.0"),
        ("Anthropic", "13.14.0"),
        ("Microsoft.Extensions.AI.Abstractions", "10.11.0"),
        ("Microsoft.SemanticKernel.Abstractions", "1.82.0"),
        ("OllamaSharp", "5.5.2"),
        ("Microsoft.CodeAnalysis.BannedApiAnalyzers", "5.6.0"),
        ("Microsoft.CodeAnalysis.NetAnalyzers", "11.0.100"),
        ("SecurityCodeScan.VS2019", "5.6.7"),
    ];

    public static void Write(string output, string analyzer, string? annotations)
    {
        WriteFile(output, "Directory.Build.props", """
            <Project>
              <!-- Stops the import of any Directory.Build.props above this folder. -->
            </Project>
            """);
        WriteFile(output, "Directory.Build.targets", "<Project />\n");
        WriteFile(output, "Directory.Packages.props", $"""
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
            {string.Join("\n", Packages.Select(p => $"    <PackageVersion Include=\"{p.Id}\" Version=\"{p.Version}\" />"))}
              </ItemGroup>
            </Project>
            """);
        var annotationsReference = annotations is null ? "<!-- unclassified: no reference to the annotations -->" : $"<Reference Include=\"FineTunePolicy.Annotations\" HintPath=\"{annotations}\" />";
        WriteFile(output, "Workload.csproj", $$"""
            <Project Sdk="Microsoft.NET.Sdk">
              <!--
                -p:PerfAnalyzers=none   no analyzer at all (the SDK's built-in .NET analyzers are off too)
                -p:PerfAnalyzers=ours   FineTunePolicy only
                -p:PerfAnalyzers=peers  BannedApiAnalyzers, NetAnalyzers (only CA3001-CA3012 on), SecurityCodeScan
                -p:PerfAnalyzers=all    ours and the peers in the same compilation (default)
                -p:PerfAnalyzers=inventory  FineTunePolicy only, with its inventory of LLM use (FTP0100) on, as the
                                        package's targets turn it on in command-line builds
                -p:PerfCrossAssemblyOff=true  FTP0008/FTP0009 (issue 12) configured none
                -p:PerfTunedModelsOff=true    FTP0010 (issue 13) configured none; with the line above, the rules of the
                                        build before issue 11, for a like-for-like comparison with it
              -->
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Library</OutputType>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <LangVersion>latest</LangVersion>
                <Deterministic>true</Deterministic>
                <GenerateDocumentationFile>false</GenerateDocumentationFile>
                <EnableNETAnalyzers>false</EnableNETAnalyzers>
                <AnalysisMode>None</AnalysisMode>
                <PerfAnalyzers Condition="'$(PerfAnalyzers)' == ''">all</PerfAnalyzers>
                <!-- OpenAI's experimental APIs (fine-tuning uploads); NetAnalyzers/SCS resolve neighbouring versions. -->
                <NoWarn>$(NoWarn);OPENAI001;SKEXP0001;NU1603;NU1608;NU1701</NoWarn>
                <FineTunePolicyAnalyzerPath>{{analyzer}}</FineTunePolicyAnalyzerPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="OpenAI" />
                <PackageReference Include="Anthropic" />
                <PackageReference Include="Microsoft.Extensions.AI.Abstractions" />
                <PackageReference Include="Microsoft.SemanticKernel.Abstractions" />
                <PackageReference Include="OllamaSharp" />
                <PackageReference Include="Microsoft.CodeAnalysis.BannedApiAnalyzers" PrivateAssets="all" />
                <PackageReference Include="Microsoft.CodeAnalysis.NetAnalyzers" PrivateAssets="all" />
                <PackageReference Include="SecurityCodeScan.VS2019" PrivateAssets="all" />
                {{annotationsReference}}
                <AdditionalFiles Include="BannedSymbols.txt" />
                <Compile Remove="obj/**;bin/**" />
              </ItemGroup>
              <!-- Chooses the analyzers after the packages have added theirs, so one restore serves every mode. -->
              <Target Name="PerfChooseAnalyzers" BeforeTargets="CoreCompile" AfterTargets="ResolveLockFileAnalyzers">
                <ItemGroup>
                  <_PerfPeer Include="@(Analyzer)" Condition="$([System.String]::Copy('%(Analyzer.Identity)').Contains('bannedapianalyzers')) or $([System.String]::Copy('%(Analyzer.Identity)').Contains('netanalyzers')) or $([System.String]::Copy('%(Analyzer.Identity)').Contains('securitycodescan'))" />
                  <Analyzer Remove="@(_PerfPeer)" Condition="'$(PerfAnalyzers)' == 'none' or '$(PerfAnalyzers)' == 'ours' or '$(PerfAnalyzers)' == 'inventory'" />
                  <Analyzer Include="$(FineTunePolicyAnalyzerPath)" Condition="'$(PerfAnalyzers)' == 'ours' or '$(PerfAnalyzers)' == 'all' or '$(PerfAnalyzers)' == 'inventory'" />
                  <EditorConfigFiles Include="Inventory.globalconfig" Condition="'$(PerfAnalyzers)' == 'inventory'" />
                  <EditorConfigFiles Include="CrossAssemblyOff.globalconfig" Condition="'$(PerfCrossAssemblyOff)' == 'true'" />
                  <EditorConfigFiles Include="TunedModelsOff.globalconfig" Condition="'$(PerfTunedModelsOff)' == 'true'" />
                </ItemGroup>
              </Target>
            </Project>
            """);
        WriteFile(output, "Inventory.globalconfig", "is_global = true\ndotnet_diagnostic.FTP0100.severity = suggestion\n");
        WriteFile(output, "CrossAssemblyOff.globalconfig",
            "is_global = true\ndotnet_diagnostic.FTP0008.severity = none\ndotnet_diagnostic.FTP0009.severity = none\n");
        WriteFile(output, "TunedModelsOff.globalconfig", "is_global = true\ndotnet_diagnostic.FTP0010.severity = none\n");
        WriteFile(output, "BannedSymbols.txt", """
            T:System.Net.WebClient;Use HttpClient
            T:System.Runtime.Serialization.Formatters.Binary.BinaryFormatter;Insecure deserialisation
            P:System.DateTime.Now;Use DateTime.UtcNow
            M:System.GC.Collect;Do not force collections
            M:System.Environment.Exit(System.Int32);Return from Main instead
            """);
        WriteFile(output, ".editorconfig", """
            root = true

            [*.cs]
            # The workload's deliberate findings are reported, not fatal.
            dotnet_diagnostic.FTP0001.severity = warning
            dotnet_diagnostic.FTP0002.severity = warning
            dotnet_diagnostic.FTP0004.severity = warning
            # NetAnalyzers' security taint rules, off by default, on for the comparison.
            dotnet_diagnostic.CA3001.severity = warning
            dotnet_diagnostic.CA3002.severity = warning
            dotnet_diagnostic.CA3003.severity = warning
            dotnet_diagnostic.CA3004.severity = warning
            dotnet_diagnostic.CA3005.severity = warning
            dotnet_diagnostic.CA3006.severity = warning
            dotnet_diagnostic.CA3007.severity = warning
            dotnet_diagnostic.CA3008.severity = warning
            dotnet_diagnostic.CA3009.severity = warning
            dotnet_diagnostic.CA3010.severity = warning
            dotnet_diagnostic.CA3011.severity = warning
            dotnet_diagnostic.CA3012.severity = warning
            dotnet_diagnostic.RS0030.severity = warning
            """);
    }

    private static void WriteFile(string directory, string name, string text) =>
        System.IO.File.WriteAllText(Path.Combine(directory, name), text.Replace("\r\n", "\n") + (text.EndsWith('\n') ? "" : "\n"));
}

internal sealed class Generator
{
    private static readonly string[] Words = ["account", "billing", "renewal", "refund", "shipping", "warranty", "upgrade", "outage", "invoice", "contract", "migration", "onboarding"];
    private static readonly string[] Sdks = ["OpenAIChat", "OpenAIEmbedding", "OpenAIFineTune", "ExtensionsAI", "SemanticKernel", "Anthropic", "Ollama"];

    private readonly int _seed;

    /// <summary>Whether state, builders, writers, files and tools are written (false: the classic workload).</summary>
    public static bool Mix { get; set; } = true;

    public Generator(int seed)
    {
        _seed = seed;
        Seed = seed;
    }

    // Kinds by position in the decade: 0-2 models, 3-4 redactors and prompt helpers, 5-7 services, 8 [LlmSink] gateway, 9 LLM call site.
    public static int KindOf(int i) => i % 10;

    public string File(int i)
    {
        // One random stream per file: any file can be regenerated alone, and N only adds files.
        var rng = new Random(unchecked(_seed * 7919 + i));
        var w = new StringBuilder();
        var decade = i / 10;
        w.Append("// Generated by build/perf/GenerateWorkload.cs (seed ").Append(_seed).Append("). A benchmark workload, not product code.\n");
        switch (KindOf(i))
        {
            case 0: case 1: case 2: Model(w, i, rng); break;
            case 3: case 4: Helpers(w, i, decade, rng); break;
            case 5: case 6: case 7: Service(w, i, decade, rng); break;
            case 8: Gateway(w, i, rng); break;
            default: CallSite(w, i, decade, rng); break;
        }

        return w.ToString();
    }

    // A model file of the decade d, chosen among d's or an earlier decade's (cross-file references).
    private static int ModelOf(int decade, Random rng) => Earlier(decade, rng) * 10 + rng.Next(0, 3);

    private static int HelperOf(int decade, Random rng) => Earlier(decade, rng) * 10 + 3 + rng.Next(0, 2);

    private static int Earlier(int decade, Random rng) => rng.Next(3) == 0 ? rng.Next(0, decade + 1) : decade;

    private static string Ns(int i) => "Perf.Workload.D" + (i / 10).ToString("D4", CultureInfo.InvariantCulture);

    // using directives for the namespaces of other files, each once, never the file's own.
    private static string Imports(int self, params int[] others) =>
        string.Join("\n", others.Select(Ns).Where(n => n != Ns(self)).Distinct().Select(n => "    using " + n + ";"));

    private static void Usings(StringBuilder w, params string[] extra)
    {
        foreach (var u in new[] { "System", "System.Collections.Generic", "System.Globalization", "System.Linq", "System.Text", "System.Threading", "System.Threading.Tasks", "FineTunePolicy" }.Concat(extra))
        {
            w.Append("using ").Append(u).Append(";\n");
        }

        w.Append('\n');
    }

    private static void Model(StringBuilder w, int i, Random rng)
    {
        Usings(w);
        var typeClass = rng.Next(4) switch { 0 => "[Internal]\n    ", _ => "" };
        w.Append($$"""
            namespace {{Ns(i)}}
            {
                {{typeClass}}public class Customer{{i}}
                {
                    [Public] public int Id { get; set; }
                    public string FirstName { get; set; } = "";
                    public string LastName { get; set; } = "";
                    [Restricted(Categories = DataCategory.Personal)] public string TaxId { get; set; } = "";
                    [Confidential(Categories = DataCategory.Personal)] public string Email { get; set; } = "";
                    [Internal] public string Segment { get; set; } = "";
                    public Address{{i}} Address { get; set; } = new Address{{i}}();
                    public List<Order{{i}}> Orders { get; set; } = new List<Order{{i}}>();
                    public Status{{i}} Status { get; set; }
                    public string FullName => FirstName + " " + LastName;

                    public bool IsValid()
                    {
                        if (string.IsNullOrWhiteSpace(FirstName) || string.IsNullOrWhiteSpace(LastName))
                        {
                            return false;
                        }

                        return Email.Contains('@') && Orders.All(o => o.Lines.Count > 0);
                    }

                    public decimal LifetimeValue()
                    {
                        var total = 0m;
                        foreach (var order in Orders)
                        {
                            total += order.Sum();
                        }

                        return Status == Status{{i}}.Closed ? 0m : total;
                    }
                }

                public class Address{{i}}
                {
                    public string Street { get; set; } = "";
                    public string City { get; set; } = "";
                    [Confidential(Categories = DataCategory.Personal)] public string PostalCode { get; set; } = "";
                    public string Country { get; set; } = "{{(rng.Next(2) == 0 ? "DE" : "US")}}";

                    public override string ToString() => City + ", " + Country;
                }

                public class Order{{i}}
                {
                    public int Number { get; set; }
                    public DateTime PlacedUtc { get; set; }
                    [Restricted(Categories = DataCategory.Payment)] public string CardNumber { get; set; } = "";
                    public List<OrderLine{{i}}> Lines { get; set; } = new List<OrderLine{{i}}>();

                    public decimal Sum()
                    {
                        decimal sum = 0;
                        for (var k = 0; k < Lines.Count; k++)
                        {
                            sum += Lines[k].Quantity * Lines[k].Price;
                        }

                        return Math.Round(sum * {{1 + rng.Next(0, 20) / 100.0:0.00}}m, 2);
                    }
                }

                public class OrderLine{{i}}
                {
                    public string Sku { get; set; } = "";
                    public int Quantity { get; set; }
                    public decimal Price { get; set; }
                }

                [Confidential]
                public record Ticket{{i}}(string Subject, string Body, int Priority)
                {
                    public bool IsUrgent => Priority > {{rng.Next(1, 4)}};
                }

                public record Note{{i}}([Public] string Title, [Public] string Text, DateTime CreatedUtc);

                public enum Status{{i}}
                {
                    Open,
                    Pending,
                    Closed,
                }
            }

            """);
    }

    private static void Helpers(StringBuilder w, int i, int decade, Random rng)
    {
        Usings(w);
        var m = ModelOf(decade, rng);
        var mask = rng.Next(2) == 0 ? "value.Length <= 4 ? \"****\" : new string('*', value.Length - 4) + value.Substring(value.Length - 4)" : "string.IsNullOrEmpty(value) ? \"\" : value[0] + \"***\"";
        w.Append($$"""
            namespace {{Ns(i)}}
            {
            {{Imports(i, m)}}

                public static class Redact{{i}}
                {
                    [Declassifies(DataClass.Public, Justification = "keeps no more than a few characters of the value")]
                    public static string Mask(string value) => {{mask}};

                    [Declassifies(DataClass.Internal, Justification = "a one-way digest; the value cannot be recovered")]
                    public static string Digest(string value)
                    {
                        var hash = 17;
                        foreach (var c in value)
                        {
                            hash = unchecked(hash * 31 + c);
                        }

                        return hash.ToString("x8", CultureInfo.InvariantCulture);
                    }
                }

                public static class Prompt{{i}}
                {
                    // Level 3: formatting.
                    public static string Line(string label, string value) => label + ": " + value.Trim();

                    public static string Truncate(string text, int max)
                    {
                        if (text.Length <= max)
                        {
                            return text;
                        }

                        var cut = text.LastIndexOf(' ', max);
                        return (cut > 0 ? text.Substring(0, cut) : text.Substring(0, max)) + "...";
                    }

                    // Level 2: one object.
                    public static string Describe(Customer{{m}} c)
                    {
                        var sb = new StringBuilder();
                        sb.AppendLine(Line("Customer", c.FullName));
                        sb.AppendLine(Line("Segment", c.Segment));
                        sb.AppendLine(Line("Contact", Redact{{i}}.Mask(c.Email)));
                        sb.AppendLine(Line("City", c.Address.City));
                        return sb.ToString();
                    }

                    public static string DescribeOrder(Order{{m}} o) => Line("Order", o.Number.ToString(CultureInfo.InvariantCulture)) + " " + Line("Total", o.Sum().ToString("F2", CultureInfo.InvariantCulture));

                    public static string DescribeTicket(Ticket{{m}} t) => Line("Subject", Redact{{i}}.Mask(t.Subject)) + " " + Line("Priority", Redact{{i}}.Digest(t.Priority.ToString(CultureInfo.InvariantCulture)));

                    // Level 1: the prompt.
                    public static string Build(Customer{{m}} c, IEnumerable<Order{{m}}> orders, string question)
                    {
                        var parts = new List<string> { "You are a {{Words[rng.Next(Words.Length)]}} assistant.", Describe(c) };
                        parts.AddRange(orders.Take({{rng.Next(3, 10)}}).Select(DescribeOrder));
                        parts.Add(Line("Question", Truncate(question, {{rng.Next(200, 800)}})));
                        return string.Join("\n", parts);
                    }

                    public static string Training(IEnumerable<Note{{m}}> notes) =>
                        string.Join("\n", notes.Select(n => "{\"prompt\":\"" + n.Title + "\",\"completion\":\"" + n.Text + "\"}"));

                    public static int WordCount(string text)
                    {
                        var count = 0;
                        var inWord = false;
                        foreach (var ch in text)
                        {
                            if (char.IsWhiteSpace(ch))
                            {
                                inWord = false;
                            }
                            else if (!inWord)
                            {
                                inWord = true;
                                count++;
                            }
                        }

                        return count;
                    }
                }
            }

            """);
        if (Mix)
        {
            w.Append($$"""
                namespace {{Ns(i)}}
                {
                    /// <summary>Collects prompt parts (the fluent builder of service code).</summary>
                    public sealed class PromptBuilder{{i}}
                    {
                        private readonly List<string> _parts = new List<string>();

                        public PromptBuilder{{i}} With(string part)
                        {
                            if (!string.IsNullOrWhiteSpace(part))
                            {
                                _parts.Add(Prompt{{i}}.Truncate(part, 1000));
                            }

                            return this;
                        }

                        public string Build() => string.Join("\n", _parts);
                    }
                }

                """);
        }
    }

    private static void Service(StringBuilder w, int i, int decade, Random rng)
    {
        Usings(w, "System.IO");
        var h = HelperOf(decade, rng);
        var g = Earlier(decade, rng) * 10 + 8;
        var llm = Earlier(decade, rng) * 10 + 9;
        var usesLlm = KindOf(i) == 6;
        var finding = rng.Next(20) == 0;
        // The helper file's own model: prompts are built from the types its helpers take.
        var hm = ModelOfHelper(h);
        var word = Words[rng.Next(Words.Length)];
        w.Append($$"""
            namespace {{Ns(i)}}
            {
            {{Imports(i, hm, h, g, llm)}}

                public sealed {{(Mix ? "partial " : "")}}class Service{{i}}
                {
                    private readonly Gateway{{g}} _gateway;
                    private readonly Dictionary<int, Customer{{hm}}> _cache = new Dictionary<int, Customer{{hm}}>();
                    private int _requests;

                    public Service{{i}}(Gateway{{g}} gateway)
                    {
                        _gateway = gateway;
                    }

                    // Level 1: the entry point.
                    public async Task<string> AnswerAsync(Customer{{hm}} customer, string question, CancellationToken cancellationToken = default)
                    {
                        Interlocked.Increment(ref _requests);
                        if (!customer.IsValid())
                        {
                            return "invalid customer";
                        }

                        var prompt = Compose(customer, question);
                        var answer = await _gateway.AskAsync(prompt, cancellationToken);
                        return Prompt{{h}}.Truncate(answer, 2000);
                    }

                    // Level 2: composes the prompt through the helpers (levels 3 and 4).
                    private string Compose(Customer{{hm}} customer, string question)
                    {
                        var open = customer.Orders.Where(o => o.PlacedUtc > DateTime.UtcNow.AddDays(-{{rng.Next(7, 90)}})).ToList();
                        var prompt = Prompt{{h}}.Build(customer, open, question);
                        return prompt + "\nReference: " + Redact{{h}}.Digest(customer.Email);
                    }

                    public Task<string> TriageAsync(Ticket{{hm}} ticket, CancellationToken cancellationToken = default) =>
                        _gateway.AskAsync("Triage this {{word}} ticket. " + Prompt{{h}}.DescribeTicket(ticket), cancellationToken);

            """);
        if (finding)
        {
            w.Append($$"""
                    // Deliberate finding: a Restricted value reaches the gateway.
                    public Task<string> VerifyAsync(Customer{{hm}} customer) => _gateway.AskAsync("Verify the tax id " + customer.TaxId);

            """);
        }

        if (usesLlm)
        {
            // Fine-tuning takes Public data only (default policy): that call site gets a masked name.
            var text = Sdks[llm / 10 % Sdks.Length] == "OpenAIFineTune" ? $"Redact{h}.Mask(customer.FullName)" : $"Prompt{h}.Describe(customer)";
            w.Append($$"""
                    public Task<string> SummariseWithSdkAsync(Llm{{llm}} llm, Customer{{hm}} customer) => llm.SummariseAsync({{text}});

            """);
        }

        w.Append($$"""
                    public void Remember(Customer{{hm}} customer)
                    {
                        if (customer.IsValid())
                        {
                            _cache[customer.Id] = customer;
                        }
                    }

                    public IReadOnlyList<int> TopCustomers(int count)
                    {
                        return _cache.Values
                            .OrderByDescending(c => c.LifetimeValue())
                            .ThenBy(c => c.Id)
                            .Take(count)
                            .Select(c => c.Id)
                            .ToList();
                    }

                    public string Report()
                    {
                        var sb = new StringBuilder();
                        foreach (var pair in _cache.OrderBy(p => p.Key))
                        {
                            var c = pair.Value;
                            sb.Append(c.Id).Append(';').Append(c.Status).Append(';').Append(c.Orders.Count).AppendLine();
                        }

                        return sb.ToString();
                    }

                    public string LoadTemplate(string root, string name)
                    {
                        var path = Path.Combine(root, name + ".txt");
                        return File.Exists(path) ? File.ReadAllText(path) : "{{word}}";
                    }

                    public int Requests => Volatile.Read(ref _requests);
                }
            }

            """);
        if (Mix)
        {
            // Context kept in a field by one method and sent by another, through the helper file's builder.
            w.Append($$"""
                namespace {{Ns(i)}}
                {
                {{Imports(i, hm, h)}}

                    public sealed partial class Service{{i}}
                    {
                        private string _context = "";

                        public void Prepare(Customer{{hm}} customer) => _context = "Customer " + customer.FirstName + " (" + customer.Segment + ")";

                        public Task<string> FollowUpAsync(string question, CancellationToken cancellationToken = default) =>
                            _gateway.AskAsync(new PromptBuilder{{h}}().With(_context).With(question).Build(), cancellationToken);
                    }
                }

                """);
        }
    }

    // Which model a helper file was written against (the same draw as in Helpers).
    private static int ModelOfHelper(int helper)
    {
        // Helpers draw their model first from their own random stream; replay that draw.
        var rng = new Random(unchecked(Seed * 7919 + helper));
        return ModelOf(helper / 10, rng);
    }

    // Set once by the first Generator; ModelOfHelper replays helper streams with it.
    private static int Seed { get; set; }

    private static void Gateway(StringBuilder w, int i, Random rng)
    {
        if (Mix)
        {
            Usings(w, "System.IO", "System.Net.Http", "Microsoft.SemanticKernel");
        }
        else
        {
            Usings(w, "System.Net.Http");
        }

        w.Append($$"""
            namespace {{Ns(i)}}
            {
                /// <summary>The organisation's LLM gateway: declared a sink, so callers are checked.</summary>
                public sealed class Gateway{{i}}
                {
                    private readonly HttpClient _http;
                    private readonly string _route;

                    public Gateway{{i}}(HttpClient http, string route = "/v1/{{Words[rng.Next(Words.Length)]}}")
                    {
                        _http = http;
                        _route = route;
                    }

                    [LlmSink(LlmPurpose.Inference)]
                    public async Task<string> AskAsync(string prompt, CancellationToken cancellationToken = default)
                    {
                        using var content = new StringContent(prompt, Encoding.UTF8, "text/plain");
                        using var response = await _http.PostAsync(_route, content, cancellationToken);
                        return await response.Content.ReadAsStringAsync(cancellationToken);
                    }

                    [LlmSink(LlmPurpose.Embedding)]
                    public async Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken = default)
                    {
                        var raw = await AskAsync("embed:" + text.Length.ToString(CultureInfo.InvariantCulture), cancellationToken);
                        return raw.Split(',').Select(s => float.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                    }

                    public static string Normalise(string text)
                    {
                        var sb = new StringBuilder(text.Length);
                        var space = false;
                        foreach (var ch in text)
                        {
                            if (char.IsWhiteSpace(ch))
                            {
                                if (!space)
                                {
                                    sb.Append(' ');
                                }

                                space = true;
                            }
                            else
                            {
                                sb.Append(ch);
                                space = false;
                            }
                        }

                        return sb.ToString().Trim();
                    }
                }
            }

            """);
        if (Mix)
        {
            w.Append($$"""
                namespace {{Ns(i)}}
                {
                    /// <summary>Function-calling tools over the gateway's text helpers: their results go to the model.</summary>
                    public sealed class TextTools{{i}}
                    {
                        [KernelFunction]
                        public string Normalised(string text) => Gateway{{i}}.Normalise(text);

                        [KernelFunction]
                        public int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                    }

                    /// <summary>Writes JSON lines into a writer it is given (a dataset exporter's helper).</summary>
                    public static class Jsonl{{i}}
                    {
                        public static async Task WriteAsync(TextWriter writer, IEnumerable<string> lines)
                        {
                            foreach (var line in lines)
                            {
                                await writer.WriteLineAsync(Gateway{{i}}.Normalise(line));
                            }
                        }
                    }
                }

                """);
        }
    }

    // A fine-tuning call site's dataset exports: a StreamWriter over a MemoryStream, and a file uploaded by path.
    private static string Export(int h) => $$"""

                    public async Task<string> ExportAsync(IEnumerable<Note{{ModelOfHelper(h)}}> notes, CancellationToken cancellationToken = default)
                    {
                        using var buffer = new System.IO.MemoryStream();
                        using (var writer = new System.IO.StreamWriter(buffer, leaveOpen: true))
                        {
                            await writer.WriteLineAsync(Prompt{{h}}.Training(notes));
                        }

                        OpenAIFile file = await _client.UploadFileAsync(BinaryData.FromBytes(buffer.ToArray()), "train.jsonl", FileUploadPurpose.FineTune);
                        return file.Id;
                    }

                    public async Task<string> ExportFileAsync(IEnumerable<Note{{ModelOfHelper(h)}}> notes, string folder)
                    {
                        var path = System.IO.Path.Combine(folder, "train.jsonl");
                        await System.IO.File.WriteAllTextAsync(path, Prompt{{h}}.Training(notes));
                        OpenAIFile file = await _client.UploadFileAsync(path, FileUploadPurpose.FineTune);
                        return file.Id;
                    }

            """;

    private static void CallSite(StringBuilder w, int i, int decade, Random rng)
    {
        var sdk = Sdks[decade % Sdks.Length];
        var h = decade * 10 + 3 + rng.Next(0, 2);
        var hm = ModelOfHelper(h);
        var (usings, field, call) = sdk switch
        {
            "OpenAIChat" => (new[] { "OpenAI.Chat" }, "ChatClient",
                """
                        ChatCompletion completion = await _client.CompleteChatAsync(new ChatMessage[] { new SystemChatMessage("Answer briefly."), new UserChatMessage(prompt) }, cancellationToken: cancellationToken);
                        return completion.Content.Count > 0 ? completion.Content[0].Text : "";
                """),
            "OpenAIEmbedding" => (new[] { "OpenAI.Embeddings" }, "EmbeddingClient",
                """
                        OpenAIEmbedding embedding = await _client.GenerateEmbeddingAsync(prompt, cancellationToken: cancellationToken);
                        return embedding.ToFloats().Length.ToString(CultureInfo.InvariantCulture);
                """),
            "OpenAIFineTune" => (new[] { "OpenAI.Files" }, "OpenAIFileClient",
                """
                        OpenAIFile file = await _client.UploadFileAsync(BinaryData.FromString(prompt), "train.jsonl", FileUploadPurpose.FineTune);
                        return file.Id;
                """),
            "ExtensionsAI" => (new[] { "Microsoft.Extensions.AI" }, "IChatClient",
                """
                        var response = await _client.GetResponseAsync(prompt, cancellationToken: cancellationToken);
                        return response.Text;
                """),
            "SemanticKernel" => (new[] { "Microsoft.SemanticKernel", "Microsoft.SemanticKernel.ChatCompletion" }, "IChatCompletionService",
                """
                        var history = new ChatHistory("Answer briefly.");
                        history.AddUserMessage(prompt);
                        var replies = await _client.GetChatMessageContentsAsync(history, cancellationToken: cancellationToken);
                        return replies.Count > 0 ? replies[0].Content ?? "" : "";
                """),
            "Anthropic" => (new[] { "Anthropic", "Anthropic.Models.Messages" }, "AnthropicClient",
                """
                        var message = await _client.Messages.Create(new MessageCreateParams { Model = "claude-sonnet-4-5", MaxTokens = 512, Messages = [new UserMessageParam(prompt)] }, cancellationToken);
                        return message.ToString() ?? "";
                """),
            _ => (new[] { "OllamaSharp" }, "IOllamaApiClient",
                """
                        var embedded = await _client.EmbedAsync(prompt, cancellationToken);
                        return embedded.ToString() ?? "";
                """),
        };

        Usings(w, usings);
        var fineTune = sdk == "OpenAIFineTune";
        var input = fineTune ? $"Prompt{h}.Training(notes)" : $"Prompt{h}.Describe(customer)";
        var parameter = fineTune ? $"IEnumerable<Note{hm}> notes" : $"Customer{hm} customer";
        w.Append($$"""
            namespace {{Ns(i)}}
            {
            {{Imports(i, hm, h)}}

                /// <summary>The {{sdk}} call site of this part of the workload.</summary>
                public sealed class Llm{{i}}
                {
                    private readonly {{field}} _client;

                    public Llm{{i}}({{field}} client)
                    {
                        _client = client;
                    }

                    public async Task<string> SummariseAsync(string prompt, CancellationToken cancellationToken = default)
                    {
            {{call}}
                    }

                    // Level 1 into the SDK: the prompt is built two and three calls away.
                    public Task<string> RunAsync({{parameter}}, CancellationToken cancellationToken = default) =>
                        SummariseAsync({{input}}, cancellationToken);
            {{(Mix && fineTune ? Export(h) : "")}}
                    public static IEnumerable<string> Chunk(string text, int size)
                    {
                        for (var start = 0; start < text.Length; start += size)
                        {
                            yield return text.Substring(start, Math.Min(size, text.Length - start));
                        }
                    }

                    public static double Similarity(float[] a, float[] b)
                    {
                        double dot = 0, na = 0, nb = 0;
                        for (var k = 0; k < Math.Min(a.Length, b.Length); k++)
                        {
                            dot += a[k] * b[k];
                            na += a[k] * a[k];
                            nb += b[k] * b[k];
                        }

                        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
                    }
                }
            }

            """);
    }

}
