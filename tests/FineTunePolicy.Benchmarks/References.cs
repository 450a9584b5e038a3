using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace FineTunePolicy.Benchmarks;

/// <summary>
/// What benchmark code compiles against: the .NET reference assemblies of the running SDK and the real LLM SDK
/// assemblies restored beside this program (the same approach as the analyzer tests' TestReferences).
/// </summary>
internal static class References
{
    private static readonly string[] SdkPrefixes =
    [
        "OpenAI", "Anthropic", "Microsoft.Extensions.AI", "Microsoft.SemanticKernel", "OllamaSharp", "System.ClientModel",
        "System.Memory.Data", "Microsoft.Extensions.DependencyInjection.Abstractions", "Microsoft.Extensions.Logging.Abstractions",
        "Microsoft.Extensions.VectorData", "Microsoft.Bcl.AsyncInterfaces", "FineTunePolicy.Annotations",
    ];

    private static readonly string[] LlmSdks = ["OpenAI", "Anthropic", "Microsoft.Extensions.AI", "Microsoft.SemanticKernel", "OllamaSharp"];

    public static ImmutableArray<MetadataReference> All { get; } = Load(withLlmSdks: true);

    /// <summary>Without any LLM SDK: the analyzer's engine must not start.</summary>
    public static ImmutableArray<MetadataReference> WithoutLlmSdks { get; } = Load(withLlmSdks: false);

    private static ImmutableArray<MetadataReference> Load(bool withLlmSdks)
    {
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var file in Directory.GetFiles(FrameworkReferenceDirectory(), "*.dll"))
        {
            builder.Add(MetadataReference.CreateFromFile(file));
        }

        foreach (var file in Directory.GetFiles(AppContext.BaseDirectory, "*.dll").OrderBy(f => f, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (SdkPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)) && !name.Contains(".Analyzers", StringComparison.Ordinal)
                && (withLlmSdks || !LlmSdks.Any(p => name.StartsWith(p, StringComparison.Ordinal))))
            {
                builder.Add(MetadataReference.CreateFromFile(file));
            }
        }

        return builder.ToImmutable();
    }

    private static string FrameworkReferenceDirectory()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var packs = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", "..", "packs", "Microsoft.NETCore.App.Ref"));
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

        return runtimeDirectory;
    }
}
