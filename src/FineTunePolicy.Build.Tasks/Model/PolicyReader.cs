using System;
using System.Collections.Generic;
using FineTunePolicy.Build.Tasks.Json;
using FineTunePolicy.Build.Tasks.Schema;

namespace FineTunePolicy.Build.Tasks.Model
{
    /// <summary>Binds structurally valid documents (see <see cref="StructuralValidator"/>) to the policy model.</summary>
    internal static class PolicyReader
    {
        public static AllowList ReadAllowList(JsonNode root, string file)
        {
            var allowList = new AllowList { File = file };
            foreach (var node in Items(root, "providers"))
            {
                var contract = node.Get("contract")!;
                var provider = new Provider(node)
                {
                    Id = node.Get("id")!.Text!,
                    IdNode = node.Get("id")!,
                    DisplayName = node.Get("displayName")!.Text!,
                    Hosting = PolicyNames.ParseHosting(contract.Get("hosting")!.Text!),
                    TrainsOnCustomerData = contract.Get("trainsOnCustomerData")!.Kind == JsonKind.True,
                    RetentionDays = Integer(contract.Get("retentionDays")!),
                    Regions = Strings(contract.Get("regions")),
                    IsolatedFineTuning = contract.Get("isolatedFineTuning")?.Kind == JsonKind.True,
                    ReviewBy = Date(node.Get("reviewBy")!),
                    ReviewByNode = node.Get("reviewBy")!,
                };
                provider.Certifications.AddRange(Strings(contract.Get("certifications")) ?? new List<string>());
                foreach (var ceiling in node.Get("ceilings")!.Members)
                {
                    provider.Ceilings[PolicyNames.ParsePurpose(ceiling.Name)] = PolicyNames.ParseClass(ceiling.Value.Text!);
                }

                provider.SdkPackages.AddRange(Strings(node.Get("sdkPackages")) ?? new List<string>());
                allowList.Providers.Add(provider);
            }

            var requirements = root.Get("requirements");
            if (requirements?.Get("classes") is JsonNode classes)
            {
                foreach (var member in classes.Members)
                {
                    allowList.ClassRequirements[PolicyNames.ParseClass(member.Name)] = ReadRequirement("class " + member.Name, member.Value);
                }
            }

            if (requirements?.Get("categories") is JsonNode categories)
            {
                foreach (var member in categories.Members)
                {
                    allowList.CategoryRequirements[PolicyNames.ParseCategory(member.Name)] = ReadRequirement("category " + member.Name, member.Value);
                }
            }

            var index = 0;
            foreach (var node in Items(root, "requiredApprovals"))
            {
                allowList.RequiredApprovals.Add(new RequiredApproval(index++, node)
                {
                    Role = node.Get("role")!.Text!,
                    Purpose = node.Get("purpose") is JsonNode purpose ? PolicyNames.ParsePurpose(purpose.Text!) : null,
                    MinClass = node.Get("minClass") is JsonNode minClass ? PolicyNames.ParseClass(minClass.Text!) : null,
                    Categories = node.Get("categories") is JsonNode cats ? Categories(cats, null) : null,
                    Providers = Strings(node.Get("providers")),
                    Reason = node.Get("reason")?.Text,
                });
            }

            foreach (var node in Items(root, "sinks"))
            {
                allowList.Sinks.Add(new Sink
                {
                    Method = node.Get("method")!.Text!,
                    Parameter = node.Get("parameter")?.Text,
                    Purpose = PolicyNames.ParsePurpose(node.Get("purpose")!.Text!),
                    Provider = node.Get("provider")!.Text!,
                    ProviderNode = node.Get("provider")!,
                });
            }

            foreach (var node in Items(root, "sanitizers"))
            {
                allowList.Sanitizers.Add(new Sanitizer
                {
                    Method = node.Get("method")!.Text!,
                    Result = PolicyNames.ParseClass(node.Get("result")!.Text!),
                });
            }

            foreach (var node in Items(root, "attributes"))
            {
                allowList.Attributes.Add(new AttributeMapping
                {
                    Type = node.Get("type")!.Text!,
                    Class = PolicyNames.ParseClass(node.Get("class")!.Text!),
                    Categories = node.Get("categories") is JsonNode cats ? Categories(cats, null) : DataCategory.None,
                });
            }

            foreach (var node in Items(root, "audiences"))
            {
                allowList.Audiences.Add(new Audience
                {
                    Name = node.Get("name")!.Text!,
                    NameNode = node.Get("name")!,
                    MaxClass = PolicyNames.ParseClass(node.Get("maxClass")!.Text!),
                });
            }

            index = 0;
            foreach (var node in Items(root, "models"))
            {
                var trainedOn = node.Get("trainedOn")!;
                var provenance = node.Get("provenance");
                var model = new RegisteredModel(index++, node)
                {
                    Id = node.Get("id")!.Text!,
                    IdNode = node.Get("id")!,
                    Provider = node.Get("provider")!.Text!,
                    ProviderNode = node.Get("provider")!,
                    Description = node.Get("description")?.Text,
                    Class = PolicyNames.ParseClass(trainedOn.Get("class")!.Text!),
                    ClassNode = trainedOn.Get("class")!,
                    Categories = trainedOn.Get("categories") is JsonNode cats ? Categories(cats, null) : DataCategory.None,
                    HasProvenance = provenance != null,
                    ProvenanceProject = provenance?.Get("project")?.Text,
                    ProvenanceDataset = provenance?.Get("dataset")?.Text,
                    ApprovalRole = node.Get("approvalRole")?.Text,
                    ReviewBy = Date(node.Get("reviewBy")!),
                    ReviewByNode = node.Get("reviewBy")!,
                };
                foreach (var audience in Items(node, "audiences"))
                {
                    model.Audiences.Add(audience.Text!);
                    model.AudienceNodes.Add(audience);
                }

                allowList.Models.Add(model);
            }

            return allowList;
        }

        public static Manifest ReadManifest(JsonNode root, string file)
        {
            var manifest = new Manifest
            {
                File = file,
                Root = root,
                AllowList = root.Get("allowList")?.Text,
                AllowListNode = root.Get("allowList"),
                UsesNode = root.Get("uses")!,
            };

            var index = 0;
            foreach (var node in Items(root, "uses"))
            {
                var use = new Use(index++, node)
                {
                    Provider = node.Get("provider")!.Text!,
                    ProviderNode = node.Get("provider")!,
                    Purpose = PolicyNames.ParsePurpose(node.Get("purpose")!.Text!),
                    PurposeNode = node.Get("purpose")!,
                    Description = node.Get("description")?.Text,
                };
                var (max, maxNode) = ReadClasses(node.Get("classes") ?? node.Get("maxClass")!, use.Classes);
                use.MaxClass = max;
                use.ClassNode = maxNode;
                use.Categories = node.Get("categories") is JsonNode cats ? Categories(cats, use.CategoryNodes) : DataCategory.None;
                manifest.Uses.Add(use);
            }

            index = 0;
            foreach (var node in Items(root, "datasets"))
            {
                var dataset = new Dataset(index++, node)
                {
                    Name = node.Get("name")!.Text!,
                    NameNode = node.Get("name")!,
                    Provider = node.Get("provider")!.Text!,
                    ProviderNode = node.Get("provider")!,
                    Path = node.Get("path")?.Text,
                    Description = node.Get("description")?.Text,
                };
                var (max, maxNode) = ReadClasses(node.Get("classes")!, dataset.Classes);
                dataset.SourceClass = max;
                dataset.ClassNode = maxNode;
                dataset.Categories = node.Get("categories") is JsonNode cats ? Categories(cats, dataset.CategoryNodes) : DataCategory.None;
                foreach (var stepNode in Items(node, "steps"))
                {
                    dataset.Steps.Add(new DatasetStep
                    {
                        Sanitizer = stepNode.Get("sanitizer")?.Text,
                        SanitizerNode = stepNode.Get("sanitizer"),
                        Description = stepNode.Get("description")?.Text,
                    });
                }

                manifest.Datasets.Add(dataset);
            }

            index = 0;
            foreach (var node in Items(root, "approvals"))
            {
                var approval = new Approval(index++, node)
                {
                    Id = node.Get("id")!.Text!,
                    IdNode = node.Get("id")!,
                    Who = node.Get("who")!.Text!,
                    Role = node.Get("role")!.Text!,
                    ApprovedOn = Date(node.Get("approvedOn")!),
                    Expires = Date(node.Get("expires")!),
                    ExpiresNode = node.Get("expires")!,
                    Ticket = node.Get("ticket")?.Text,
                };
                foreach (var coverNode in Items(node, "covers"))
                {
                    approval.Covers.Add(new Cover(coverNode)
                    {
                        Dataset = coverNode.Get("dataset")?.Text,
                        Model = coverNode.Get("model")?.Text,
                        Provider = coverNode.Get("provider")?.Text,
                        Purpose = coverNode.Get("purpose") is JsonNode purpose ? PolicyNames.ParsePurpose(purpose.Text!) : null,
                    });
                }

                manifest.Approvals.Add(approval);
            }

            manifest.Audience = root.Get("audience")?.Text;
            manifest.AudienceNode = root.Get("audience");
            manifest.ModelsNode = root.Get("models");
            index = 0;
            foreach (var node in Items(root, "models"))
            {
                manifest.Models.Add(new ModelUse(index++, node)
                {
                    Id = node.Get("id")!.Text!,
                    IdNode = node.Get("id")!,
                    Description = node.Get("description")?.Text,
                });
            }

            return manifest;
        }

        private static Requirement ReadRequirement(string label, JsonNode node)
        {
            var requirement = new Requirement(label, node)
            {
                TrainsOnCustomerData = node.Get("trainsOnCustomerData") is JsonNode trains ? trains.Kind == JsonKind.True : null,
                MaxRetentionDays = node.Get("maxRetentionDays") is JsonNode days ? Integer(days) : null,
                Hosting = node.Get("hosting") is JsonNode hosting ? PolicyNames.ParseHosting(hosting.Text!) : null,
                Regions = Strings(node.Get("regions")),
                IsolatedFineTuning = node.Get("isolatedFineTuning") is JsonNode isolated ? isolated.Kind == JsonKind.True : null,
            };
            requirement.Certifications.AddRange(Strings(node.Get("certifications")) ?? new List<string>());
            return requirement;
        }

        /// <summary>Reads a class list or a single class; returns the highest and the node that holds it.</summary>
        private static (DataClass Max, JsonNode Node) ReadClasses(JsonNode node, List<DataClass> into)
        {
            if (node.Kind == JsonKind.String)
            {
                var single = PolicyNames.ParseClass(node.Text!);
                into.Add(single);
                return (single, node);
            }

            var max = DataClass.Public;
            var maxNode = node.Items[0];
            foreach (var item in node.Items)
            {
                var value = PolicyNames.ParseClass(item.Text!);
                into.Add(value);
                if (value > max)
                {
                    max = value;
                    maxNode = item;
                }
            }

            return (max, maxNode);
        }

        private static DataCategory Categories(JsonNode node, Dictionary<DataCategory, JsonNode>? nodes)
        {
            var result = DataCategory.None;
            foreach (var item in node.Items)
            {
                var category = PolicyNames.ParseCategory(item.Text!);
                result |= category;
                if (nodes != null && !nodes.ContainsKey(category))
                {
                    nodes.Add(category, item);
                }
            }

            return result;
        }

        private static IEnumerable<JsonNode> Items(JsonNode node, string key) =>
            node.Get(key)?.Items ?? new List<JsonNode>();

        private static List<string>? Strings(JsonNode? node) =>
            node?.Items.ConvertAll(item => item.Text!);

        private static long Integer(JsonNode node)
        {
            StructuralValidator.TryGetInteger(node.Text, out var value);
            return value;
        }

        private static DateTime Date(JsonNode node)
        {
            StructuralValidator.TryParseDate(node.Text!, out var date);
            return date;
        }
    }
}
