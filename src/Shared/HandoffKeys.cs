using System;

namespace FineTunePolicy.Shared
{
    /// <summary>
    /// The grammar of the handoff: the keys of the global config the task writes (FineTunePolicy.Analyzers.globalconfig)
    /// and the analyzer reads from its global options. Values never contain '#' or ';' (comment characters there).
    /// docs/policy-files.md ("Handoff to the analyzer") is generated from <see cref="Documented"/>.
    /// </summary>
    /// <remarks>
    /// A new key family is added here: its key (a constant, or a function of the provider id), its value grammar if it
    /// has one, and a row in <see cref="Documented"/>; then GlobalConfigWriter (the task) writes it, PolicyHandoff (the
    /// analyzer) reads it, and tests/FineTunePolicy.Contract.Tests/Handoff round-trips it.
    /// </remarks>
    internal static class HandoffKeys
    {
        public const string Prefix = "finetune_policy.";

        /// <summary><see cref="ModeManifest"/> or <see cref="ModeDefault"/>.</summary>
        public const string Mode = Prefix + "mode";

        public const string ModeManifest = "manifest";
        public const string ModeDefault = "default";

        /// <summary>A list of provider ids.</summary>
        public const string Providers = Prefix + "providers";

        /// <summary>A list of <c>Namespace.Type.Method(parameter):purpose:provider</c>; the parameter is optional.</summary>
        public const string Sinks = Prefix + "sinks";

        /// <summary>A list of <c>Namespace.Type.Method:Class</c>.</summary>
        public const string Sanitizers = Prefix + "sanitizers";

        /// <summary>A list of <c>Namespace.Type:Class:Category+Category</c> (<see cref="NoCategories"/> for none).</summary>
        public const string Attributes = Prefix + "attributes";

        public const string HostingInternal = "internal";
        public const string HostingExternal = "external";

        /// <summary>Written between list entries; read by splitting at the comma.</summary>
        public const string ListSeparator = ", ";

        /// <summary>Between the fields of a sink, sanitizer or attribute entry.</summary>
        public const char FieldSeparator = ':';

        /// <summary>Between categories; the analyzer also reads '|'.</summary>
        public const char CategorySeparator = '+';

        public const string NoCategories = "None";

        /// <summary><c>finetune_policy.provider.&lt;id&gt;.hosting</c>: <see cref="HostingInternal"/> or <see cref="HostingExternal"/>.</summary>
        public static string Hosting(string provider) => Prefix + "provider." + provider + ".hosting";

        /// <summary><c>finetune_policy.provider.&lt;id&gt;.&lt;purpose&gt;</c>: the ceiling, a class name.</summary>
        public static string Ceiling(string provider, LlmPurpose purpose) => Prefix + "provider." + provider + "." + PurposeName(purpose);

        /// <summary>A purpose as the handoff writes it: inference, embedding, finetuning.</summary>
        public static string PurposeName(LlmPurpose purpose) => purpose switch
        {
            LlmPurpose.Embedding => "embedding",
            LlmPurpose.FineTuning => "finetuning",
            _ => "inference",
        };

        /// <summary>Reads a purpose in any case; "fine-tuning" is read as well, for hand-written configs.</summary>
        public static bool TryParsePurpose(string text, out LlmPurpose purpose)
        {
            switch (text.Trim().ToLowerInvariant())
            {
                case "inference": purpose = LlmPurpose.Inference; return true;
                case "embedding": purpose = LlmPurpose.Embedding; return true;
                case "finetuning":
                case "fine-tuning": purpose = LlmPurpose.FineTuning; return true;
                default: purpose = default; return false;
            }
        }

        /// <summary>A class as the handoff writes it: its enum name.</summary>
        public static string ClassName(DataClass dataClass) => dataClass.ToString();

        /// <summary>Reads a class name in any case; false for anything else.</summary>
        public static bool TryParseClass(string? text, out DataClass dataClass)
        {
            return Enum.TryParse(text?.Trim(), ignoreCase: true, out dataClass) && Enum.IsDefined(typeof(DataClass), dataClass);
        }

        /// <summary>
        /// <c>finetune_policy.model.&lt;n&gt;.&lt;field&gt;</c>: the n-th model of the allow-list's registry (n = 1, 2, 3 … in registry
        /// order, without gaps), one key per field: <see cref="ModelId"/>, <see cref="ModelProvider"/>, <see cref="ModelClass"/>,
        /// <see cref="ModelCategories"/>, <see cref="ModelDeclared"/>. Written in manifest mode only. Model ids never hold white
        /// space, '#', ';', ',' or '=' (the allow-list schema's pattern <c>^[A-Za-z0-9][A-Za-z0-9:._/-]*$</c>).
        /// </summary>
        public static string Model(int n, string field) => Prefix + "model." + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + field;

        /// <summary>The model id exactly as code passes it (an OpenAI <c>ft:</c> id), or an Azure OpenAI deployment name.</summary>
        public const string ModelId = "id";

        /// <summary>The provider id that hosts the model.</summary>
        public const string ModelProvider = "provider";

        /// <summary>The class of the training data, which the model's answers carry.</summary>
        public const string ModelClass = "class";

        /// <summary>The categories of the training data, joined by <see cref="CategorySeparator"/>; <see cref="NoCategories"/> for none.</summary>
        public const string ModelCategories = "categories";

        /// <summary><see cref="True"/> when the project's manifest declares the model, else <see cref="False"/>.</summary>
        public const string ModelDeclared = "declared";

        public const string True = "true";
        public const string False = "false";

        /// <summary>Every key with its value and meaning, for the documentation (key, value, meaning).</summary>
        public static readonly string[][] Documented =
        {
            new[]
            {
                "`" + Mode + "`",
                "`" + ModeManifest + "` or `" + ModeDefault + "`",
                "`" + ModeManifest + "` when a manifest was validated. Without a manifest (and not strict) the file holds `"
                    + Mode + " = " + ModeDefault + "` only, and the analyzer applies its embedded defaults.",
            },
            new[]
            {
                "`" + Providers + "`",
                "provider ids",
                "Every provider the manifest declares that the allow-list permits, in ordinal order.",
            },
            new[]
            {
                "`" + Prefix + "provider.<id>.hosting`",
                "`" + HostingInternal + "` or `" + HostingExternal + "`",
                "The provider's `contract.hosting` on the allow-list. Restricted data may reach only an internal provider.",
            },
            new[]
            {
                "`" + Prefix + "provider.<id>.<purpose>`",
                "a class",
                "Only for purposes the project declares and the allow-list allows; purposes are written `inference`, `embedding`, "
                    + "`finetuning`. The value is the project ceiling: the highest class the use declares (`maxClass` or `classes`), "
                    + "capped by the provider's effective ceiling (the allow-list ceiling lowered by requirements the provider's facts "
                    + "break; Restricted only for internally hosted providers). The analyzer thus holds the code to what the project "
                    + "declared and had approved: sending Confidential data through a use declared as Internal is reported "
                    + "(FTP0002/FTP0003) even when the provider could take it.",
            },
            new[]
            {
                "`" + Sinks + "`",
                "`Namespace.Type.Method(parameter):purpose:provider`, ...",
                "Every sink the allow-list defines; `(parameter)` only when the sink names one parameter.",
            },
            new[]
            {
                "`" + Sanitizers + "`",
                "`Namespace.Type.Method:Class`, ...",
                "Every sanitizer the allow-list defines.",
            },
            new[]
            {
                "`" + Attributes + "`",
                "`Namespace.Type:Class:Category+Category`, ...",
                "Every attribute mapping the allow-list defines; `" + NoCategories + "` for no category.",
            },
            new[]
            {
                "`" + Prefix + "model.<n>." + ModelId + "`",
                "a model id or deployment name",
                "Every model of the allow-list's registry (`models`), in registry order, numbered 1, 2, 3 … without gaps; written in "
                    + "manifest mode only (without a manifest no model key is written, and the analyzer reports every `ft:` id). Ids never "
                    + "hold white space, `#`, `;`, `,` or `=` (the schema's pattern).",
            },
            new[]
            {
                "`" + Prefix + "model.<n>." + ModelProvider + "`",
                "a provider id",
                "The provider that hosts model n.",
            },
            new[]
            {
                "`" + Prefix + "model.<n>." + ModelClass + "`",
                "a class",
                "The class of model n's training data (`trainedOn.class`): the class its answers carry.",
            },
            new[]
            {
                "`" + Prefix + "model.<n>." + ModelCategories + "`",
                "`Category+Category` or `" + NoCategories + "`",
                "The categories of model n's training data (`trainedOn.categories`).",
            },
            new[]
            {
                "`" + Prefix + "model.<n>." + ModelDeclared + "`",
                "`" + True + "` or `" + False + "`",
                "`" + True + "` when the project's manifest declares model n in `models`, else `" + False + "`: a registered model the "
                    + "project does not declare is known but not allowed in its code.",
            },
        };

        /// <summary>What holds for every list, for the documentation.</summary>
        public const string ListRules =
            "Lists hold distinct entries in ordinal order, separated by commas; a list key is left out when its list is empty. "
            + "Method and type names are metadata names (`Namespace.Type.Method`, nested types joined by `+`); purposes are "
            + "written in lowercase.";
    }
}
