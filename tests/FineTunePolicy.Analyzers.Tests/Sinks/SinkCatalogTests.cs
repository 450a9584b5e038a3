using FineTunePolicy.Analyzers.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FineTunePolicy.Analyzers.Tests.Sinks;

/// <summary>
/// Every row of the sink catalogue names a real SDK type and real methods of it, checked against the SDK assemblies this
/// test project references (the versions in Directory.Packages.props). A row the referenced versions do not have is
/// listed below with the reason it stays in the catalogue; a row that disappears from an SDK fails here.
/// </summary>
public class SinkCatalogTests
{
    /// <summary>Catalogue entries (type, or type.method) that the referenced SDK versions do not define, and why they stay.</summary>
    private static readonly Dictionary<string, string> NotInReferencedVersions = new(StringComparer.Ordinal)
    {
        ["OpenAI.RealtimeConversation.RealtimeConversationSession"] = "the realtime session of earlier OpenAI 2.x releases (now OpenAI.Realtime)",
        ["OpenAI.Responses.OpenAIResponseClient"] = "the responses client of earlier OpenAI 2.x releases (now ResponsesClient)",
        ["OpenAI.Responses.ResponsesClient.CreateResponseStreaming"] = "synchronous streaming, in other versions of the SDK than the one this project "
            + "references",
        ["OpenAI.Audio.AudioClient.TranscribeAudioStreaming"] = "synchronous streaming, in other versions of the SDK than the one this project references",
        ["OpenAI.Audio.AudioClient.GenerateSpeechStreaming"] = "synchronous streaming, in other versions of the SDK than the one this project references",
        ["OpenAI.Assistants.AssistantClient.CreateRunStreaming"] = "synchronous streaming, in other versions of the SDK than the one this project references",
        ["OpenAI.Assistants.AssistantClient.CreateThreadAndRunStreaming"] = "synchronous streaming, in other versions of the SDK than the one this project "
            + "references",
        ["OpenAI.Assistants.AssistantClient.SubmitToolOutputsToRunStreaming"] = "synchronous streaming, in other versions of the SDK than the one this project "
            + "references",
        ["OpenAI.VectorStores.VectorStoreClient.CreateBatchFileJob"] = "the batch file job of other versions of the SDK than the one this project references",
        ["OpenAI.VectorStores.VectorStoreClient.CreateBatchFileJobAsync"] = "the batch file job of other versions of the SDK than the one this project "
            + "references",
        ["OpenAI.FineTuning.FineTuningClient.CreateFineTuningJob"] = "the protocol method of other versions of the SDK than the one this project references "
            + "(now FineTune)",
        ["OpenAI.FineTuning.FineTuningClient.CreateFineTuningJobAsync"] = "the protocol method of other versions of the SDK than the one this project "
            + "references (now FineTuneAsync)",
        ["Microsoft.Extensions.AI.EmbeddingGeneratorExtensions.GenerateEmbeddingAsync"] = "the name in other versions of the SDK than the one this project "
            + "references",
        ["Microsoft.Extensions.AI.EmbeddingGeneratorExtensions.GenerateEmbeddingVectorAsync"] = "the name in other versions of the SDK than the one this "
            + "project references",
        ["OllamaSharp.OllamaApiClientExtensions.CreateModelAsync"] = "an extension of other versions of the SDK than the one this project references",
    };

    private static readonly CSharpCompilation Sdks = CSharpCompilation.Create("SinkCatalogRows", references: TestReferences.All);

    public static TheoryData<string> Types() => [.. SinkCatalog.Entries.Select(e => e.TypeName).Distinct(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Types))]
    public void EveryCatalogueRow_ResolvesAgainstTheReferencedSdk(string typeName)
    {
        var types = Sdks.GetTypesByMetadataName(typeName);
        if (types.IsEmpty)
        {
            Assert.True(NotInReferencedVersions.ContainsKey(typeName), $"{typeName} is in the sink catalogue but no referenced SDK assembly defines it");
            return;
        }

        var missing = new List<string>();
        foreach (var method in SinkCatalog.Entries.Where(e => e.TypeName == typeName).SelectMany(e => e.Methods).Distinct(StringComparer.Ordinal))
        {
            if (!types.Any(type => HasMethod(type, method)) && !NotInReferencedVersions.ContainsKey(typeName + "." + method))
            {
                missing.Add(method);
            }
        }

        Assert.True(missing.Count == 0, $"{typeName} has no method named {string.Join(", ", missing)}");
    }

    [Fact]
    public void RowsListedAsMissing_AreStillMissing()
    {
        // An entry listed above that the referenced SDKs now define must leave the list.
        foreach (var entry in NotInReferencedVersions.Keys)
        {
            var types = Sdks.GetTypesByMetadataName(entry);
            var lastDot = entry.LastIndexOf('.');
            var defined = !types.IsEmpty
                || Sdks.GetTypesByMetadataName(entry[..lastDot]).Any(type => HasMethod(type, entry[(lastDot + 1)..]));
            Assert.False(defined, $"{entry} is listed as missing from the referenced SDKs, but they define it");
        }
    }

    [Fact]
    public void ClientProviders_NameRealTypes()
    {
        foreach (var entry in SinkCatalog.ClientProviders)
        {
            Assert.True(!Sdks.GetTypesByMetadataName(entry.Key).IsEmpty || NotInReferencedVersions.ContainsKey(entry.Key), $"{entry.Key} names no referenced "
                + $"SDK type");
        }
    }

    private static bool HasMethod(INamedTypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.GetMembers(name).OfType<IMethodSymbol>().Any())
            {
                return true;
            }
        }

        return type.AllInterfaces.Any(contract => contract.GetMembers(name).OfType<IMethodSymbol>().Any());
    }
}
