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
        };

        /// <summary>What holds for every list, for the documentation.</summary>
        public const string ListRules =
            "Lists hold distinct entries in ordinal order, separated by commas; a list key is left out when its list is empty. "
            + "Method and type names are metadata names (`Namespace.Type.Method`, nested types joined by `+`); purposes are "
            + "written in lowercase.";
    }
}
