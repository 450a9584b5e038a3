using System;
using System.Collections.Generic;
using FineTunePolicy.Build.Tasks.Json;

namespace FineTunePolicy.Build.Tasks.Model
{
    /// <summary>The organisation's allow-list, read from a structurally valid file.</summary>
    internal sealed class AllowList
    {
        public string File { get; set; } = string.Empty;

        public List<Provider> Providers { get; } = new List<Provider>();

        public SortedDictionary<DataClass, Requirement> ClassRequirements { get; } = new SortedDictionary<DataClass, Requirement>();

        public SortedDictionary<DataCategory, Requirement> CategoryRequirements { get; } = new SortedDictionary<DataCategory, Requirement>();

        public List<RequiredApproval> RequiredApprovals { get; } = new List<RequiredApproval>();

        public List<Sink> Sinks { get; } = new List<Sink>();

        public List<Sanitizer> Sanitizers { get; } = new List<Sanitizer>();

        public List<AttributeMapping> Attributes { get; } = new List<AttributeMapping>();

        public List<Audience> Audiences { get; } = new List<Audience>();

        /// <summary>The model registry, in file order.</summary>
        public List<RegisteredModel> Models { get; } = new List<RegisteredModel>();

        public Provider? FindProvider(string id) => Providers.Find(p => p.Id == id);

        public Audience? FindAudience(string name) => Audiences.Find(a => a.Name == name);

        public RegisteredModel? FindModel(string id) => Models.Find(m => m.Id == id);
    }

    /// <summary>Who receives what a project produces, and the highest class they may see.</summary>
    internal sealed class Audience
    {
        public string Name { get; set; } = string.Empty;

        public JsonNode NameNode { get; set; } = null!;

        public DataClass MaxClass { get; set; }
    }

    /// <summary>A tuned model of the allow-list's registry.</summary>
    internal sealed class RegisteredModel
    {
        public RegisteredModel(int index, JsonNode node)
        {
            Index = index;
            Node = node;
        }

        public int Index { get; }

        public JsonNode Node { get; }

        public string Id { get; set; } = string.Empty;

        public JsonNode IdNode { get; set; } = null!;

        public string Provider { get; set; } = string.Empty;

        public JsonNode ProviderNode { get; set; } = null!;

        public string? Description { get; set; }

        /// <summary>The class of the training data, which the model's answers carry.</summary>
        public DataClass Class { get; set; }

        public JsonNode ClassNode { get; set; } = null!;

        public DataCategory Categories { get; set; }

        public string? ProvenanceProject { get; set; }

        public string? ProvenanceDataset { get; set; }

        public bool HasProvenance { get; set; }

        /// <summary>The audiences allowed to receive the model's answers, with the nodes that name them.</summary>
        public List<string> Audiences { get; } = new List<string>();

        public List<JsonNode> AudienceNodes { get; } = new List<JsonNode>();

        /// <summary>The role whose approval lets a listed audience below the training class receive the answers; null: none can.</summary>
        public string? ApprovalRole { get; set; }

        public DateTime ReviewBy { get; set; }

        public JsonNode ReviewByNode { get; set; } = null!;
    }

    internal sealed class Provider
    {
        public Provider(JsonNode node) => Node = node;

        public JsonNode Node { get; }

        public string Id { get; set; } = string.Empty;

        public JsonNode IdNode { get; set; } = null!;

        public string DisplayName { get; set; } = string.Empty;

        public Hosting Hosting { get; set; }

        public bool TrainsOnCustomerData { get; set; }

        public long RetentionDays { get; set; }

        /// <summary>Null when the allow-list does not say.</summary>
        public List<string>? Regions { get; set; }

        public bool IsolatedFineTuning { get; set; }

        public List<string> Certifications { get; } = new List<string>();

        public SortedDictionary<Purpose, DataClass> Ceilings { get; } = new SortedDictionary<Purpose, DataClass>();

        public List<string> SdkPackages { get; } = new List<string>();

        public DateTime ReviewBy { get; set; }

        public JsonNode ReviewByNode { get; set; } = null!;

        public bool HasCertification(string certification) =>
            Certifications.Exists(c => string.Equals(c, certification, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Conditions on a provider's contract facts, for a class or a category.</summary>
    internal sealed class Requirement
    {
        public Requirement(string label, JsonNode node)
        {
            Label = label;
            Node = node;
        }

        /// <summary>"class Confidential" or "category Health", for messages.</summary>
        public string Label { get; }

        public JsonNode Node { get; }

        public bool? TrainsOnCustomerData { get; set; }

        public long? MaxRetentionDays { get; set; }

        public Hosting? Hosting { get; set; }

        public List<string>? Regions { get; set; }

        public List<string> Certifications { get; } = new List<string>();

        public bool? IsolatedFineTuning { get; set; }
    }

    internal sealed class RequiredApproval
    {
        public RequiredApproval(int index, JsonNode node)
        {
            Index = index;
            Node = node;
        }

        public int Index { get; }

        public JsonNode Node { get; }

        public string Role { get; set; } = string.Empty;

        public Purpose? Purpose { get; set; }

        public DataClass? MinClass { get; set; }

        public DataCategory? Categories { get; set; }

        public List<string>? Providers { get; set; }

        public string? Reason { get; set; }
    }

    internal sealed class Sink
    {
        public string Method { get; set; } = string.Empty;

        public string? Parameter { get; set; }

        public Purpose Purpose { get; set; }

        public string Provider { get; set; } = string.Empty;

        public JsonNode ProviderNode { get; set; } = null!;
    }

    internal sealed class Sanitizer
    {
        public string Method { get; set; } = string.Empty;

        public DataClass Result { get; set; }
    }

    internal sealed class AttributeMapping
    {
        public string Type { get; set; } = string.Empty;

        public DataClass Class { get; set; }

        public DataCategory Categories { get; set; }
    }

    /// <summary>The project's manifest, read from a structurally valid file.</summary>
    internal sealed class Manifest
    {
        public string File { get; set; } = string.Empty;

        public JsonNode Root { get; set; } = null!;

        public string? AllowList { get; set; }

        public JsonNode? AllowListNode { get; set; }

        public JsonNode UsesNode { get; set; } = null!;

        public List<Use> Uses { get; } = new List<Use>();

        public List<Dataset> Datasets { get; } = new List<Dataset>();

        public List<Approval> Approvals { get; } = new List<Approval>();

        /// <summary>Who receives what the project produces; null when the manifest does not say.</summary>
        public string? Audience { get; set; }

        public JsonNode? AudienceNode { get; set; }

        /// <summary>The 'models' array; null when the manifest declares no models key.</summary>
        public JsonNode? ModelsNode { get; set; }

        public List<ModelUse> Models { get; } = new List<ModelUse>();
    }

    /// <summary>A tuned model the project declares that it calls.</summary>
    internal sealed class ModelUse
    {
        public ModelUse(int index, JsonNode node)
        {
            Index = index;
            Node = node;
        }

        public int Index { get; }

        public JsonNode Node { get; }

        public string Id { get; set; } = string.Empty;

        public JsonNode IdNode { get; set; } = null!;

        public string? Description { get; set; }
    }

    internal sealed class Use
    {
        public Use(int index, JsonNode node)
        {
            Index = index;
            Node = node;
        }

        public int Index { get; }

        public JsonNode Node { get; }

        public string Provider { get; set; } = string.Empty;

        public JsonNode ProviderNode { get; set; } = null!;

        public Purpose Purpose { get; set; }

        public JsonNode PurposeNode { get; set; } = null!;

        /// <summary>The listed classes (classes), or the one given (maxClass).</summary>
        public List<DataClass> Classes { get; } = new List<DataClass>();

        public DataClass MaxClass { get; set; }

        /// <summary>The node holding the highest class (an item of classes, or maxClass).</summary>
        public JsonNode ClassNode { get; set; } = null!;

        public DataCategory Categories { get; set; }

        public Dictionary<DataCategory, JsonNode> CategoryNodes { get; } = new Dictionary<DataCategory, JsonNode>();

        public string? Description { get; set; }
    }

    internal sealed class Dataset
    {
        public Dataset(int index, JsonNode node)
        {
            Index = index;
            Node = node;
        }

        public int Index { get; }

        public JsonNode Node { get; }

        public string Name { get; set; } = string.Empty;

        public JsonNode NameNode { get; set; } = null!;

        public string Provider { get; set; } = string.Empty;

        public JsonNode ProviderNode { get; set; } = null!;

        public string? Path { get; set; }

        public string? Description { get; set; }

        public List<DataClass> Classes { get; } = new List<DataClass>();

        public DataClass SourceClass { get; set; }

        public JsonNode ClassNode { get; set; } = null!;

        public DataCategory Categories { get; set; }

        public Dictionary<DataCategory, JsonNode> CategoryNodes { get; } = new Dictionary<DataCategory, JsonNode>();

        public List<DatasetStep> Steps { get; } = new List<DatasetStep>();
    }

    internal sealed class DatasetStep
    {
        public string? Sanitizer { get; set; }

        public JsonNode? SanitizerNode { get; set; }

        public string? Description { get; set; }
    }

    internal sealed class Approval
    {
        public Approval(int index, JsonNode node)
        {
            Index = index;
            Node = node;
        }

        public int Index { get; }

        public JsonNode Node { get; }

        public string Id { get; set; } = string.Empty;

        public JsonNode IdNode { get; set; } = null!;

        public string Who { get; set; } = string.Empty;

        public string Role { get; set; } = string.Empty;

        public DateTime ApprovedOn { get; set; }

        public DateTime Expires { get; set; }

        public JsonNode ExpiresNode { get; set; } = null!;

        public string? Ticket { get; set; }

        public List<Cover> Covers { get; } = new List<Cover>();
    }

    internal sealed class Cover
    {
        public Cover(JsonNode node) => Node = node;

        public JsonNode Node { get; }

        public string? Dataset { get; set; }

        public string? Model { get; set; }

        public string? Provider { get; set; }

        public Purpose? Purpose { get; set; }
    }
}
