using FineTunePolicy.Analyzers.Classification;
using FineTunePolicy.Analyzers.Policy;
using FineTunePolicy.Analyzers.Rules;
using FineTunePolicy.Analyzers.Sinks;
using Microsoft.CodeAnalysis;

namespace FineTunePolicy.Analyzers.Flow
{
    /// <summary>
    /// Which registered tuned model a client or request is bound to (docs/classifying-data.md, "Answers of tuned models"):
    /// where the SDK is given a model (<see cref="ModelParameters"/>) and the id is a constant of the registry, the made
    /// client, request or builder carries a <see cref="DataSource.ModelBinding"/>, and the flow carries it on like data.
    /// </summary>
    internal sealed class ModelBindings
    {
        public static readonly ModelBindings None = new(TunedModels.None);

        private readonly TunedModels _models;

        public ModelBindings(TunedModels models)
        {
            _models = models;
        }

        /// <summary>Whether any model is registered: without one, answers carry nothing and no binding is looked for.</summary>
        public bool IsEmpty => _models.IsEmpty;

        /// <summary>The binding <paramref name="operation"/> makes (a call, construction or property set of the table), or none.</summary>
        public Taint Of(IOperation operation)
        {
            if (_models.IsEmpty || ModelParameters.ModelArgument(operation) is not { } argument
                || TunedModelCheck.ConstantId(argument) is not { } id || _models.Find(id) is not { } model)
            {
                return Taint.None;
            }

            return Taint.From(DataSource.ModelBinding(model.Id, model.TrainingClass, model.TrainingCategories, argument.Syntax.GetLocation()));
        }
    }
}
