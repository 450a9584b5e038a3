using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FineTunePolicy.Build.Tasks.Model;
using FineTunePolicy.Build.Tasks.Suppressions;
using FineTunePolicy.Build.Tasks.Validation;

namespace FineTunePolicy.Build.Tasks.Diagnostics
{
    /// <summary>
    /// Every sentence the tasks show a developer, in one place to review (as the analyzer's Descriptors.cs holds its
    /// messages), grouped by code. Each message says what is wrong, where, and what to do. The docs' one-line
    /// summaries of the codes are in CodeSummaries.cs.
    /// </summary>
    internal static class Messages
    {
        /// <summary>Ends an exception message with a full stop, so that the advice after it reads as its own sentence.</summary>
        public static string Sentence(string message)
        {
            var trimmed = message.TrimEnd();
            return trimmed.EndsWith(".", StringComparison.Ordinal) ? trimmed : trimmed + ".";
        }

        // FTP1001-FTP1003: finding the files

        public static string ManifestNotFound(string manifestPath) =>
            $"No FineTunePolicy manifest was found at {manifestPath}, so the analyzer's embedded default ceilings "
                + "apply (inference and embedding up to Internal, fine-tuning Public only, Restricted never). Create finetune-policy.json "
                + "beside the project (see docs/policy-files.md), or set FineTunePolicyManifest to its path.";

        public const string StrictNeedsManifest = " Strict mode (FineTunePolicyStrict) requires a manifest.";

        public static string AllowListPropertyNotFound(string path) =>
            $"The allow-list set by FineTunePolicyAllowList was not found at {path}. Correct the property (a relative "
                + "path is relative to the project directory), or remove it to use the manifest's 'allowList'.";

        public static string AllowListNotAPath(string written) =>
            $"The allow-list '{written}' named by 'allowList' is not a valid path. Correct the path (it is relative "
                + "to the manifest), or set the FineTunePolicyAllowList property to the allow-list's location.";

        public static string AllowListNotFound(string written, string path) =>
            $"The allow-list '{written}' named by 'allowList' was not found at {path}. Correct the path (it is relative "
                + "to the manifest), or set the FineTunePolicyAllowList property to the allow-list's location.";

        public const string AllowListNotGiven =
            "The manifest names no allow-list. Add \"allowList\": \"<path relative to the manifest>\" to it, or set "
                + "the FineTunePolicyAllowList property (for example on the build server).";

        // FTP1004-FTP1009, FTP1018: reading a policy file. 'fileKind' is "manifest" or "allow-list".

        public static string PathIsDirectory(string fileKind) => $"The {fileKind} path names a folder, not a file. Point it at the JSON file itself.";

        public static string FileUnusable(string fileKind, string? reason) =>
            $"The {fileKind} cannot be read: {reason}. Check the path and the link, and that the build account may read the file.";

        public static string FileUnreadable(string fileKind, Exception ex) =>
            $"The {fileKind} cannot be read: {Sentence(ex.Message)} Check that the file exists, is not locked by another "
                + "program, and that the build account may read it.";

        public static string FileEmpty(string fileKind) => $"The {fileKind} is empty. Write a JSON object into it (see docs/policy-files.md), or delete it.";

        public static string FileNotText(string fileKind, string? decodeError) => $"The {fileKind} is not readable text ({decodeError}). Save it as UTF-8.";

        public static string FileTooLarge(string fileKind, long length, int maxBytes) =>
            $"The {fileKind} is at least {length.ToString(CultureInfo.InvariantCulture)} bytes long; policy files "
                + $"are limited to {maxBytes.ToString(CultureInfo.InvariantCulture)} bytes (5 MiB) and are not read beyond "
                + "that. Check that the path names the policy file and not a data set or log.";

        public static string NestingTooDeep(string fileKind, int maxDepth) =>
            $"The {fileKind} nests arrays and objects more than {maxDepth} levels deep here; no policy file needs "
                + "more than a few. Check for an unclosed or repeated '[' or '{'.";

        public static string DuplicateKey(string fileKind, string key) =>
            $"The key '{key}' appears twice in the same object of the {fileKind}. Keep one of them; JSON readers disagree on which one wins.";

        public static string InvalidJson(string fileKind, string problem) =>
            $"The {fileKind} is not valid JSON: {problem} Fix the syntax here: a missing comma, quote or bracket, "
                + "a comment or a trailing comma is the usual cause.";

        // Why a path that is there cannot be used (PathProbe), completed by FileUnusable.

        public const string DanglingLink = "it is a symbolic link whose target does not exist or that loops back on itself";

        public const string NamedPipe = "it is a named pipe (FIFO), not a file, and reading it would wait for a writer";

        public const string Socket = "it is a socket, not a file";

        public static string ParentIsAFile(string ancestor) => $"{ancestor} is a file, not a folder";

        public static string FolderNotListable(string parent, Exception ex) => $"its folder {parent} cannot be listed ({Sentence(ex.Message).TrimEnd('.')})";

        // FTP1010-FTP1017: the structure of a policy file. 'name' is "The manifest", "The allow-list" or 'a.path[0]'.

        public static string WrongType(string name, string expected, string actual, string fix) => $"{name} must be {expected}, but is {actual}. {fix}";

        public const string FixBoolean = "Write true or false without quotes.";

        public const string FixObject = "Write it as { \"key\": value, ... }.";

        public const string FixArray = "Write it as [ ... ].";

        public static string FixArrayFromString(string? value) => $"Put the value in brackets: [\"{value}\"].";

        public const string FixString = "Put the value in double quotes.";

        public static string FixStringFromArray(string? value) => $"Write the single value without brackets: \"{value}\".";

        public static string FixOneOf(IEnumerable<string> values) => $"Use one of: {string.Join(", ", values)}.";

        public const string FixInteger = "Write a whole number without quotes.";

        public static string FixIntegerFromString(long value) => $"Write it without quotes: {value.ToString(CultureInfo.InvariantCulture)}.";

        public static string UnknownKey(string name, string key, string? suggestion, IEnumerable<string> allowed)
        {
            var fix = suggestion != null ? $"Did you mean '{suggestion}'? Rename the key." : "Remove it, or move it to where it belongs.";
            return $"{name} has an unknown key '{key}'. {fix} Allowed keys here: {string.Join(", ", allowed)}.";
        }

        public static string MissingKey(string name, string key, string description, string? example) =>
            $"{name} is missing the required key '{key}': {description}{(example != null ? $" Add \"{key}\": {example}" : string.Empty)}";

        public static string KeysBoth(string name, string first, string second, string hint) =>
            $"{name} has both {first} and {second}; keep only one ({hint}).";

        public static string KeysNeitherOfExactlyOne(string name, string first, string second, string hint) => $"{name} needs {first} or {second} ({hint}).";

        public static string KeysNeitherOfAtLeastOne(string name, string first, string second, string hint) => $"{name} needs {first} or {second}: {hint}.";

        public static string KeysMixed(string name, string first, string second, string hint) => $"{name} mixes {first} with {second}; {hint}.";

        public static string KeysIncomplete(string name, IReadOnlyList<string> groups, string hint) =>
            $"{name} must name {string.Join(", ", groups.Take(groups.Count - 1))}, or {groups[groups.Count - 1]} together; {hint}.";

        public static string ListEmpty(string name, int minItems, string description) =>
            $"{name} is empty; list at least {minItems} {(minItems == 1 ? "entry" : "entries")} ({description})";

        public static string ValueNotAllowed(string name, string value, IEnumerable<string> allowed, string? sameButCase) =>
            $"{name} is '{value}', which is not allowed. Use one of: {string.Join(", ", allowed)}."
                + (sameButCase != null ? $" Values are case-sensitive: write '{sameButCase}'." : string.Empty);

        public static string InvalidDate(string name, string value) =>
            $"{name} is '{value}', which is not a date. Write a real calendar date as yyyy-MM-dd, for example \"2026-06-30\".";

        public static string TextEmpty(string name, string description) => $"{name} is empty. Write {description}";

        public static string BadFormat(string name, string value, string? hint) => $"{name} is '{value}', which is not in the required format: {hint}.";

        public static string SchemaVersionNotRead(string name, string? value, long version) =>
            $"{name} is {value}, which is not allowed. This version of FineTunePolicy reads version {version}: write "
                + $"{version}, or update the FineTunePolicy package if the file was written for a newer one.";

        public static string BelowMinimum(string name, string? value, long minimum) => $"{name} is {value}; it must be at least {minimum}.";

        public static string AboveMaximum(string name, string? value, long maximum) => $"{name} is {value}; it must be at most {maximum}.";

        // FTP1020-FTP1044: the semantic checks of a manifest against an allow-list

        public static string UseLabel(Use use) => $"uses[{use.Index}] ({use.Provider}, {PolicyNames.Name(use.Purpose)})";

        public static string DatasetLabel(Dataset dataset) => $"Dataset '{dataset.Name}' ({dataset.Provider}, fineTuning)";

        public static string DuplicateProvider(string id, int firstLine) =>
            $"The provider id '{id}' is used twice in the allow-list (first at line {firstLine}). Give each provider "
                + "its own id, or merge the two entries into one.";

        public static string SinkProviderUnknown(string method, string provider, IReadOnlyList<string> providers) =>
            $"The sink '{method}' sends to provider '{provider}', which is not on the allow-list. Add a provider with "
                + $"id '{provider}' to 'providers', or name one that is there: {ListOrNone(providers)}.";

        public static string DuplicateUse(Use use, Use first) =>
            $"uses[{use.Index}] declares '{use.Provider}' for {PolicyNames.Name(use.Purpose)} again (uses[{first.Index}] "
                + $"at line {first.Node.Line} already does). Merge the two into one use that lists every class and category.";

        public static string DuplicateDataset(string name, int firstLine) =>
            $"The dataset name '{name}' is used twice (first at line {firstLine}). Give each dataset its own name; approvals refer to datasets by name.";

        public static string DuplicateApproval(string id, int firstLine) =>
            $"The approval id '{id}' is used twice (first at line {firstLine}). Give each approval its own id, for example its record or ticket number.";

        public static string SanitizerUnknown(string dataset, string sanitizer, IReadOnlyList<string> known) =>
            $"Dataset '{dataset}' names the sanitizer '{sanitizer}', which is not on the allow-list "
                + $"({(known.Count == 0 ? "the allow-list has none" : "the allow-list has " + string.Join(", ", known))}). "
                + "Name one of those, describe the step with 'description' only (it then does not lower the class), or "
                + "ask the security team to add the sanitizer.";

        public static string DatasetWithoutUse(Dataset dataset, DataClass effective) =>
            $"Dataset '{dataset.Name}' is uploaded to '{dataset.Provider}' for fine-tuning, but 'uses' declares no "
                + $"fineTuning use of '{dataset.Provider}'. Add {{ \"provider\": \"{dataset.Provider}\", \"purpose\": \"fineTuning\", "
                + $"\"maxClass\": \"{PolicyNames.Name(effective)}\" }} to 'uses', or correct the dataset's provider.";

        public static string ProviderNotAllowed(Subject subject, string allowListName, IReadOnlyList<string> providers) =>
            $"{subject.Label} names the provider '{subject.Provider}', which is not on the allow-list {allowListName}. "
                + $"Use one of its providers ({ListOrNone(providers)}), or ask the security team to add '{subject.Provider}' "
                + "with its contract facts.";

        public static string PurposeNotAllowed(Subject subject, Provider provider, IReadOnlyList<string> others)
        {
            var purpose = PolicyNames.Name(subject.Purpose);
            var alternatives = others.Count == 0 ? "no provider on the allow-list allows it" : "providers that allow it: " + string.Join(", ", others);
            return $"{subject.Label}: the allow-list does not allow {purpose} with '{provider.Id}' ({provider.DisplayName}); "
                + $"its ceilings name {CeilingList(provider)}. Use another provider ({alternatives}), or ask the security "
                + $"team to add a ceiling for {purpose} to '{provider.Id}'.";
        }

        public static string RestrictedExternal(Subject subject, Provider provider, IReadOnlyList<string> internals)
        {
            var alternatives = internals.Count == 0
                ? "the allow-list has no internal provider that accepts Restricted data for " + PolicyNames.Name(subject.Purpose)
                : "internal providers that accept it: " + string.Join(", ", internals);
            return $"{subject.Label} sends Restricted data to '{provider.Id}' ({provider.DisplayName}), which is hosted externally; "
                + "Restricted data may only go to internally hosted providers. Redact or minimise the data to Confidential "
                + $"or lower before it is sent, or use an internal provider ({alternatives}).";
        }

        public static string ClassAboveCeiling(Subject subject, Provider provider, DataClass listed, IReadOnlyList<string> higher)
        {
            var className = PolicyNames.Name(subject.Class);
            var purpose = PolicyNames.Name(subject.Purpose);
            var alternatives = higher.Count == 0
                ? "no provider on the allow-list accepts " + className + " data for " + purpose
                : "providers that accept it: " + string.Join(", ", higher);
            return $"{subject.Label} sends {className} data, but the allow-list's {purpose} ceiling for '{provider.Id}' is "
                + $"{PolicyNames.Name(listed)}. Lower the data to {PolicyNames.Name(listed)} or below (send fewer fields, "
                + $"or pass them through a sanitizer), or use another provider ({alternatives}).";
        }

        public static string ClassRequirementNotMet(
            Subject subject, Provider provider, string requirement, IReadOnlyList<string> failures, DataClass? ceiling, string allowListName)
        {
            var lowered = ceiling.HasValue ? PolicyNames.Name(ceiling.Value) : "none";
            return $"{subject.Label} sends {PolicyNames.Name(subject.Class)} data to '{provider.Id}', but '{provider.Id}' "
                + $"does not meet the organisation's requirement for {requirement}: {string.Join("; ", failures)}. Its effective "
                + $"{PolicyNames.Name(subject.Purpose)} ceiling is therefore {lowered}. Lower the data to {lowered}, use "
                + $"another provider, or have the security team update '{provider.Id}' in {allowListName} once its contract changes.";
        }

        public static string CertificationMissing(
            Subject subject, string category, Provider provider, IReadOnlyList<string> missing, IReadOnlyList<string> holders, string allowListName)
        {
            var has = provider.Certifications.Count == 0 ? "none" : string.Join(", ", provider.Certifications);
            var alternatives = holders.Count == 0 ? "no provider on the allow-list holds it" : "providers that hold it: " + string.Join(", ", holders);
            return $"{subject.Label} sends {category} data, and the organisation requires {string.Join(" and ", missing)} "
                + $"for {category} data, but the allow-list records no {string.Join(" or ", missing)} for '{provider.Id}' "
                + $"(its certifications: {has}). Remove the {category} data from this use, use another provider ({alternatives}), "
                + $"or have the security team record the {string.Join(" and ", missing)} for '{provider.Id}' in {allowListName} "
                + "once it is in place.";
        }

        public static string CategoryRequirementNotMet(
            Subject subject, string category, Provider provider, string requirement, IReadOnlyList<string> failures, string allowListName) =>
            $"{subject.Label} sends {category} data to '{provider.Id}', but '{provider.Id}' does not meet the organisation's "
                + $"requirement for {requirement}: {string.Join("; ", failures)}. Remove the {category} data from this use, "
                + $"use another provider, or have the security team update '{provider.Id}' in {allowListName} once its contract changes.";

        // The facts of a provider that break a requirement, joined into FTP1034's message.

        public static string FailsTraining(bool trainsOnCustomerData) => trainsOnCustomerData
            ? "it trains on customer data (trainsOnCustomerData is true, the requirement is false)"
            : "it does not train on customer data, and the requirement says trainsOnCustomerData true";

        public static string FailsRetention(long retentionDays, long maxRetentionDays) =>
            $"it keeps data {retentionDays} days (retentionDays), more than the {maxRetentionDays} allowed (maxRetentionDays)";

        public static string FailsHosting(Hosting hosting, Hosting required) =>
            $"it is hosted {PolicyNames.Name(hosting)}ly, and the requirement is hosting {PolicyNames.Name(required)}";

        public static string FailsNoRegions(IEnumerable<string> allowed) =>
            $"its contract lists no regions, and the requirement allows only {string.Join(", ", allowed)}";

        public static string FailsRegions(IEnumerable<string> outside, IEnumerable<string> allowed) =>
            $"it processes data in {string.Join(", ", outside)}, outside the allowed regions {string.Join(", ", allowed)}";

        public static string FailsCertifications(IEnumerable<string> missing) => $"it lacks the certification {string.Join(", ", missing)}";

        public static string FailsIsolation(bool isolatedFineTuning) => isolatedFineTuning
            ? "its fine-tuning is isolated, and the requirement says isolatedFineTuning false"
            : "its fine-tuning is not isolated to the organisation (isolatedFineTuning is false or missing)";

        public static string ApprovalExpired(Approval approval) =>
            $"Approval '{approval.Id}' ({approval.Who}, {approval.Role}) expired on {Day(approval.Expires)}. Renew "
                + "it with the approver and update 'approvedOn' and 'expires', or remove the approval and the uses and datasets it covers.";

        public static string ApprovalExpiresSoon(Approval approval, int days) =>
            $"Approval '{approval.Id}' ({approval.Who}, {approval.Role}) expires on {Day(approval.Expires)}, {InDays(days)}. "
                + $"Renew it with the approver and update 'approvedOn' and 'expires'; after {Day(approval.Expires)} the build fails.";

        public static string ApprovalCoversNoDataset(string approval, string dataset, IReadOnlyList<string> declared) =>
            $"Approval '{approval}' covers the dataset '{dataset}', which the manifest does not declare ({Declared(declared)}). "
                + "Correct the name, or remove this entry from 'covers'.";

        public static string ApprovalCoversNoUse(string approval, string provider, Purpose purpose, IReadOnlyList<string> declared) =>
            $"Approval '{approval}' covers '{provider}' for {PolicyNames.Name(purpose)}, but the manifest declares "
                + $"no such use ({Declared(declared)}). Correct the provider or purpose, or remove this entry from 'covers'.";

        public static string ApprovalMissing(Subject subject, RequiredApproval rule, DateTime today)
        {
            var cover = subject.Dataset != null
                ? $"{{ \"dataset\": \"{subject.Dataset.Name}\" }}"
                : $"{{ \"provider\": \"{subject.Provider}\", \"purpose\": \"{PolicyNames.Name(subject.Purpose)}\" }}";
            var why = rule.Reason != null ? ": " + rule.Reason : string.Empty;
            return $"{subject.Label} needs an approval from the role '{rule.Role}' (allow-list requiredApprovals[{rule.Index}]{why}), "
                + "and no approval of that role covers it. Once approved, add to 'approvals': { \"id\": \"<record id>\", "
                + $"\"who\": \"<approver>\", \"role\": \"{rule.Role}\", \"approvedOn\": \"{Day(today)}\", \"expires\": \"<yyyy-MM-dd>\", "
                + $"\"covers\": [{cover}] }}.";
        }

        public static string ReviewOverdue(Provider provider, string allowListName) =>
            $"Provider '{provider.Id}' ({provider.DisplayName}) was due for review by {Day(provider.ReviewBy)}, so "
                + "its contract facts may be out of date. The security team must review its contract and move 'reviewBy' "
                + $"forward in {allowListName}; until then, builds that use '{provider.Id}' fail.";

        public static string ReviewDueSoon(Provider provider, int days, string allowListName) =>
            $"Provider '{provider.Id}' ({provider.DisplayName}) is due for review by {Day(provider.ReviewBy)}, {InDays(days)}. "
                + $"Ask the security team to review its contract and move 'reviewBy' forward in {allowListName}; after {Day(provider.ReviewBy)}, "
                + $"builds that use '{provider.Id}' fail.";

        public static string UndeclaredSdkProvider(PackageInput package, IReadOnlyList<string> providers, string manifestName, bool onAllowList)
        {
            var provider = providers[0];
            var which = providers.Count == 1 ? $"the provider '{provider}'" : "the providers " + string.Join(", ", providers.Select(p => "'" + p + "'"));
            var version = string.IsNullOrEmpty(package.Version) ? string.Empty : " " + package.Version;
            var note = onAllowList ? string.Empty : $" '{provider}' is not on the allow-list either, so the security team must add it first.";
            return $"The project references the package '{package.Id}'{version}, which talks to {which}, but {manifestName} "
                + $"declares no use of {(providers.Count == 1 ? "it" : "any of them")}. Add a use such as {{ \"provider\": "
                + $"\"{provider}\", \"purpose\": \"inference\", \"maxClass\": \"Internal\" }} to 'uses' (with the purposes "
                + $"and classes the project really sends), or remove the package reference.{note}";
        }

        // FTP1070-FTP1078 (and FTP1020-FTP1022, FTP1044 for models and audiences): tuned models

        public static string DuplicateAudience(string name, int firstLine) =>
            $"The audience '{name}' is defined twice in the allow-list's audiences (first at line {firstLine}). Keep one entry with the "
                + "highest class the audience may see; manifests and models refer to audiences by name.";

        public static string DuplicateModel(string id, int firstLine) =>
            $"The model '{id}' is registered twice in the allow-list's models (first at line {firstLine}). Keep one entry per model "
                + "(merge their audiences), so that manifests and the analyzer know which one applies.";

        public static string ModelProviderUnknown(string id, string provider, IReadOnlyList<string> providers) =>
            $"The model '{id}' is hosted by provider '{provider}', which is not on the allow-list. Add a provider with id '{provider}' "
                + $"to 'providers', or name one that is there: {ListOrNone(providers)}.";

        public static string ModelAudienceUnknown(string id, string audience, IReadOnlyList<string> defined) =>
            $"The model '{id}' lets its answers reach the audience '{audience}', which the allow-list's audiences do not define "
                + $"({Defined(defined)}). Define it in 'audiences' with the highest class it may see ({{ \"name\": \"{audience}\", "
                + "\"maxClass\": \"<class>\" }), or correct the name.";

        public static string DuplicateModelUse(string id, int firstLine) =>
            $"The model '{id}' is declared twice in 'models' (first at line {firstLine}). Declare each model once.";

        public static string ApprovalCoversNoModel(string approval, string model, IReadOnlyList<string> declared) =>
            $"Approval '{approval}' covers the model '{model}', which the manifest does not declare in 'models' ({Declared(declared)}). "
                + "Correct the id, or remove this entry from 'covers'.";

        public static string AudienceMissing(IReadOnlyList<string> defined) =>
            "The manifest declares tuned models but no 'audience', so it cannot be checked whether the people who receive this "
                + "project's output may see what the models were trained on. Add \"audience\": \"<name>\" naming who receives "
                + $"what the project produces ({Defined(defined)}).";

        public static string ProjectAudienceUnknown(string audience, string allowListName, IReadOnlyList<string> defined) =>
            $"The audience '{audience}' is not defined in the allow-list {allowListName} ({Defined(defined)}). Name one of those, or ask "
                + $"the security team to define '{audience}' with the highest class it may see.";

        public static string ModelNotRegistered(string id, string allowListName, IReadOnlyList<string> registered) =>
            $"The model '{id}' is not in the model registry of {allowListName} "
                + $"({(registered.Count == 0 ? "the registry is empty" : "registered: " + string.Join(", ", registered))}), so nobody "
                + "has recorded what it was trained on or who may receive its answers. Correct the id (ids compare exactly), or ask the "
                + "security team to register the model with its provider, training data, audiences and review date.";

        public static string ModelProviderNotDeclared(RegisteredModel model) =>
            $"The model '{model.Id}' runs at '{model.Provider}', so calling it sends prompts there, but 'uses' declares no inference "
                + $"use of '{model.Provider}'. Add {{ \"provider\": \"{model.Provider}\", \"purpose\": \"inference\", \"maxClass\": "
                + "\"Internal\" } to 'uses' (with the highest class the prompts really carry), or stop calling the model.";

        public static string ModelAboveFineTuningCeiling(RegisteredModel model, Provider provider, DataClass? ceiling, string allowListName)
        {
            var limit = ceiling.HasValue
                ? $"the effective fine-tuning ceiling of its provider '{provider.Id}' ({provider.DisplayName}) is {PolicyNames.Name(ceiling.Value)}"
                : $"the allow-list allows no fine-tuning with its provider '{provider.Id}' ({provider.DisplayName})";
            var redacted = ceiling.HasValue ? $"data redacted to {PolicyNames.Name(ceiling.Value)} or below" : "data of another provider";
            return $"The model '{model.Id}' was trained on {TrainingData(model)}, but {limit}. The organisation does not allow that data "
                + $"to be fine-tuned there, and the model's answers can repeat it. The security team must re-evaluate the model in "
                + $"{allowListName}: retrain it on {redacted}, retire it, or review the provider; until then, builds that use it fail.";
        }

        public static string ModelAudienceNotAllowed(RegisteredModel model, Audience audience) =>
            $"The model '{model.Id}' may answer only {Quoted(model.Audiences)}, and this project's audience is '{audience.Name}' "
                + $"(the model was trained on {TrainingData(model)}; '{audience.Name}' may see up to {PolicyNames.Name(audience.MaxClass)}). "
                + $"Its answers would reach people the registry does not allow. Call another model (or the base model) for "
                + $"'{audience.Name}', or ask the security team to add '{audience.Name}' to the model's audiences in the registry.";

        public static string ModelClassAboveAudience(RegisteredModel model, Audience audience, DateTime today)
        {
            var trained = $"The model '{model.Id}' was trained on {TrainingData(model)}, and this project's audience '{audience.Name}' "
                + $"may see up to {PolicyNames.Name(audience.MaxClass)}: its answers can repeat training data the audience may not see.";
            if (model.ApprovalRole == null)
            {
                return trained + " Its registry entry names no approvalRole, so no approval can make an exception. Use a model trained "
                    + $"on data '{audience.Name}' may see, or ask the security team to name an approvalRole for the model.";
            }

            return trained + $" Use a model trained on data '{audience.Name}' may see, or have the role '{model.ApprovalRole}' approve "
                + "this audience for the model and add to 'approvals': { \"id\": \"<record id>\", \"who\": \"<approver>\", "
                + $"\"role\": \"{model.ApprovalRole}\", \"approvedOn\": \"{Day(today)}\", \"expires\": \"<yyyy-MM-dd>\", "
                + $"\"covers\": [{{ \"model\": \"{model.Id}\" }}] }}.";
        }

        public static string ModelReviewOverdue(RegisteredModel model, string allowListName) =>
            $"The model '{model.Id}' was due for review by {Day(model.ReviewBy)}, so what the registry says about its training data and "
                + "audiences may be out of date. The security team must evaluate it again (new training data, a changed class, its "
                + $"audiences) and move 'reviewBy' forward in {allowListName}; until then, builds that use the model fail.";

        public static string ModelReviewDueSoon(RegisteredModel model, int days, string allowListName) =>
            $"The model '{model.Id}' is due for review by {Day(model.ReviewBy)}, {InDays(days)}. Ask the security team to evaluate it "
                + $"again and move 'reviewBy' forward in {allowListName}; after {Day(model.ReviewBy)}, builds that use the model fail.";

        /// <summary>"Confidential (Personal) data", or "Internal data".</summary>
        private static string TrainingData(RegisteredModel model) =>
            PolicyNames.Name(model.Class)
                + (model.Categories == DataCategory.None ? string.Empty : " (" + string.Join(", ", PolicyNames.Names(model.Categories)) + ")")
                + " data";

        private static string Quoted(IEnumerable<string> items) => string.Join(", ", items.Select(i => "'" + i + "'"));

        private static string Defined(IReadOnlyList<string> items) =>
            items.Count == 0 ? "the allow-list defines none" : "defined: " + string.Join(", ", items);

        private static string CeilingList(Provider provider) =>
            provider.Ceilings.Count == 0
                ? "no purpose at all"
                : string.Join(", ", provider.Ceilings.Select(c => PolicyNames.Name(c.Key) + " up to " + PolicyNames.Name(c.Value)));

        private static string ListOrNone(IReadOnlyList<string> items) => items.Count == 0 ? "(none)" : string.Join(", ", items);

        private static string Declared(IReadOnlyList<string> items) =>
            items.Count == 0 ? "the manifest declares none" : "declared: " + string.Join(", ", items);

        private static string InDays(int days) => days == 0 ? "today" : "in " + days.ToString(CultureInfo.InvariantCulture) + (days == 1 ? " day" : " days");

        private static string Day(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // FTP1050

        public static string TodayNotADate(string today) =>
            $"FineTunePolicyToday is '{today}', which is not a date. Set it to a date written yyyy-MM-dd, for example "
                + "2026-06-30, or leave it empty to judge against today's date.";

        // FTP1060-FTP1062: the suppression audit

        public static string UnjustifiedSuppression(Suppression s)
        {
            var how = s.Kind switch
            {
                "pragma" => $"#pragma warning disable {s.Rule} suppresses it without a justification. Write the reason after the rule "
                    + $"id: #pragma warning disable {s.Rule} // <why this data may go to the LLM, ticket>",
                "suppressMessage" => "[SuppressMessage] suppresses it without a Justification. Add Justification = \"<why this data may go "
                    + "to the LLM, ticket>\"",
                "editorconfig" => $"'{s.Source}' turns it off without a justification. Write the reason in a comment on the line directly above the setting",
                "noWarn" => $"NoWarn turns it off for the whole project, and NoWarn cannot carry a justification. Remove {s.Rule} "
                    + "from NoWarn; suppress single findings in source with a justification instead",
                _ => $"it is suppressed ({s.Source}) without a justification",
            };
            return $"{s.Rule} is suppressed without a justification: {how}. In strict mode (FineTunePolicyStrict) an unjustified "
                + "suppression of FTP0001 or FTP0002 fails the build; the audit record lists every suppression.";
        }

        public static string AnalyzerDidNotRun(IEnumerable<string> reasons) =>
            $"The FineTunePolicy analyzer is not known to have run in this compilation: {string.Join("; ", reasons)}. "
                + "Without it no FTP0xxx finding is reported, so nothing stops classified data from reaching an LLM. Keep "
                + "RunAnalyzers and RunAnalyzersDuringBuild on, keep the FineTunePolicy.Analyzers package's analyzer, and "
                + "let the targets write the compiler's error log (version 2.1).";

        public static string ErrorLogUnreadable(Exception ex) =>
            $"The compiler's error log cannot be read as SARIF: {Sentence(ex.Message)} Without it suppressions in "
                + "source cannot be counted. Rebuild (the compiler rewrites it), and check that ErrorLog names a SARIF file of its own.";

        public static string ConfigFileUnreadable(string problem) =>
            $"The configuration file cannot be read: {Sentence(problem)} Its severity settings cannot be audited; make it readable for the build account.";

        public static string AuditRecordUnreadable(Exception ex) =>
            $"The audit record cannot be read: {Sentence(ex.Message)} ValidateFineTunePolicy writes it before the "
                + "compiler runs; rebuild so that it runs again.";

        public static string AuditRecordNotOurs(string? error) =>
            $"The audit record is not the JSON object ValidateFineTunePolicy writes ({error}). Rebuild so that the validation writes it again.";

        // FTP1999

        public static string Unexpected(string activity, string file, Exception ex, string consequence) =>
            $"FineTunePolicy failed unexpectedly while {activity} {file}: {ex.GetType().FullName}: {Sentence(ex.Message)} "
                + $"{consequence} Please report this with the message and the file; building with -v:diag shows the stack trace.";

        // FTP1007

        public static string CannotWrite(string path, Exception ex) =>
            $"FineTunePolicy cannot write {path}: {Sentence(ex.Message)} Check that the output folder is writable and that no other process holds the file.";

        public static string CannotDelete(string path, string step, Exception ex) =>
            $"FineTunePolicy cannot delete {path} after a failed {step}: {Sentence(ex.Message)} Delete it by hand "
                + "(or run a clean build) so that the next build checks the policy again.";
    }
}
