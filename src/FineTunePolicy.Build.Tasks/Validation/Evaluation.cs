using System;
using System.Collections.Generic;
using FineTunePolicy.Build.Tasks.Json;
using FineTunePolicy.Build.Tasks.Model;

namespace FineTunePolicy.Build.Tasks.Validation
{
    /// <summary>A referenced NuGet package: id and version as MSBuild passed them.</summary>
    internal sealed class PackageInput
    {
        public PackageInput(string id, string? version)
        {
            Id = id;
            Version = version;
        }

        public string Id { get; }

        public string? Version { get; }
    }

    /// <summary>Something that sends data to a provider: a use of the manifest or a fine-tuning dataset.</summary>
    internal sealed class Subject
    {
        public string Label { get; set; } = string.Empty;

        public Use? Use { get; set; }

        public Dataset? Dataset { get; set; }

        public string Provider { get; set; } = string.Empty;

        public JsonNode ProviderNode { get; set; } = null!;

        public Purpose Purpose { get; set; }

        public JsonNode PurposeNode { get; set; } = null!;

        public DataClass Class { get; set; }

        public JsonNode ClassNode { get; set; } = null!;

        public DataCategory Categories { get; set; }

        public Dictionary<DataCategory, JsonNode> CategoryNodes { get; set; } = new Dictionary<DataCategory, JsonNode>();

        /// <summary>The effective ceiling for the provider and purpose; null when the provider or purpose is not allowed.</summary>
        public DataClass? Ceiling { get; set; }

        /// <summary>Error codes that deny this subject, in the order they were found.</summary>
        public List<string> Denials { get; } = new List<string>();

        /// <summary>Warning codes that concern this subject.</summary>
        public SortedSet<string> Warnings { get; } = new SortedSet<string>(StringComparer.Ordinal);
    }

    /// <summary>The status of an approval on the judged date.</summary>
    internal sealed class ApprovalStatus
    {
        public ApprovalStatus(Approval approval, string status)
        {
            Approval = approval;
            Status = status;
        }

        public Approval Approval { get; }

        /// <summary>valid, expiresSoon or expired.</summary>
        public string Status { get; }
    }

    /// <summary>A package the project references and the providers it talks to.</summary>
    internal sealed class PackageResult
    {
        public PackageResult(PackageInput package, List<string> providers, bool declared)
        {
            Package = package;
            Providers = providers;
            Declared = declared;
        }

        public PackageInput Package { get; }

        public List<string> Providers { get; }

        public bool Declared { get; }
    }

    /// <summary>A tuned model the manifest declares, with its registry entry (null when unregistered) and the decision.</summary>
    internal sealed class ModelResult
    {
        public ModelResult(ModelUse use, RegisteredModel? entry)
        {
            Use = use;
            Entry = entry;
        }

        public ModelUse Use { get; }

        public RegisteredModel? Entry { get; }

        /// <summary>Error codes that deny the model, in the order they were found.</summary>
        public List<string> Denials { get; } = new List<string>();

        /// <summary>Warning codes that concern the model.</summary>
        public SortedSet<string> Warnings { get; } = new SortedSet<string>(StringComparer.Ordinal);
    }

    /// <summary>Everything the evaluation found and decided.</summary>
    internal sealed class Evaluation
    {
        public List<Subject> Uses { get; } = new List<Subject>();

        public List<Subject> Datasets { get; } = new List<Subject>();

        public List<ApprovalStatus> Approvals { get; } = new List<ApprovalStatus>();

        public List<PackageResult> Packages { get; } = new List<PackageResult>();

        /// <summary>The declared tuned models, in manifest order (each id once).</summary>
        public List<ModelResult> Models { get; } = new List<ModelResult>();

        /// <summary>The project's audience as the allow-list defines it; null when the manifest names none.</summary>
        public Audience? Audience { get; set; }

        /// <summary>Provider id → purpose → effective ceiling, for the declared and allowed uses.</summary>
        public SortedDictionary<string, SortedDictionary<Purpose, DataClass>> Ceilings { get; } =
            new SortedDictionary<string, SortedDictionary<Purpose, DataClass>>(StringComparer.Ordinal);
    }
}
