using System.Text.RegularExpressions;

namespace FineTunePolicy.Tool.Report;

/// <summary>What a finding says about its flow: sink, purpose, provider, class, categories, sources, ceiling.</summary>
internal sealed record FindingFacts(string? Sink, string? Purpose, string? Provider, string? Class, IReadOnlyList<string> Categories,
    IReadOnlyList<string> SourceNames, string? Ceiling)
{
    public static readonly FindingFacts None = new(null, null, null, null, Array.Empty<string>(), Array.Empty<string>(), null);
}

/// <summary>
/// Reads the facts of an FTP0001-FTP0004 finding. The diagnostic's properties (SARIF customProperties) win where the
/// analyzer writes them; otherwise the message is read, whose format the descriptors fix (src/FineTunePolicy.Analyzers/Descriptors.cs;
/// a test of the tool reads every message of the sample's real build).
/// </summary>
internal static partial class FindingFactsReader
{
    public static FindingFacts Read(string rule, string message, IReadOnlyDictionary<string, string> properties)
    {
        var facts = rule switch
        {
            "FTP0001" => Match(RestrictedMessage(), message),
            "FTP0002" or "FTP0003" => Match(CeilingMessage(), message),
            "FTP0004" => Match(ProviderMessage(), message),
            _ => FindingFacts.None,
        };

        if (properties.Count == 0)
        {
            return facts;
        }

        return new FindingFacts(
            properties.GetValueOrDefault(Keys.Sink) ?? facts.Sink,
            PurposeKey(properties.GetValueOrDefault(Keys.Purpose)) ?? facts.Purpose,
            properties.GetValueOrDefault(Keys.Provider) ?? facts.Provider,
            properties.GetValueOrDefault(Keys.Class) ?? facts.Class,
            properties.TryGetValue(Keys.Categories, out var categories) ? Split(categories) : facts.Categories,
            properties.TryGetValue(Keys.Sources, out var sources) ? Split(sources)
                : properties.TryGetValue(Keys.SourcesAbove, out var above) ? Split(above)
                : facts.SourceNames,
            properties.GetValueOrDefault(Keys.Ceiling) ?? facts.Ceiling);
    }

    /// <summary>The diagnostic property names the analyzer writes (src/FineTunePolicy.Analyzers/DiagnosticProperties.cs).</summary>
    internal static class Keys
    {
        public const string Sink = "Sink";
        public const string Purpose = "Purpose";
        public const string Provider = "Provider";
        public const string Class = "Class";
        public const string Categories = "Categories";
        public const string Sources = "Sources";
        public const string Ceiling = "Ceiling";
        public const string Allowed = "Allowed";

        /// <summary>
        /// FTP0001-FTP0003: the sources above the ceiling, named as messages name them. Read when <see cref="Sources"/> is absent:
        /// the message quotes state paths and models too ("the answer of tuned model 'ft:…' (client held in 'X._f')").
        /// </summary>
        public const string SourcesAbove = "SourcesAbove";

        // FTP0100, the inventory of LLM use.
        public const string Entry = "Entry";
        public const string Symbol = "Symbol";
        public const string SymbolKind = "SymbolKind";
        public const string Justification = "Justification";
    }

    /// <summary>The purpose as the audit record and the manifest write it (from a message's words or the analyzer's enum names).</summary>
    public static string? PurposeKey(string? text) => text switch
    {
        "inference" => "inference",
        "embedding" => "embedding",
        "fine-tuning" or "fineTuning" or "FineTuning" => "fineTuning",
        "Inference" => "inference",
        "Embedding" => "embedding",
        _ => text,
    };

    private static FindingFacts Match(Regex regex, string message)
    {
        var match = regex.Match(message);
        if (!match.Success)
        {
            return FindingFacts.None;
        }

        var classAndCategories = match.Groups["cc"].Success ? match.Groups["cc"].Value : null;
        var parts = classAndCategories == null ? Array.Empty<string>() : Split(classAndCategories).ToArray();
        var sources = match.Groups["src"].Success ? Quoted().Matches(match.Groups["src"].Value).Select(m => m.Groups[1].Value).ToList() : new List<string>();
        return new FindingFacts(
            match.Groups["sink"].Value,
            PurposeKey(match.Groups["purpose"].Value),
            match.Groups["provider"].Value,
            parts.Length > 0 ? parts[0] : null,
            parts.Skip(1).ToList(),
            sources,
            match.Groups["ceiling"].Success ? match.Groups["ceiling"].Value : null);
    }

    /// <summary>A list: one entry per line in properties (DiagnosticProperties.Separator), comma-separated in messages.</summary>
    internal static IReadOnlyList<string> Split(string list) =>
        list.Split(list.Contains('\n') ? new[] { '\n' } : new[] { ',' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // FTP0001: "Restricted data from 'Customer.Ssn' (Restricted, Personal) reaches 'ChatClient.CompleteChatAsync' for inference with provider 'openai'
    // (ceiling: Confidential (project policy)); ..."
    [GeneratedRegex(@"^Restricted data from (?<src>.+?) \((?<cc>[^)]*)\) reaches '(?<sink>[^']+)' for (?<purpose>[a-z-]+) with provider '(?<provider>[^']+)' "
        + @"\(ceiling: (?<ceiling>[A-Za-z]+)", RegexOptions.CultureInvariant)]
    private static partial Regex RestrictedMessage();

    // FTP0002, FTP0003: "Confidential, Personal data from 'Customer.Email' reaches 'OpenAIFileClient.UploadFileAsync' for fine-tuning with provider 'openai',
    // above the fine-tuning ceiling Internal (project policy); ..."
    [GeneratedRegex(@"^(?<cc>.+?) data from (?<src>.+?) reaches '(?<sink>[^']+)' for (?<purpose>[a-z-]+) with provider '(?<provider>[^']+)', above the [a-z-]+ "
        + @"ceiling (?<ceiling>[A-Za-z]+)", RegexOptions.CultureInvariant)]
    private static partial Regex CeilingMessage();

    // FTP0004: "'OllamaApiClientExtensions.GenerateAsync' sends data to provider 'ollama' for inference, which the policy does not allow (...)"
    [GeneratedRegex(@"^'(?<sink>[^']+)' sends data to provider '(?<provider>[^']+)' for (?<purpose>[a-z-]+),", RegexOptions.CultureInvariant)]
    private static partial Regex ProviderMessage();

    [GeneratedRegex(@"'([^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();
}
