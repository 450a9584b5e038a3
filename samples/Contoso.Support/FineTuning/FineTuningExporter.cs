using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Contoso.Support.Domain;
using Contoso.Support.Redaction;
using OpenAI.Files;
using OpenAI.FineTuning;

namespace Contoso.Support.FineTuning
{
    /// <summary>
    /// Exports resolved tickets as chat-format JSONL and starts a fine-tuning job on them.
    /// The default fine-tuning ceiling is Public: training data can resurface in the model's
    /// answers to anyone, so only anonymised text may be uploaded.
    /// </summary>
    public sealed class FineTuningExporter
    {
        public const string BaseModel = "gpt-4o-mini-2024-07-18";

        private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

        private readonly OpenAIFileClient _files;
        private readonly FineTuningClient _fineTuning;

        public FineTuningExporter(OpenAIFileClient files, FineTuningClient fineTuning)
        {
            _files = files;
            _fineTuning = fineTuning;
        }

        /// <summary>One training example per resolved ticket, anonymised (Public).</summary>
        public static string BuildAnonymisedJsonl(IEnumerable<(Customer Customer, SupportTicket Ticket)> resolved)
        {
            var lines = new StringBuilder();
            foreach (var (customer, ticket) in resolved)
            {
                var question = Redactor.AnonymiseForTraining(ticket.Body, customer.DisplayName);
                var answer = Redactor.AnonymiseForTraining(ticket.AgentResolution ?? "", customer.DisplayName);
                lines.AppendLine(Example(question, answer));
            }

            return lines.ToString();
        }

        /// <summary>
        /// The first version of the export, kept for comparison: it adds the customer's e-mail
        /// address "so the model learns to address people by name". Confidential data in training.
        /// </summary>
        public static string BuildJsonlWithContactDetails(IEnumerable<(Customer Customer, SupportTicket Ticket)> resolved)
        {
            var lines = resolved.Select(pair => Example(
                "From " + pair.Customer.Email + ": " + Redactor.RedactTicketText(pair.Ticket.Body),
                pair.Ticket.AgentResolution ?? ""));
            return string.Join("\n", lines);
        }

        /// <summary>Compliant: uploads the anonymised dataset for fine-tuning and starts the job.</summary>
        public async Task<string> TrainAsync(IReadOnlyList<(Customer Customer, SupportTicket Ticket)> resolved, CancellationToken cancellationToken = default)
        {
            var jsonl = BuildAnonymisedJsonl(resolved);
            OpenAIFile file = await _files.UploadFileAsync(BinaryData.FromString(jsonl), "contoso-support.jsonl", FileUploadPurpose.FineTune);
            FineTuningJob job = await _fineTuning.FineTuneAsync(BaseModel, file.Id, waitUntilCompleted: false, cancellationToken: cancellationToken);
            return job.JobId;
        }

        /// <summary>VIOLATION FTP0002: customer e-mail addresses (Confidential) in a fine-tuning upload.</summary>
        public async Task<string> TrainWithContactDetailsAsync(IReadOnlyList<(Customer Customer, SupportTicket Ticket)> resolved, CancellationToken cancellationToken = default)
        {
            var jsonl = BuildJsonlWithContactDetails(resolved);
            OpenAIFile file = await _files.UploadFileAsync(BinaryData.FromString(jsonl), "contoso-support-v1.jsonl", FileUploadPurpose.FineTune);
            FineTuningJob job = await _fineTuning.FineTuneAsync(BaseModel, file.Id, waitUntilCompleted: false, cancellationToken: cancellationToken);
            return job.JobId;
        }

        private static string Example(string question, string answer)
        {
            var example = new
            {
                messages = new[]
                {
                    new { role = "system", content = "You are Contoso's support assistant." },
                    new { role = "user", content = question },
                    new { role = "assistant", content = answer },
                },
            };

            return JsonSerializer.Serialize(example, JsonOptions);
        }
    }
}
