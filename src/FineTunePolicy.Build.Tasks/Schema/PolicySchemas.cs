using FineTunePolicy.Build.Tasks.Model;

namespace FineTunePolicy.Build.Tasks.Schema
{
    /// <summary>
    /// The two policy formats. docs/schemas/allow-list.schema.json and docs/schemas/manifest.schema.json are
    /// generated from these shapes (a test fails when they differ), and the structural validator reads the same shapes.
    /// </summary>
    internal static class PolicySchemas
    {
        public const string SchemaBaseUri = "https://github.com/finetunepolicy/finetunepolicy/blob/main/docs/schemas/";

        public const string ProviderIdPattern = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$";
        public const string ProviderIdHint = "lowercase letters and digits in words joined by single hyphens, starting with a letter, for example "
            + "'azure-openai'";

        public const string RolePattern = ProviderIdPattern;
        public const string RoleHint = "lowercase letters and digits in words joined by single hyphens, for example 'privacy-officer'";

        public const string TokenPattern = "^[A-Za-z0-9]+([-.][A-Za-z0-9]+)*$";
        public const string TokenHint = "letters and digits, optionally joined by single '-' or '.', for example 'SOC2', 'ISO27001' or 'eu-west'";

        public const string PackageIdPattern = "^[A-Za-z0-9_]+([-.][A-Za-z0-9_]+)*$";
        public const string PackageIdHint = "a NuGet package id, for example 'Azure.AI.OpenAI'";

        public const string TypeNamePattern = "^[A-Za-z_][A-Za-z0-9_]*(`[0-9]+)?([.+][A-Za-z_][A-Za-z0-9_]*(`[0-9]+)?)*$";
        public const string TypeNameHint = "a type's metadata name: namespace and type joined by '.', nested types "
            + "by '+', for example 'Contoso.Compliance.PiiAttribute'";

        public const string MethodNamePattern = "^[A-Za-z_][A-Za-z0-9_]*(`[0-9]+)?([.+][A-Za-z_][A-Za-z0-9_]*(`[0-9]+)?)*[.][A-Za-z_][A-Za-z0-9_]*$";
        public const string MethodNameHint = "'Namespace.Type.Method' with the type's metadata name (nested types joined "
            + "by '+'), for example 'Contoso.Llm.Gateway.SendAsync'";

        public const string ParameterPattern = "^[A-Za-z_][A-Za-z0-9_]*$";
        public const string ParameterHint = "a C# parameter name, for example 'prompt'";

        public const string DatasetNamePattern = "^[A-Za-z0-9]+([-._][A-Za-z0-9]+)*$";
        public const string DatasetNameHint = "letters and digits, optionally joined by single '-', '.' or '_', for example 'support-tickets-2025'";

        public const string AudiencePattern = ProviderIdPattern;
        public const string AudienceHint = "lowercase letters and digits in words joined by single hyphens, for example 'employees' or 'support-agents'";

        /// <summary>
        /// A model id or Azure OpenAI deployment name. It is also a value of the analyzer's global config, so it holds no white space,
        /// '#', ';', ',' or '='.
        /// </summary>
        public const string ModelIdPattern = "^[A-Za-z0-9][A-Za-z0-9:._/-]*$";
        public const string ModelIdHint = "a model id or deployment name: letters, digits and ':', '.', '_', '/', '-' (no spaces, '#', ';', ',' or '='), "
            + "starting with a letter or digit, for example 'ft:gpt-4o-mini-2024-07-18:contoso:support-v3:9xYzAbCd'";

        public static readonly ObjectShape AllowList = BuildAllowList();

        public static readonly ObjectShape Manifest = BuildManifest();

        private static StringShape ClassShape(string description) =>
            new StringShape(description + " One of Public, Internal, Confidential, Restricted (ordered, lowest first).") { Enum = PolicyNames.Classes };

        private static ArrayShape ClassesShape(string description, int minItems) =>
            new ArrayShape(description, ClassShape("A data class."), minItems);

        private static ArrayShape CategoriesShape(string description) =>
            new ArrayShape(description, new StringShape("A data category. One of Personal, Health, Payment, Credentials, Financial.")
                { Enum = PolicyNames.Categories });

        private static StringShape PurposeShape(string description) =>
            new StringShape(description + " One of inference (chat, completions, assistants, audio, moderation, uploads for prompts), embedding, "
                + "fineTuning (fine-tuning jobs and training files).") { Enum = PolicyNames.Purposes };

        private static StringShape ProviderIdShape(string description) =>
            new StringShape(description) { Pattern = ProviderIdPattern, PatternHint = ProviderIdHint };

        private static StringShape TextShape(string description) => new StringShape(description) { MinLength = 1 };

        private static StringShape DateShape(string description) => new StringShape(description + " Written yyyy-MM-dd.") { IsDate = true };

        private static StringShape AudienceShape(string description) =>
            new StringShape(description) { Pattern = AudiencePattern, PatternHint = AudienceHint };

        private static StringShape ModelIdShape(string description) =>
            new StringShape(description) { Pattern = ModelIdPattern, PatternHint = ModelIdHint };

        private static StringShape MethodShape(string description) =>
            new StringShape(description) { Pattern = MethodNamePattern, PatternHint = MethodNameHint };

        private static Property SchemaKey() =>
            new Property("$schema", new StringShape("The URI of this JSON schema, so that editors offer completion and checks. The build ignores it."));

        private static IntegerShape SchemaVersion() =>
            new IntegerShape("The version of this file format. Only 1 exists.") { Const = 1 };

        private static ObjectShape BuildAllowList()
        {
            var requirement = new ObjectShape(
                "Conditions a provider's contract must meet before it may receive data of a class or category. Keys left out impose nothing.",
                new Property("trainsOnCustomerData", new BooleanShape("The value the provider's trainsOnCustomerData must have; false forbids "
                    + "providers that train on customer data."), example: "false"),
                new Property("maxRetentionDays", new IntegerShape("The longest retention, in days, that the provider may keep the data.")
                    { Minimum = 0, Maximum = 36500 },
                    example: "30"),
                new Property("hosting", new StringShape("The hosting the provider must have: internal (run by the organisation) "
                    + "or external.") { Enum = PolicyNames.Hostings }, example: "\"internal\""),
                new Property("regions", new ArrayShape("The regions data may be processed in; every region the provider lists "
                    + "must be one of these, and a provider "
                    + "that lists none fails.", new StringShape("A region, for example 'eu' or 'us-east'.")
                        { Pattern = TokenPattern, PatternHint = TokenHint }),
                        example: "[\"eu\"]"),
                new Property("certifications", new ArrayShape("Certifications or contracts the provider must hold (all of them), for "
                    + "example BAA for Health or PCI "
                    + "for Payment.", new StringShape("A certification or contract, for example BAA, DPA, PCI, SOC2, ISO27001.")
                        { Pattern = TokenPattern, PatternHint = TokenHint }),
                        example: "[\"BAA\"]"),
                new Property("isolatedFineTuning", new BooleanShape("For fine-tuning only: the value the provider's isolatedFineTuning must "
                    + "have; true demands that fine-tuned "
                    + "models and training data stay isolated to the organisation."), example: "true"))
            {
                DefinitionName = "requirement",
            };

            var contract = new ObjectShape(
                "The facts of the organisation's contract with the provider, as reviewed by the security team.",
                new Property("hosting", new StringShape("internal: the model runs on infrastructure the organisation controls (for "
                    + "example Ollama or LLamaSharp "
                    + "on its own servers); external: a third party runs it.") { Enum = PolicyNames.Hostings }, required: true, example: "\"external\""),
                new Property("trainsOnCustomerData", new BooleanShape("Whether the provider may train its own models on data the organisation "
                    + "sends."), required: true, example: "false"),
                new Property("retentionDays", new IntegerShape("How many days the provider keeps sent data (prompts, files, logs); 0 for "
                    + "zero retention.") { Minimum = 0, Maximum = 36500 }, required: true, example: "30"),
                new Property("regions", new ArrayShape("The regions in which the provider processes and stores data.",
                    new StringShape("A region, for example 'eu' or 'us-east'.") { Pattern = TokenPattern, PatternHint = TokenHint }),
                    example: "[\"eu\"]"),
                new Property("isolatedFineTuning", new BooleanShape("Whether fine-tuned models and their training data stay isolated to the "
                    + "organisation. Left out: false."), example: "true"),
                new Property("certifications", new ArrayShape("Certifications and contracts in place with the provider, for example BAA, "
                    + "DPA, PCI, SOC2, ISO27001. "
                    + "Compared without regard to case.", new StringShape("A certification or contract.") { Pattern = TokenPattern, PatternHint = TokenHint }),
                        example: "[\"DPA\", \"SOC2\"]"));

            var ceilings = new ObjectShape(
                "The highest data class the provider may receive, per purpose. A purpose left out is not allowed for this provider at all.",
                new Property("inference", ClassShape("Ceiling for inference (chat, completions, assistants, audio, moderation, "
                    + "uploads used in prompts)."), example: "\"Internal\""),
                new Property("embedding", ClassShape("Ceiling for embedding."), example: "\"Internal\""),
                new Property("fineTuning", ClassShape("Ceiling for fine-tuning (training files and fine-tuning jobs)."), example: "\"Public\""));

            var provider = new ObjectShape(
                "An LLM provider the organisation allows, with its contract facts and ceilings.",
                new Property("id", ProviderIdShape("The provider id used by manifests and by the analyzer, for example openai, azure-openai, anthropic, "
                    + "ollama, llamasharp, azure-ai-inference, or an organisation's own."), required: true, example: "\"openai\""),
                new Property("displayName", TextShape("The provider's name as people know it, used in messages."), required: true, example: "\"OpenAI API\""),
                new Property("contract", contract, required: true, example: "{ \"hosting\": \"external\", \"trainsOnCustomerData\": false, \"retentionDays\": "
                    + "30 }"),
                new Property("ceilings", ceilings, required: true, example: "{ \"inference\": \"Internal\" }"),
                new Property("sdkPackages", new ArrayShape("NuGet package ids that talk to this provider, in addition to the built-in "
                    + "table (OpenAI, Azure.AI.OpenAI, "
                    + "Anthropic, OllamaSharp, LLamaSharp, ...). A project that references one "
                        + "must declare a use of this provider.", new StringShape("A NuGet package id.")
                            { Pattern = PackageIdPattern, PatternHint = PackageIdHint }),
                            example: "[\"Contoso.Llm.Client\"]"),
                new Property("reviewBy", DateShape("The date by which the security team must review this provider's contract again. After that date, builds "
                    + "that use the provider fail; in the 30 days up to it they warn."), required: true, example: "\"2026-12-31\""));

            var classRequirements = new ObjectShape(
                "Requirements per data class. A requirement applies to its class and every higher class (a Confidential "
                    + "requirement also binds Restricted data). Restricted data always needs an internally hosted provider, "
                    + "whatever is written here.",
                new Property("Internal", requirement, example: "{ \"certifications\": [\"DPA\"] }"),
                new Property("Confidential", requirement, example: "{ \"trainsOnCustomerData\": false, \"maxRetentionDays\": 30 }"),
                new Property("Restricted", requirement, example: "{ \"hosting\": \"internal\" }"));

            var categoryRequirements = new ObjectShape(
                "Requirements per data category, for example Health needs a BAA.",
                new Property("Personal", requirement, example: "{ \"certifications\": [\"DPA\"] }"),
                new Property("Health", requirement, example: "{ \"certifications\": [\"BAA\"] }"),
                new Property("Payment", requirement, example: "{ \"certifications\": [\"PCI\"] }"),
                new Property("Credentials", requirement, example: "{ \"hosting\": \"internal\" }"),
                new Property("Financial", requirement, example: "{ \"certifications\": [\"SOC2\"] }"));

            var requirements = new ObjectShape(
                "Organisation-wide requirements that a provider's contract facts must meet for the data sent to it.",
                new Property("classes", classRequirements, example: "{ \"Confidential\": { \"trainsOnCustomerData\": false } }"),
                new Property("categories", categoryRequirements, example: "{ \"Health\": { \"certifications\": [\"BAA\"] } }"));

            var requiredApproval = new ObjectShape(
                "A kind of use that needs a recorded approval in the manifest. Every condition given must hold for the "
                    + "rule to apply; conditions left out match everything.",
                new Property("role", new StringShape("The role whose approval is needed, for example privacy-officer.")
                    { Pattern = RolePattern, PatternHint = RoleHint },
                    required: true, example: "\"privacy-officer\""),
                new Property("purpose", PurposeShape("The purpose the rule applies to."), example: "\"fineTuning\""),
                new Property("minClass", ClassShape("The rule applies when the use sends data of this class or higher."), example: "\"Confidential\""),
                new Property("categories", CategoriesShape("The rule applies when the use sends any of these categories."), example: "[\"Health\"]"),
                new Property("providers", new ArrayShape("The rule applies only to these providers.", ProviderIdShape("A provider id.")),
                    example: "[\"openai\"]"),
                new Property("reason", TextShape("Why the approval is needed; shown in the message when it is missing."),
                    example: "\"GDPR Art. 35 assessment\""));

            var sink = new ObjectShape(
                "An organisation method through which data leaves for a provider, for example an internal gateway client.",
                new Property("method", MethodShape("The method's full metadata name: Namespace.Type.Method (nested types joined "
                    + "by '+')."), required: true, example: "\"Contoso.Llm.Gateway.SendAsync\""),
                new Property("parameter", new StringShape("The one parameter that carries the data. Left out: every parameter except "
                    + "CancellationToken.") { Pattern = ParameterPattern, PatternHint = ParameterHint }, example: "\"prompt\""),
                new Property("purpose", PurposeShape("What the method sends data for."), required: true, example: "\"inference\""),
                new Property("provider", ProviderIdShape("The provider the method sends to; must be a provider on this allow-list."),
                    required: true, example: "\"contoso-gateway\""));

            var sanitizer = new ObjectShape(
                "A method that redacts or minimises data: its result carries at most the given class.",
                new Property("method", MethodShape("The method's full metadata name: Namespace.Type.Method (nested types joined "
                    + "by '+')."), required: true, example: "\"Contoso.Privacy.Masker.Mask\""),
                new Property("result", ClassShape("The highest class the method's result can carry."), required: true, example: "\"Public\""));

            var attribute = new ObjectShape(
                "An attribute type that classifies data, such as a Microsoft.Extensions.Compliance DataClassificationAttribute "
                    + "subclass or an organisation attribute.",
                new Property("type", new StringShape("The attribute type's full metadata name.") { Pattern = TypeNamePattern, PatternHint = TypeNameHint },
                    required: true, example: "\"Contoso.Compliance.PiiAttribute\""),
                new Property("class", ClassShape("The class of data marked with the attribute."), required: true, example: "\"Confidential\""),
                new Property("categories", CategoriesShape("The categories of data marked with the attribute."), example: "[\"Personal\"]"));

            var audience = new ObjectShape(
                "Who receives what a project produces, and the highest data class they may see.",
                new Property("name", AudienceShape("The audience's name, used by manifests ('audience') and by models ('audiences')."),
                    required: true, example: "\"employees\""),
                new Property("maxClass", ClassShape("The highest data class this audience may see, for example in a tuned model's answers."),
                    required: true, example: "\"Confidential\""),
                new Property("description", TextShape("Who the audience is, for reviewers."), example: "\"Contoso staff, signed in\""));

            var trainedOn = new ObjectShape(
                "The data the model was trained on; its answers can repeat that data, so they carry its class and categories.",
                new Property("class", ClassShape("The highest data class of the training data (after the dataset's redaction steps)."),
                    required: true, example: "\"Confidential\""),
                new Property("categories", CategoriesShape("The data categories in the training data."), example: "[\"Personal\"]"));

            var provenance = new ObjectShape(
                "Where the training data came from.",
                new Property("project", TextShape("The project that trained the model."), example: "\"Contoso.Support\""),
                new Property("dataset", TextShape("The dataset it was trained on, as that project's manifest names it."), example: "\"support-tickets-2025\""));

            var model = new ObjectShape(
                "A tuned (fine-tuned) model: what it was trained on, who may receive its answers, and when to review it.",
                new Property("id", ModelIdShape("The model id exactly as code passes it (for OpenAI the 'ft:...' id), or the Azure OpenAI deployment name."),
                    required: true, example: "\"ft:gpt-4o-mini-2024-07-18:contoso:support-v3:9xYzAbCd\""),
                new Property("provider", ProviderIdShape("The provider that hosts the model; must be a provider on this allow-list."),
                    required: true, example: "\"openai\""),
                new Property("description", TextShape("What the model is for, for reviewers."), example: "\"support reply drafts\""),
                new Property("trainedOn", trainedOn, required: true, example: "{ \"class\": \"Confidential\", \"categories\": [\"Personal\"] }"),
                new Property("provenance", provenance, example: "{ \"project\": \"Contoso.Support\", \"dataset\": \"support-tickets-2025\" }"),
                new Property("audiences", new ArrayShape("The audiences allowed to receive the model's answers; each must be defined in 'audiences'. "
                    + "A project whose audience is not listed may not call the model.", AudienceShape("An audience name."), 1),
                    required: true, example: "[\"employees\"]"),
                new Property("approvalRole", new StringShape("The role whose approval, recorded in a project's manifest, lets a listed audience receive "
                    + "the model's answers although the training class is above what that audience may see. Left out: no exception.")
                    { Pattern = RolePattern, PatternHint = RoleHint }, example: "\"privacy-officer\""),
                new Property("reviewBy", DateShape("The date by which the security team must evaluate the model again (new training data, a changed "
                    + "class, its audiences). After that date, builds that use the model fail; in the 30 days up to it they warn."),
                    required: true, example: "\"2026-12-31\""));

            return new ObjectShape(
                "FineTunePolicy allow-list: the LLM providers an organisation allows, their contract facts and ceilings, "
                    + "and the organisation's requirements. Written by the security team and shared by many repositories.",
                SchemaKey(),
                new Property("schemaVersion", SchemaVersion(), required: true, example: "1"),
                new Property("organisation", TextShape("The organisation that owns this allow-list."), example: "\"Contoso\""),
                new Property("providers", new ArrayShape("The allowed providers. A provider that is not listed may not receive any "
                    + "data.", provider), required: true, example: "[]"),
                new Property("requirements", requirements, example: "{ \"classes\": {}, \"categories\": {} }"),
                new Property("requiredApprovals", new ArrayShape("Uses that need an approval recorded in the project's manifest.", requiredApproval),
                    example: "[]"),
                new Property("sinks", new ArrayShape("Organisation methods that send data to a provider, in addition to the "
                    + "analyzer's built-in SDK catalogue.", sink), example: "[]"),
                new Property("sanitizers", new ArrayShape("Organisation methods that redact or minimise data.", sanitizer), example: "[]"),
                new Property("attributes", new ArrayShape("Attribute types that classify data, beyond FineTunePolicy's own [Public], "
                    + "[Internal], [Confidential], "
                    + "[Restricted] and [Classified].", attribute), example: "[]"),
                new Property("audiences", new ArrayShape("Who receives what projects produce, each with the highest class it may see. "
                    + "Manifests and models name them.", audience), example: "[{ \"name\": \"employees\", \"maxClass\": \"Confidential\" }]"),
                new Property("models", new ArrayShape("The registry of tuned models: every fine-tuned model or deployment projects may call.", model),
                    example: "[]"));
        }

        private static ObjectShape BuildManifest()
        {
            var use = new ObjectShape(
                "One way the project sends data to a provider.",
                new Property("provider", ProviderIdShape("The provider id, as on the allow-list."), required: true, example: "\"openai\""),
                new Property("purpose", PurposeShape("What the project sends data for."), required: true, example: "\"inference\""),
                new Property("classes", ClassesShape("Every data class the project sends for this use. Give either classes or "
                    + "maxClass.", 1), example: "[\"Internal\"]"),
                new Property("maxClass", ClassShape("The highest data class the project sends for this use. Give either classes "
                    + "or maxClass."), example: "\"Internal\""),
                new Property("categories", CategoriesShape("The data categories the project sends for this use."), example: "[\"Personal\"]"),
                new Property("description", TextShape("What the use is for, for reviewers."), example: "\"support chat summaries\""))
            {
                Rule = new KeyRule(KeyRuleKind.ExactlyOne, new[] { "classes" }, new[] { "maxClass" },
                    "'classes' lists every class sent, 'maxClass' names only the highest"),
            };

            var step = new ObjectShape(
                "A redaction or minimisation step the dataset passes through before upload.",
                new Property("sanitizer", MethodShape("A sanitizer on the allow-list; the dataset's class is lowered to the sanitizer's "
                    + "result class."), example: "\"Contoso.Privacy.Masker.Mask\""),
                new Property("description", TextShape("What the step does, for reviewers. A description alone does not lower "
                    + "the dataset's class."), example: "\"drop free-text notes\""))
            {
                Rule = new KeyRule(KeyRuleKind.AtLeastOne, new[] { "sanitizer" }, new[] { "description" },
                    "name the allow-list sanitizer that performs the step, or describe the "
                    + "step"),
            };

            var dataset = new ObjectShape(
                "A fine-tuning dataset the project uploads.",
                new Property("name", new StringShape("A name for the dataset, unique in this manifest; approvals refer to it.")
                    { Pattern = DatasetNamePattern, PatternHint = DatasetNameHint },
                    required: true, example: "\"support-tickets-2025\""),
                new Property("provider", ProviderIdShape("The provider the dataset is uploaded to for fine-tuning; the manifest must declare a fineTuning use "
                    + "of it."), required: true, example: "\"azure-openai\""),
                new Property("path", TextShape("Where the dataset lives (a path relative to the manifest, or a storage "
                    + "location)."), example: "\"data/tickets.jsonl\""),
                new Property("description", TextShape("What the dataset holds."), example: "\"resolved support tickets, 2025\""),
                new Property("classes", ClassesShape("The data classes in the source data, before the steps.", 1),
                    required: true, example: "[\"Confidential\"]"),
                new Property("categories", CategoriesShape("The data categories left in the data as uploaded. Ignored when the steps "
                    + "lower the class to Public."), example: "[\"Personal\"]"),
                new Property("steps", new ArrayShape("The redaction and minimisation steps, in order.", step), example: "[]"))
            {
                Rule = new KeyRule(KeyRuleKind.AtLeastOne, new[] { "path" }, new[] { "description" },
                    "give the dataset's location in 'path', or describe it in 'description'"),
            };

            var cover = new ObjectShape(
                "What an approval covers: a use (provider and purpose), a dataset (name) or a tuned model (id).",
                new Property("provider", ProviderIdShape("The provider of the covered use."), example: "\"azure-openai\""),
                new Property("purpose", PurposeShape("The purpose of the covered use."), example: "\"fineTuning\""),
                new Property("dataset", new StringShape("The name of the covered dataset.") { Pattern = DatasetNamePattern, PatternHint = DatasetNameHint },
                    example: "\"support-tickets-2025\""),
                new Property("model", ModelIdShape("The id of the covered tuned model, as 'models' declares it: the approval lets the project's "
                    + "audience receive the model's answers although its training class is above what the audience may see."),
                    example: "\"ft:gpt-4o-mini-2024-07-18:contoso:support-v3:9xYzAbCd\""))
            {
                Rule = new KeyRule(
                    KeyRuleKind.EitherGroup,
                    "write { \"dataset\": \"<name>\" } for a dataset, { \"model\": \"<id>\" } for a tuned model or { \"provider\": \"<id>\", "
                        + "\"purpose\": \"<purpose>\" } for a use",
                    new[] { "dataset" },
                    new[] { "model" },
                    new[] { "provider", "purpose" }),
            };

            var modelUse = new ObjectShape(
                "A tuned model the project calls.",
                new Property("id", ModelIdShape("The model id or deployment name, exactly as in the allow-list's model registry and in the code."),
                    required: true, example: "\"ft:gpt-4o-mini-2024-07-18:contoso:support-v3:9xYzAbCd\""),
                new Property("description", TextShape("What the project uses the model for, for reviewers."), example: "\"reply drafts for agents\""));

            var approval = new ObjectShape(
                "An approval given for uses, datasets or tuned models of this project.",
                new Property("id", TextShape("An identifier, unique in this manifest, for example the approval record's "
                    + "number."), required: true, example: "\"APR-1042\""),
                new Property("who", TextShape("The person who approved."), required: true, example: "\"Jane Doe\""),
                new Property("role", new StringShape("The approver's role, matched against the allow-list's requiredApprovals.")
                    { Pattern = RolePattern, PatternHint = RoleHint },
                    required: true, example: "\"privacy-officer\""),
                new Property("approvedOn", DateShape("The day the approval was given."), required: true, example: "\"2026-01-15\""),
                new Property("expires", DateShape("The last day the approval is valid. Builds fail after it and warn 30 days "
                    + "before it."), required: true, example: "\"2027-01-15\""),
                new Property("ticket", TextShape("The ticket or record where the approval is documented."), example: "\"PRIV-1042\""),
                new Property("covers", new ArrayShape("The uses, datasets and tuned models the approval covers. Covering a fineTuning use also covers the "
                    + "datasets uploaded to that provider.", cover, 1), required: true, example: "[{ \"provider\": \"azure-openai\", \"purpose\": "
                        + "\"fineTuning\" }]"));

            return new ObjectShape(
                "FineTunePolicy manifest: which LLM providers a project uses, for which purposes and data, its fine-tuning "
                    + "datasets, and its approvals. Written by the project team; finetune-policy.json beside the project file by default.",
                SchemaKey(),
                new Property("schemaVersion", SchemaVersion(), required: true, example: "1"),
                new Property("allowList", TextShape("The path of the organisation's allow-list, relative to this manifest. "
                    + "The build property FineTunePolicyAllowList overrides it."), example: "\"../policy/allow-list.json\""),
                new Property("uses", new ArrayShape("Every way the project sends data to a provider. An empty list declares "
                    + "that the project uses no provider.", use),
                        required: true, example: "[{ \"provider\": \"openai\", \"purpose\": \"inference\", \"maxClass\": \"Internal\" }]"),
                new Property("datasets", new ArrayShape("The fine-tuning datasets the project uploads.", dataset), example: "[]"),
                new Property("approvals", new ArrayShape("Approvals given for this project's uses and datasets.", approval), example: "[]"),
                new Property("audience", AudienceShape("Who receives what the project produces: an audience of the allow-list. Required when the "
                    + "project declares models: a tuned model's answers may only reach audiences allowed to see its training class."),
                    example: "\"employees\""),
                new Property("models", new ArrayShape("The tuned models the project calls, by id; each must be in the allow-list's model registry.",
                    modelUse), example: "[{ \"id\": \"ft:gpt-4o-mini-2024-07-18:contoso:support-v3:9xYzAbCd\" }]"));
        }
    }
}
