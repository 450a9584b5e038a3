namespace FineTunePolicy.Build.Tasks.Tests;

/// <summary>Every error path of the task, each fed with bad input.</summary>
public static class ErrorCases
{
    public static readonly ErrorCase[] All =
    {
        new("ManifestMissingInStrictMode", "FTP1001", Where.Manifest, null,
            Arrange: f => { File.Delete(f.ManifestPath); f.Strict = true; }),
        new("AllowListFileMissing", "FTP1002", Where.Manifest, "\"../policy/allow-list.json\"",
            Arrange: f => File.Delete(f.AllowListPath)),
        new("AllowListOverrideMissing", "FTP1002", Where.Project, null,
            Arrange: f => f.AllowListOverride = "../policy/nowhere.json"),
        new("AllowListNotNamed", "FTP1003", Where.Manifest, "{",
            Manifest: m => m.ReplaceOnce("  \"allowList\": \"../policy/allow-list.json\",\n", string.Empty)),
        new("ManifestNotText", "FTP1004", Where.Manifest, null,
            Arrange: f => File.WriteAllBytes(f.ManifestPath, new byte[] { 0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00 })),
        new("ManifestInvalidJson", "FTP1005", Where.Manifest, "\"uses\"",
            Manifest: m => m.ReplaceOnce("\"allowList\": \"../policy/allow-list.json\",", "\"allowList\": \"../policy/allow-list.json\"")),
        new("AllowListTrailingComma", "FTP1005", Where.AllowList, "]",
            After: "\"SOC2\",]",
            AllowList: a => a.ReplaceOnce("\"certifications\": [\"DPA\", \"SOC2\"]", "\"certifications\": [\"DPA\", \"SOC2\",]")),
        new("ManifestDuplicateKey", "FTP1006", Where.Manifest, "\"schemaVersion\": 1,\n  \"allowList\"",
            Manifest: m => m.ReplaceOnce("\"allowList\": \"../policy/allow-list.json\",", "\"schemaVersion\": 1,\n  \"allowList\": "
                + "\"../policy/allow-list.json\",")),
        new("ManifestTooLarge", "FTP1008", Where.Manifest, null,
            Arrange: f => File.WriteAllText(f.ManifestPath, "[" + new string(' ', 6 * 1024 * 1024) + "]")),
        new("AllowListIsAFolder", "FTP1009", Where.AllowList, null,
            Arrange: f => { File.Delete(f.AllowListPath); Directory.CreateDirectory(f.AllowListPath); }),
        new("ManifestNestedTooDeep", "FTP1018", Where.Manifest, "{",
            After: "\"uses\"",
            Manifest: m => m.ReplaceOnce("\"uses\": [", "\"uses\": " + new string('[', 63) + "{\"deep\": [")),
        new("RetentionDaysAsString", "FTP1010", Where.AllowList, "\"30\"",
            AllowList: a => a.ReplaceOnce("\"retentionDays\": 30,", "\"retentionDays\": \"30\",")),
        new("ReviewByMissing", "FTP1011", Where.AllowList, "{\n      \"id\": \"anthropic\"",
            AllowList: a => a.ReplaceOnce("\"ceilings\": { \"inference\": \"Confidential\" },\n      \"reviewBy\": \"2026-12-31\"", "\"ceilings\": { "
                + "\"inference\": \"Confidential\" }")),
        new("UnknownKeyInUse", "FTP1012", Where.Manifest, "\"descripton\"",
            Manifest: m => m.ReplaceOnce("\"description\": \"support chat\"", "\"descripton\": \"support chat\"")),
        new("ClassInWrongCase", "FTP1013", Where.Manifest, "\"confidential\"",
            Manifest: m => m.ReplaceOnce("\"maxClass\": \"Confidential\"", "\"maxClass\": \"confidential\"")),
        new("SchemaVersionTwo", "FTP1013", Where.Manifest, "2",
            After: "\"schemaVersion\"",
            Manifest: m => m.ReplaceOnce("\"schemaVersion\": 1", "\"schemaVersion\": 2")),
        new("ExpiresNotADate", "FTP1014", Where.Manifest, "\"2026-02-30\"",
            Manifest: m => m.ReplaceOnce("\"expires\": \"2026-12-31\"", "\"expires\": \"2026-02-30\"")),
        new("ProviderIdUppercase", "FTP1015", Where.AllowList, "\"OpenAI\"",
            AllowList: a => a.ReplaceOnce("\"id\": \"openai\"", "\"id\": \"OpenAI\"")),
        new("NegativeRetention", "FTP1016", Where.AllowList, "-1,",
            AllowList: a => a.ReplaceOnce("\"retentionDays\": 7,", "\"retentionDays\": -1,")),
        new("EmptyCovers", "FTP1016", Where.Manifest, "[ ]",
            Manifest: m => m.ReplaceOnce("\"covers\": [ { \"provider\": \"azure-openai\", \"purpose\": \"fineTuning\" } ]", "\"covers\": [ ]")),
        new("ClassesAndMaxClass", "FTP1017", Where.Manifest, "{ \"provider\": \"anthropic\"",
            Manifest: m => m.ReplaceOnce("\"maxClass\": \"Internal\" }", "\"maxClass\": \"Internal\", \"classes\": [\"Internal\"] }")),
        new("DuplicateProviderId", "FTP1020", Where.AllowList, "\"openai\"",
            After: "\"displayName\": \"LLamaSharp",
            AllowList: a => a.ReplaceOnce("\"id\": \"anthropic\"", "\"id\": \"openai\"")),
        new("SinkToUnknownProvider", "FTP1021", Where.AllowList, "\"contoso-gatway\"",
            AllowList: a => a.ReplaceOnce("\"purpose\": \"inference\", \"provider\": \"contoso-gateway\"", "\"purpose\": \"inference\", \"provider\": "
                + "\"contoso-gatway\"")),
        new("DuplicateUse", "FTP1022", Where.Manifest, "{ \"provider\": \"openai\", \"purpose\": \"inference\", \"maxClass\": \"Internal\" }",
            Manifest: m => m.ReplaceOnce("{ \"provider\": \"anthropic\", \"purpose\": \"inference\", \"maxClass\": \"Internal\" }\n", "{ \"provider\": "
                + "\"anthropic\", \"purpose\": \"inference\", \"maxClass\": \"Internal\" },\n    { \"provider\": \"openai\", \"purpose\": \"inference\", "
                + "\"maxClass\": \"Internal\" }\n")),
        new("UseOfProviderNotOnAllowList", "FTP1030", Where.Manifest, "\"mistral\"",
            Manifest: m => m.ReplaceOnce("{ \"provider\": \"anthropic\", \"purpose\": \"inference\", \"maxClass\": \"Internal\" }", "{ \"provider\": "
                + "\"mistral\", \"purpose\": \"inference\", \"maxClass\": \"Internal\" }")),
        new("PurposeNotAllowedForProvider", "FTP1031", Where.Manifest, "\"embedding\"",
            After: "\"anthropic\"",
            Manifest: m => m.ReplaceOnce("{ \"provider\": \"anthropic\", \"purpose\": \"inference\"", "{ \"provider\": \"anthropic\", \"purpose\": "
                + "\"embedding\"")),
        new("ClassAboveCeiling", "FTP1032", Where.Manifest, "\"Confidential\"",
            After: "\"purpose\": \"embedding\"",
            Manifest: m => m.ReplaceOnce("{ \"provider\": \"llamasharp\", \"purpose\": \"embedding\", \"maxClass\": \"Restricted\",", "{ \"provider\": "
                + "\"openai\", \"purpose\": \"embedding\", \"maxClass\": \"Confidential\",")),
        new("HealthWithoutBaa", "FTP1033", Where.Manifest, "\"Health\"",
            Manifest: m => m.ReplaceOnce("\"categories\": [\"Personal\"], \"description\": \"support chat\"", "\"categories\": [\"Personal\", \"Health\"], "
                + "\"description\": \"support chat\"")),
        new("RetentionBreaksConfidentialRequirement", "FTP1034", Where.Manifest, "\"Confidential\"",
            After: "\"anthropic\"",
            Manifest: m => m.ReplaceOnce("{ \"provider\": \"anthropic\", \"purpose\": \"inference\", \"maxClass\": \"Internal\" }", "{ \"provider\": "
                + "\"anthropic\", \"purpose\": \"inference\", \"maxClass\": \"Confidential\" }")),
        new("RestrictedToExternalProvider", "FTP1035", Where.Manifest, "\"Restricted\"",
            Manifest: m => m.ReplaceOnce("\"maxClass\": \"Confidential\", \"categories\": [\"Personal\"], \"description\"", "\"maxClass\": \"Restricted\", "
                + "\"categories\": [\"Personal\"], \"description\"")
                .ReplaceOnce("{ \"provider\": \"llamasharp\", \"purpose\": \"embedding\", \"maxClass\": \"Restricted\"", "{ \"provider\": \"llamasharp\", "
                    + "\"purpose\": \"embedding\", \"maxClass\": \"Internal\"")),
        new("FineTuningWithoutApproval", "FTP1036", Where.Manifest, "{ \"provider\": \"azure-openai\", \"purpose\": \"fineTuning\", \"classes\"",
            Manifest: m => m.ReplaceOnce("\"role\": \"privacy-officer\"", "\"role\": \"team-lead\"")),
        new("ApprovalExpired", "FTP1037", Where.Manifest, "\"2026-02-28\"",
            Manifest: m => m.ReplaceOnce("\"expires\": \"2026-12-31\"", "\"expires\": \"2026-02-28\"")),
        new("ApprovalExpiresSoonInStrictMode", "FTP1038", Where.Manifest, "\"2026-03-20\"",
            Manifest: m => m.ReplaceOnce("\"expires\": \"2026-12-31\"", "\"expires\": \"2026-03-20\""),
            Arrange: f => f.Strict = true),
        new("ProviderReviewOverdue", "FTP1039", Where.AllowList, "\"2026-02-01\"",
            AllowList: a => a.ReplaceOnce("\"reviewBy\": \"2026-09-30\"", "\"reviewBy\": \"2026-02-01\"")),
        new("ProviderReviewDueSoonInStrictMode", "FTP1040", Where.AllowList, "\"2026-03-15\"",
            AllowList: a => a.ReplaceOnce("\"reviewBy\": \"2026-09-30\"", "\"reviewBy\": \"2026-03-15\""),
            Arrange: f => f.Strict = true),
        new("UndeclaredSdkPackage", "FTP1041", Where.Manifest, "[",
            After: "\"uses\"",
            Arrange: f => f.AddPackage("OllamaSharp", "5.5.2")),
        new("DatasetWithoutFineTuningUse", "FTP1042", Where.Manifest, "\"openai\"",
            After: "\"name\": \"support-tickets-2025\"",
            Manifest: m => m.ReplaceOnce("\"provider\": \"azure-openai\",\n      \"path\"", "\"provider\": \"openai\",\n      \"path\"")),
        new("DatasetStepWithUnknownSanitizer", "FTP1043", Where.Manifest, "\"Contoso.Privacy.Masker.Scrub\"",
            Manifest: m => m.ReplaceOnce("\"sanitizer\": \"Contoso.Privacy.Masker.Hash\"", "\"sanitizer\": \"Contoso.Privacy.Masker.Scrub\"")),
        new("ApprovalCoversUnknownDataset", "FTP1044", Where.Manifest, "{ \"dataset\": \"support-tickets-2024\" }",
            Manifest: m => m.ReplaceOnce("\"covers\": [ { \"provider\": \"azure-openai\", \"purpose\": \"fineTuning\" } ]", "\"covers\": [ { \"provider\": "
                + "\"azure-openai\", \"purpose\": \"fineTuning\" }, { \"dataset\": \"support-tickets-2024\" } ]")),
        new("ModelNotRegistered", "FTP1070", Where.Manifest, "\"ft:gpt-4o-mini-2024-07-18:contoso:support-v4:7qRsTuVw\"",
            AllowList: TunedModels.WithRegistry,
            Manifest: m => TunedModels.WithDeclarations(m).ReplaceOnce("support-v3:9xYzAbCd\" }", "support-v4:7qRsTuVw\" }")),
        new("ModelProviderNotDeclaredForInference", "FTP1071", Where.Manifest, "\"contoso-support-ft\"",
            After: "\"models\"",
            AllowList: TunedModels.WithRegistry,
            Manifest: m => TunedModels.WithDeclarations(m).ReplaceOnce(",\n    { \"provider\": \"azure-openai\", \"purpose\": \"inference\", \"maxClass\": "
                + "\"Confidential\" }", string.Empty)),
        new("ModelTrainedAboveFineTuningCeiling", "FTP1072", Where.AllowList, "\"Confidential\"",
            After: "support-v3",
            AllowList: a => TunedModels.WithRegistry(a).ReplaceOnce("{ \"class\": \"Internal\", \"categories\": [\"Personal\"] }", "{ \"class\": "
                + "\"Confidential\", \"categories\": [\"Personal\"] }"),
            Manifest: TunedModels.WithDeclarations),
        new("ProjectAudienceUnknown", "FTP1073", Where.Manifest, "\"partners\"",
            AllowList: TunedModels.WithRegistry,
            Manifest: m => TunedModels.WithDeclarations(m).ReplaceOnce("\"audience\": \"employees\"", "\"audience\": \"partners\"")),
        new("RegistryAudienceUnknown", "FTP1073", Where.AllowList, "\"everyone\"",
            AllowList: a => TunedModels.WithRegistry(a).ReplaceOnce("[\"employees\", \"customers\", \"public\"]", "[\"employees\", \"customers\", "
                + "\"everyone\"]"),
            Manifest: TunedModels.WithDeclarations),
        new("ModelsWithoutAudience", "FTP1074", Where.Manifest, "[",
            After: "\"models\":",
            AllowList: TunedModels.WithRegistry,
            Manifest: m => TunedModels.WithDeclarations(m).ReplaceOnce("  \"audience\": \"employees\",\n", string.Empty)),
        new("AudienceNotAllowedForModel", "FTP1075", Where.Manifest, "\"ft:gpt-4o-mini-2024-07-18:contoso:support-v3:9xYzAbCd\"",
            AllowList: TunedModels.WithRegistry,
            Manifest: m => TunedModels.WithDeclarations(m).ReplaceOnce("\"audience\": \"employees\"", "\"audience\": \"customers\"")),
        new("ModelClassAboveAudienceWithoutApproval", "FTP1076", Where.Manifest, "\"contoso-support-ft\"",
            After: "\"models\"",
            AllowList: a => TunedModels.WithRegistry(a).ReplaceOnce("\"audiences\": [\"employees\"],", "\"audiences\": [\"employees\", \"customers\"],"),
            Manifest: m => TunedModels.WithDeclarations(m)
                .ReplaceOnce("\"audience\": \"employees\"", "\"audience\": \"customers\"")
                .ReplaceOnce("\"role\": \"privacy-officer\",\n      \"approvedOn\": \"2026-02-01\"", "\"role\": \"team-lead\",\n      \"approvedOn\": "
                    + "\"2026-02-01\"")),
        new("ModelReviewOverdue", "FTP1077", Where.AllowList, "\"2026-02-01\"",
            AllowList: a => TunedModels.WithRegistry(a).ReplaceOnce("\"audiences\": [\"employees\"],\n      \"reviewBy\": \"2026-12-31\"", "\"audiences\": "
                + "[\"employees\"],\n      \"reviewBy\": \"2026-02-01\""),
            Manifest: TunedModels.WithDeclarations),
        new("ModelReviewDueSoonInStrictMode", "FTP1078", Where.AllowList, "\"2026-03-15\"",
            AllowList: a => TunedModels.WithRegistry(a).ReplaceOnce("\"audiences\": [\"employees\"],\n      \"reviewBy\": \"2026-12-31\"", "\"audiences\": "
                + "[\"employees\"],\n      \"reviewBy\": \"2026-03-15\""),
            Manifest: TunedModels.WithDeclarations,
            Arrange: f => f.Strict = true),
        new("TodayNotADate", "FTP1050", Where.Project, null,
            Arrange: f => f.Today = "01/03/2026"),
        new("OutputFolderIsAFile", "FTP1007", Where.GlobalConfig, null,
            Arrange: f => { Directory.Delete(Path.Combine(f.ProjectDirectory, "obj"), true); File.WriteAllText(Path.Combine(f.ProjectDirectory, "obj"),
                "not a folder"); }),
        new("PackageItemThatThrows", "FTP1999", Where.Project, null,
            Arrange: f => f.Packages.Add(new ThrowingItem())),
    };

    public static IEnumerable<object[]> Data => All.Select(c => new object[] { c });
}
