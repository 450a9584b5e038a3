using FineTunePolicy.Analyzers.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FineTunePolicy.Analyzers.Tests.Sinks;

/// <summary>
/// Every row of the model-parameter table (FTP0010, and the binding of a client to a tuned model) names a real SDK type
/// with a real member that takes a model: a method or constructor with a parameter of that name, or a settable property.
/// Rows the referenced SDK versions do not have are listed with the reason they stay.
/// </summary>
public class ModelParameterTests
{
    private const string SemanticKernelAzure =
        "Semantic Kernel's Azure OpenAI connector, which needs a preview of Azure.AI.OpenAI newer than the one this project references";

    private static readonly Dictionary<string, string> NotInReferencedVersions = new(StringComparer.Ordinal)
    {
        ["OpenAI.Responses.OpenAIResponseClient"] = "the responses client of earlier OpenAI 2.x releases (now ResponsesClient, model per request)",
        ["OpenAI.OpenAIClient.GetOpenAIResponseClient"] = "the responses client of earlier OpenAI 2.x releases (now GetResponsesClient, model per request)",
        ["Microsoft.SemanticKernel.AzureOpenAIKernelBuilderExtensions"] = SemanticKernelAzure,
        ["Microsoft.SemanticKernel.AzureOpenAIServiceCollectionExtensions"] = SemanticKernelAzure,
        ["Microsoft.SemanticKernel.Connectors.AzureOpenAI.AzureOpenAIChatCompletionService"] = SemanticKernelAzure,
    };

    private static readonly CSharpCompilation Sdks = CSharpCompilation.Create("ModelParameterRows", references: TestReferences.All);

    public static TheoryData<string, string, string> Rows()
    {
        var rows = new TheoryData<string, string, string>();
        foreach (var row in ModelParameters.Rows)
        {
            rows.Add(row.TypeName, row.Member, row.Name);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void EveryRow_NamesAModelParameterOfTheReferencedSdk(string typeName, string member, string name)
    {
        var types = Sdks.GetTypesByMetadataName(typeName);
        if (types.IsEmpty || NotInReferencedVersions.ContainsKey(typeName + "." + member))
        {
            Assert.True(
                NotInReferencedVersions.ContainsKey(typeName) || NotInReferencedVersions.ContainsKey(typeName + "." + member),
                $"{typeName}.{member} is in the model-parameter table but no referenced SDK assembly defines it");
            return;
        }

        var found = types.SelectMany(type => type.GetMembers(member)).Any(symbol => symbol switch
        {
            IMethodSymbol method => method.DeclaredAccessibility == Accessibility.Public
                && method.Parameters.Any(p => p.Name == name && p.Type.SpecialType == SpecialType.System_String),
            IPropertySymbol property => member == name && property.SetMethod is { DeclaredAccessibility: Accessibility.Public },
            _ => false,
        });

        Assert.True(found, $"{typeName}.{member} takes no model as '{name}' in the referenced SDK");
    }

    [Fact]
    public void RowsListedAsMissing_AreStillMissing()
    {
        foreach (var entry in NotInReferencedVersions.Keys)
        {
            var lastDot = entry.LastIndexOf('.');
            var defined = !Sdks.GetTypesByMetadataName(entry).IsEmpty
                || Sdks.GetTypesByMetadataName(entry[..lastDot]).Any(type => !type.GetMembers(entry[(lastDot + 1)..]).IsEmpty);
            Assert.False(defined, $"{entry} is listed as missing from the referenced SDKs, but they define it");
        }
    }

    [Fact]
    public void FineTuningJobs_AreNotInTheTable()
    {
        // A fine-tuning job makes a model from a base model: it uses none.
        Assert.DoesNotContain(ModelParameters.Rows, row => row.TypeName.Contains("FineTuning", StringComparison.Ordinal));
    }
}
