namespace FineTunePolicy.Build.Tasks.Tests;

/// <summary>The exact message of each error case ({manifest}, {allowList}, {project}, {obj}, {root} stand for the fixture's paths).</summary>
public static class ExpectedMessages
{
    private static readonly Dictionary<string, string> Messages = new()
    {
        ["ManifestMissingInStrictMode"] =
            "No FineTunePolicy manifest was found at {manifest}, so the analyzer's embedded default ceilings apply (inference and embedding up to Internal, "
                + "fine-tuning Public only, Restricted never). Create finetune-policy.json beside the project (see docs/policy-files.md), or set "
                + "FineTunePolicyManifest to its path. Strict mode (FineTunePolicyStrict) requires a manifest.",
        ["AllowListFileMissing"] =
            "The allow-list '../policy/allow-list.json' named by 'allowList' was not found at {allowList}. Correct the path (it is relative to the manifest), "
                + "or set the FineTunePolicyAllowList property to the allow-list's location.",
        ["AllowListOverrideMissing"] =
            "The allow-list set by FineTunePolicyAllowList was not found at {root}/policy/nowhere.json. Correct the property (a relative path is relative to "
                + "the project directory), or remove it to use the manifest's 'allowList'.",
        ["AllowListNotNamed"] =
            "The manifest names no allow-list. Add \"allowList\": \"<path relative to the manifest>\" to it, or set the FineTunePolicyAllowList property (for "
                + "example on the build server).",
        ["ManifestNotText"] =
            "The manifest is not readable text (Unable to translate bytes [00][D8] at index 2 from specified code page to Unicode.). Save it as UTF-8.",
        ["ManifestInvalidJson"] =
            "The manifest is not valid JSON: '\"' is invalid after a value. Expected either ',', '}', or ']'. Fix the syntax here: a missing comma, quote or "
                + "bracket, a comment or a trailing comma is the usual cause.",
        ["ManifestDuplicateKey"] =
            "The key 'schemaVersion' appears twice in the same object of the manifest. Keep one of them; JSON readers disagree on which one wins.",
        ["ManifestTooLarge"] =
            "The manifest is at least 6291458 bytes long; policy files are limited to 5242880 bytes (5 MiB) and are not read beyond that. Check that the path "
                + "names the policy file and not a data set or log.",
        ["AllowListIsAFolder"] =
            "The allow-list path names a folder, not a file. Point it at the JSON file itself.",
        ["ManifestNestedTooDeep"] =
            "The manifest nests arrays and objects more than 64 levels deep here; no policy file needs more than a few. Check for an unclosed or repeated '[' "
                + "or '{'.",
        ["RetentionDaysAsString"] =
            "'providers[0].contract.retentionDays' must be a whole number, but is a string. Write it without quotes: 30.",
        ["ReviewByMissing"] =
            "'providers[3]' is missing the required key 'reviewBy': the date by which the security team must review this provider's contract again. After that "
                + "date, builds that use the provider fail; in the 30 days up to it they warn. Written yyyy-MM-dd. Add \"reviewBy\": \"2026-12-31\"",
        ["UnknownKeyInUse"] =
            "'uses[0]' has an unknown key 'descripton'. Did you mean 'description'? Rename the key. Allowed keys here: provider, purpose, classes, maxClass, "
                + "categories, description.",
        ["ClassInWrongCase"] =
            "'uses[0].maxClass' is 'confidential', which is not allowed. Use one of: Public, Internal, Confidential, Restricted. Values are case-sensitive: "
                + "write 'Confidential'.",
        ["SchemaVersionTwo"] =
            "'schemaVersion' is 2, which is not allowed. This version of FineTunePolicy reads version 1: write 1, or update the FineTunePolicy package if the "
                + "file was written for a newer one.",
        ["ExpiresNotADate"] =
            "'approvals[0].expires' is '2026-02-30', which is not a date. Write a real calendar date as yyyy-MM-dd, for example \"2026-06-30\".",
        ["ProviderIdUppercase"] =
            "'providers[0].id' is 'OpenAI', which is not in the required format: lowercase letters and digits in words joined by single hyphens, starting with "
                + "a letter, for example 'azure-openai'.",
        ["EmptyCovers"] =
            "'approvals[0].covers' is empty; list at least 1 entry (the uses, datasets and tuned models the approval covers. Covering a fineTuning use also "
                + "covers the datasets uploaded to that provider.)",
        ["ClassesAndMaxClass"] =
            "'uses[3]' has both 'classes' and 'maxClass'; keep only one ('classes' lists every class sent, 'maxClass' names only the highest).",
        ["SinkToUnknownProvider"] =
            "The sink 'Contoso.Llm.Gateway.SendAsync' sends to provider 'contoso-gatway', which is not on the allow-list. Add a provider with id "
                + "'contoso-gatway' to 'providers', or name one that is there: openai, azure-openai, llamasharp, anthropic, contoso-gateway.",
        ["DuplicateUse"] =
            "uses[4] declares 'openai' for inference again (uses[0] at line 6 already does). Merge the two into one use that lists every class and category.",
        ["UseOfProviderNotOnAllowList"] =
            "uses[3] (mistral, inference) names the provider 'mistral', which is not on the allow-list allow-list.json. Use one of its providers (openai, "
                + "azure-openai, llamasharp, anthropic, contoso-gateway), or ask the security team to add 'mistral' with its contract facts.",
        ["PurposeNotAllowedForProvider"] =
            "uses[3] (anthropic, embedding): the allow-list does not allow embedding with 'anthropic' (Anthropic API); its ceilings name inference up to "
                + "Confidential. Use another provider (providers that allow it: openai, azure-openai, llamasharp), or ask the security team to add a ceiling "
                + "for embedding to 'anthropic'.",
        ["HealthWithoutBaa"] =
            "uses[0] (openai, inference) sends Health data, and the organisation requires BAA for Health data, but the allow-list records no BAA for 'openai' "
                + "(its certifications: DPA, SOC2). Remove the Health data from this use, use another provider (providers that hold it: azure-openai, "
                + "contoso-gateway), or have the security team record the BAA for 'openai' in allow-list.json once it is in place.",
        ["RetentionBreaksConfidentialRequirement"] =
            "uses[3] (anthropic, inference) sends Confidential data to 'anthropic', but 'anthropic' does not meet the organisation's requirement for class "
                + "Confidential: it keeps data 90 days (retentionDays), more than the 30 allowed (maxRetentionDays). Its effective inference ceiling is "
                + "therefore Internal. Lower the data to Internal, use another provider, or have the security team update 'anthropic' in allow-list.json once "
                + "its contract changes.",
        ["RestrictedToExternalProvider"] =
            "uses[0] (openai, inference) sends Restricted data to 'openai' (OpenAI API), which is hosted externally; Restricted data may only go to internally "
                + "hosted providers. Redact or minimise the data to Confidential or lower before it is sent, or use an internal provider (internal providers "
                + "that accept it: llamasharp, contoso-gateway).",
        ["FineTuningWithoutApproval"] =
            "uses[1] (azure-openai, fineTuning) needs an approval from the role 'privacy-officer' (allow-list requiredApprovals[0]: fine-tuning on "
                + "Confidential data needs a DPIA), and no approval of that role covers it. Once approved, add to 'approvals': { \"id\": \"<record id>\", "
                + "\"who\": \"<approver>\", \"role\": \"privacy-officer\", \"approvedOn\": \"2026-03-01\", \"expires\": \"<yyyy-MM-dd>\", \"covers\": [{ "
                + "\"provider\": \"azure-openai\", \"purpose\": \"fineTuning\" }] }.",
        ["ApprovalExpired"] =
            "Approval 'APR-1042' (Jane Doe, privacy-officer) expired on 2026-02-28. Renew it with the approver and update 'approvedOn' and 'expires', or "
                + "remove the approval and the uses and datasets it covers.",
        ["ApprovalExpiresSoonInStrictMode"] =
            "Approval 'APR-1042' (Jane Doe, privacy-officer) expires on 2026-03-20, in 19 days. Renew it with the approver and update 'approvedOn' and "
                + "'expires'; after 2026-03-20 the build fails.",
        ["ProviderReviewOverdue"] =
            "Provider 'azure-openai' (Azure OpenAI (Contoso tenant)) was due for review by 2026-02-01, so its contract facts may be out of date. The security "
                + "team must review its contract and move 'reviewBy' forward in allow-list.json; until then, builds that use 'azure-openai' fail.",
        ["ProviderReviewDueSoonInStrictMode"] =
            "Provider 'azure-openai' (Azure OpenAI (Contoso tenant)) is due for review by 2026-03-15, in 14 days. Ask the security team to review its contract "
                + "and move 'reviewBy' forward in allow-list.json; after 2026-03-15, builds that use 'azure-openai' fail.",
        ["UndeclaredSdkPackage"] =
            "The project references the package 'OllamaSharp' 5.5.2, which talks to the provider 'ollama', but finetune-policy.json declares no use of it. Add "
                + "a use such as { \"provider\": \"ollama\", \"purpose\": \"inference\", \"maxClass\": \"Internal\" } to 'uses' (with the purposes and classes "
                + "the project really sends), or remove the package reference. 'ollama' is not on the allow-list either, so the security team must add it "
                + "first.",
        ["DatasetWithoutFineTuningUse"] =
            "Dataset 'support-tickets-2025' is uploaded to 'openai' for fine-tuning, but 'uses' declares no fineTuning use of 'openai'. Add { \"provider\": "
                + "\"openai\", \"purpose\": \"fineTuning\", \"maxClass\": \"Internal\" } to 'uses', or correct the dataset's provider.",
        ["DatasetStepWithUnknownSanitizer"] =
            "Dataset 'support-tickets-2025' names the sanitizer 'Contoso.Privacy.Masker.Scrub', which is not on the allow-list (the allow-list has "
                + "Contoso.Privacy.Masker.Mask, Contoso.Privacy.Masker.Hash). Name one of those, describe the step with 'description' only (it then does not "
                + "lower the class), or ask the security team to add the sanitizer.",
        ["ApprovalCoversUnknownDataset"] =
            "Approval 'APR-1042' covers the dataset 'support-tickets-2024', which the manifest does not declare (declared: support-tickets-2025). Correct the "
                + "name, or remove this entry from 'covers'.",
        ["TodayNotADate"] =
            "FineTunePolicyToday is '01/03/2026', which is not a date. Set it to a date written yyyy-MM-dd, for example 2026-06-30, or leave it empty to judge "
                + "against today's date.",
        ["OutputFolderIsAFile"] =
            "FineTunePolicy cannot write {obj}/FineTunePolicy.Analyzers.globalconfig: The file '{obj}' already exists. Check that the output folder is "
                + "writable and that no other process holds the file.",
        ["PackageItemThatThrows"] =
            "FineTunePolicy failed unexpectedly while processing {project}: System.InvalidOperationException: metadata store is closed. The build is stopped "
                + "so that no unchecked policy reaches the analyzer. Please report this with the message and the file; building with -v:diag shows the stack "
                + "trace.",
        ["AllowListTrailingComma"] =
            "The allow-list is not valid JSON: The JSON array contains a trailing comma at the end which is not supported in this mode. Fix the syntax here: a "
                + "missing comma, quote or bracket, a comment or a trailing comma is the usual cause.",
        ["NegativeRetention"] =
            "'providers[4].contract.retentionDays' is -1; it must be at least 0.",
        ["DuplicateProviderId"] =
            "The provider id 'openai' is used twice in the allow-list (first at line 7). Give each provider its own id, or merge the two entries into one.",
        ["ClassAboveCeiling"] =
            "uses[2] (openai, embedding) sends Confidential data, but the allow-list's embedding ceiling for 'openai' is Internal. Lower the data to Internal "
                + "or below (send fewer fields, or pass them through a sanitizer), or use another provider (providers that accept it: azure-openai, "
                + "llamasharp).",
        ["ModelNotRegistered"] =
            "The model 'ft:gpt-4o-mini-2024-07-18:contoso:support-v4:7qRsTuVw' is not in the model registry of allow-list.json (registered: "
                + "ft:gpt-4o-mini-2024-07-18:contoso:support-v3:9xYzAbCd, contoso-support-ft, ft:gpt-4o-mini-2024-07-18:contoso:faq:1a2b3c4d), so nobody has "
                + "recorded what it was trained on or who may receive its answers. Correct the id (ids compare exactly), or ask the security team to register "
                + "the model with its provider, training data, audiences and review date.",
        ["ModelProviderNotDeclaredForInference"] =
            "The model 'contoso-support-ft' runs at 'azure-openai', so calling it sends prompts there, but 'uses' declares no inference use of 'azure-openai'. "
                + "Add { \"provider\": \"azure-openai\", \"purpose\": \"inference\", \"maxClass\": \"Internal\" } to 'uses' (with the highest class the "
                + "prompts really carry), or stop calling the model.",
        ["ModelTrainedAboveFineTuningCeiling"] =
            "The model 'ft:gpt-4o-mini-2024-07-18:contoso:support-v3:9xYzAbCd' was trained on Confidential (Personal) data, but the effective fine-tuning "
                + "ceiling of its provider 'openai' (OpenAI API) is Internal. The organisation does not allow that data to be fine-tuned there, and the "
                + "model's answers can repeat it. The security team must re-evaluate the model in allow-list.json: retrain it on data redacted to Internal or "
                + "below, retire it, or review the provider; until then, builds that use it fail.",
        ["ProjectAudienceUnknown"] =
            "The audience 'partners' is not defined in the allow-list allow-list.json (defined: employees, customers, public). Name one of those, or ask the "
                + "security team to define 'partners' with the highest class it may see.",
        ["RegistryAudienceUnknown"] =
            "The model 'ft:gpt-4o-mini-2024-07-18:contoso:faq:1a2b3c4d' lets its answers reach the audience 'everyone', which the allow-list's audiences do "
                + "not define (defined: employees, customers, public). Define it in 'audiences' with the highest class it may see ({ \"name\": \"everyone\", "
                + "\"maxClass\": \"<class>\" }), or correct the name.",
        ["ModelsWithoutAudience"] =
            "The manifest declares tuned models but no 'audience', so it cannot be checked whether the people who receive this project's output may see what "
                + "the models were trained on. Add \"audience\": \"<name>\" naming who receives what the project produces (defined: employees, customers, "
                + "public).",
        ["AudienceNotAllowedForModel"] =
            "The model 'ft:gpt-4o-mini-2024-07-18:contoso:support-v3:9xYzAbCd' may answer only 'employees', and this project's audience is 'customers' (the "
                + "model was trained on Internal (Personal) data; 'customers' may see up to Internal). Its answers would reach people the registry does not "
                + "allow. Call another model (or the base model) for 'customers', or ask the security team to add 'customers' to the model's audiences in the "
                + "registry.",
        ["ModelClassAboveAudienceWithoutApproval"] =
            "The model 'contoso-support-ft' was trained on Confidential (Personal, Financial) data, and this project's audience 'customers' may see up to "
                + "Internal: its answers can repeat training data the audience may not see. Use a model trained on data 'customers' may see, or have the role "
                + "'privacy-officer' approve this audience for the model and add to 'approvals': { \"id\": \"<record id>\", \"who\": \"<approver>\", \"role\": "
                + "\"privacy-officer\", \"approvedOn\": \"2026-03-01\", \"expires\": \"<yyyy-MM-dd>\", \"covers\": [{ \"model\": \"contoso-support-ft\" }] }.",
        ["ModelReviewOverdue"] =
            "The model 'ft:gpt-4o-mini-2024-07-18:contoso:support-v3:9xYzAbCd' was due for review by 2026-02-01, so what the registry says about its training "
                + "data and audiences may be out of date. The security team must evaluate it again (new training data, a changed class, its audiences) and "
                + "move 'reviewBy' forward in allow-list.json; until then, builds that use the model fail.",
        ["ModelReviewDueSoonInStrictMode"] =
            "The model 'ft:gpt-4o-mini-2024-07-18:contoso:support-v3:9xYzAbCd' is due for review by 2026-03-15, in 14 days. Ask the security team to evaluate "
                + "it again and move 'reviewBy' forward in allow-list.json; after 2026-03-15, builds that use the model fail.",
    };

    public static string For(string name, TaskFixture fixture)
    {
        Assert.True(Messages.TryGetValue(name, out var message), "no expected message for " + name);

        return message
            .Replace("{manifest}", fixture.ManifestPath)
            .Replace("{allowList}", fixture.AllowListPath)
            .Replace("{project}", fixture.ProjectPath)
            .Replace("{obj}", Path.Combine(fixture.ProjectDirectory, "obj"))
            .Replace("{root}", fixture.Root);
    }
}
