using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace FineTunePolicy.Analyzers.Tests.Verifiers;

/// <summary>
/// What test code compiles against: the .NET reference assemblies of the SDK that runs the tests,
/// and the real LLM SDK assemblies that this test project restores (never stand-ins).
/// </summary>
internal static class TestReferences
{
    private static readonly string[] SdkPrefixes =
    [
        "OpenAI", "Azure.AI.OpenAI", "Azure.AI.Inference", "Azure.Core", "Anthropic", "Microsoft.Extensions.AI", "Microsoft.SemanticKernel",
        "OllamaSharp", "Betalgo.", "LLamaSharp", "System.ClientModel", "System.Memory.Data", "Microsoft.Extensions.Compliance",
        "Microsoft.Extensions.DependencyInjection.Abstractions", "Microsoft.Extensions.Logging.Abstractions", "Microsoft.Extensions.VectorData",
        "Microsoft.Bcl.AsyncInterfaces", "Microsoft.Bcl.HashCode", "Newtonsoft.Json", "FineTunePolicy.Annotations",
    ];

    public static ImmutableArray<MetadataReference> All { get; } = Load();

    private static ImmutableArray<MetadataReference> Load()
    {
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var file in Directory.GetFiles(FrameworkReferenceDirectory(), "*.dll"))
        {
            builder.Add(MetadataReference.CreateFromFile(file));
        }

        foreach (var file in Directory.GetFiles(AppContext.BaseDirectory, "*.dll").OrderBy(f => f, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (SdkPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)) && !name.Contains(".Analyzers", StringComparison.Ordinal))
            {
                builder.Add(MetadataReference.CreateFromFile(file));
            }
        }

        return builder.ToImmutable();
    }

    // The reference pack of the running runtime: <dotnet>/packs/Microsoft.NETCore.App.Ref/<version>/ref/net<major>.0.
    private static string FrameworkReferenceDirectory()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var tfm = "net" + Environment.Version.Major + ".0";
        if (Directory.Exists(packs))
        {
            foreach (var version in Directory.GetDirectories(packs)
                .OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version()))
            {
                var candidate = Path.Combine(version, "ref", tfm);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        // No targeting pack: compile against the runtime's own assemblies.
        return runtimeDirectory;
    }
}
