using FineTunePolicy.Analyzers.Policy;
using FineTunePolicy.Analyzers.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FineTunePolicy.Analyzers.Rules
{
    /// <summary>FTP0010: whether a model given to an SDK is a tuned model the manifest does not declare, and what to say.</summary>
    internal sealed class TunedModelCheck
    {
        private readonly TunedModels _models;
        private readonly bool _fromManifest;

        public TunedModelCheck(TunedModels models, bool fromManifest)
        {
            _models = models;
            _fromManifest = fromManifest;
        }

        /// <summary>FTP0010 for <paramref name="operation"/> (a call, construction or property set of the table), or null.</summary>
        public Diagnostic? Evaluate(IOperation operation)
        {
            if (ModelParameters.ModelArgument(operation) is not { } argument || ConstantId(argument) is not { } id || !_models.IsTunedModelId(id))
            {
                return null;
            }

            var registered = _models.Find(id);
            if (registered is { Declared: true })
            {
                return null;
            }

            return Diagnostic.Create(Descriptors.FTP0010_UndeclaredTunedModel, argument.Syntax.GetLocation(), id, Facts(registered));
        }

        /// <summary>
        /// The model id a model argument holds when it is a compile-time constant (a literal, a <c>const</c> local or field),
        /// through conversions (<c>ApiEnum&lt;string, Model&gt;</c> from a string); null otherwise.
        /// </summary>
        public static string? ConstantId(IOperation argument)
        {
            for (var current = argument; current is not null;)
            {
                if (current.ConstantValue is { HasValue: true, Value: string id })
                {
                    return id;
                }

                current = current is IConversionOperation conversion ? conversion.Operand : null;
            }

            return null;
        }

        // What the registry says of the model, for the developer: provider and training class, or why nothing is known.
        private string Facts(TunedModel? registered)
        {
            if (registered is not null)
            {
                return "a tuned model of provider '" + registered.Provider + "' trained on "
                    + RuleText.Describe(registered.TrainingClass, registered.TrainingCategories) + " data (the allow-list registers it), and the project's "
                        + "manifest does not declare it";
            }

            return _fromManifest
                ? "a tuned model that the allow-list's model registry does not list and the project's manifest does not declare"
                : "a tuned model, and the project has no manifest to declare it (the default policy declares none)";
        }
    }
}
