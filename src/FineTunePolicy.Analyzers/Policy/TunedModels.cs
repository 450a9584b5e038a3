using System;
using System.Collections.Immutable;

namespace FineTunePolicy.Analyzers.Policy
{
    /// <summary>One tuned model of the allow-list's registry, as the build task hands it over.</summary>
    internal sealed class TunedModel
    {
        public TunedModel(string id, string provider, DataClass trainingClass, DataCategory trainingCategories, bool declared)
        {
            Id = id;
            Provider = provider;
            TrainingClass = trainingClass;
            TrainingCategories = trainingCategories;
            Declared = declared;
        }

        /// <summary>The exact model id (<c>ft:gpt-4o-mini-2024-07-18:contoso:support-v3:9xYzAbCd</c>) or Azure deployment name.</summary>
        public string Id { get; }

        public string Provider { get; }

        /// <summary>The class of the data the model was trained on: what its answers can repeat.</summary>
        public DataClass TrainingClass { get; }

        public DataCategory TrainingCategories { get; }

        /// <summary>The project's manifest declares the model.</summary>
        public bool Declared { get; }
    }

    /// <summary>
    /// The model registry slice of the handoff (docs/policy-files.md, "Tuned models"): every registered tuned model with
    /// its training class, and whether the project's manifest declares it. Empty without a manifest (the default policy
    /// declares no tuned model).
    /// </summary>
    internal sealed class TunedModels
    {
        /// <summary>The prefix OpenAI gives the ids of fine-tuned models.</summary>
        public const string FineTunedPrefix = "ft:";

        public static readonly TunedModels None = new(ImmutableArray<TunedModel>.Empty);

        private readonly ImmutableDictionary<string, TunedModel> _byId;
        private readonly ImmutableDictionary<string, TunedModel> _byDeploymentName;

        public TunedModels(ImmutableArray<TunedModel> models)
        {
            Models = models;
            var byId = ImmutableDictionary.CreateBuilder<string, TunedModel>(StringComparer.Ordinal);
            var byDeploymentName = ImmutableDictionary.CreateBuilder<string, TunedModel>(StringComparer.OrdinalIgnoreCase);
            foreach (var model in models)
            {
                byId[model.Id] = model;
                if (model.Provider == ProviderIds.AzureOpenAI)
                {
                    byDeploymentName[model.Id] = model;
                }
            }

            _byId = byId.ToImmutable();
            _byDeploymentName = byDeploymentName.ToImmutable();
        }

        public ImmutableArray<TunedModel> Models { get; }

        public bool IsEmpty => Models.IsEmpty;

        /// <summary>
        /// The registered model <paramref name="id"/> names, or null. Ids compare exactly (ordinal), except Azure OpenAI
        /// deployment names: a deployment is an Azure resource, and Azure resource names compare without regard to case.
        /// </summary>
        public TunedModel? Find(string id)
        {
            return _byId.TryGetValue(id, out var model) || _byDeploymentName.TryGetValue(id, out model) ? model : null;
        }

        /// <summary>
        /// Whether the source spells the id of a registered model (in a literal or a constant): only then can a client be bound
        /// to one, so that its answers carry the model's training class. Reads each tree's text, only when models are registered.
        /// </summary>
        public bool AreNamedIn(Microsoft.CodeAnalysis.Compilation compilation, System.Threading.CancellationToken cancellationToken)
        {
            if (IsEmpty)
            {
                return false;
            }

            foreach (var tree in compilation.SyntaxTrees)
            {
                var text = tree.GetText(cancellationToken).ToString();
                foreach (var model in Models)
                {
                    var comparison = model.Provider == ProviderIds.AzureOpenAI ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
                    if (text.IndexOf(model.Id, comparison) >= 0)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Whether <paramref name="id"/> names a tuned model: the fine-tuned form (<c>ft:</c>) or a registered id.</summary>
        public bool IsTunedModelId(string id) => id.StartsWith(FineTunedPrefix, StringComparison.Ordinal) || Find(id) is not null;
    }
}
