using static FineTunePolicy.Analyzers.Tests.Verifiers.Scenario;

namespace FineTunePolicy.Analyzers.Tests.Flow;

/// <summary>Files as datasets: what is written to a path is carried by an upload of the same path (issue 11, bullet 3).</summary>
public class FileDatasetTests
{
    private const string Files = """
        using System.IO;
        using System.Text.Json;
        using OpenAI.Files;
        """;

    [Fact]
    public Task LinesWrittenToAPathThenUploadedByPath_CarriesTheLines() => HitAsync(Code(Files, """
        public class Exporter(OpenAIFileClient files)
        {
            public async Task ExportAsync(IEnumerable<Customer> customers, string folder)
            {
                var path = Path.Combine(folder, "train.jsonl");
                var lines = customers.Select(c => JsonSerializer.Serialize(new { prompt = "Contact?", completion = c.Email }));
                await File.WriteAllLinesAsync(path, lines);
                await files.UploadFileAsync({|#0:path|}, FileUploadPurpose.FineTune);
            }
        }
        """), Descriptors.FTP0002_DataAboveFineTuningCeiling);

    [Fact]
    public Task APathOtherThanTheUploadedOne_NoDiagnostic() => CleanAsync(Code(Files, """
        public class Exporter(OpenAIFileClient files)
        {
            public async Task ExportAsync(IEnumerable<Customer> customers, string folder)
            {
                var audit = Path.Combine(folder, "audit.jsonl");
                var train = Path.Combine(folder, "train.jsonl");
                await File.WriteAllLinesAsync(audit, customers.Select(c => c.Email));
                await File.WriteAllLinesAsync(train, customers.Select(c => "Segment question " + c.Id));
                await files.UploadFileAsync(train, FileUploadPurpose.FineTune);
            }
        }
        """));

    [Fact]
    public Task StreamWriterOpenedOnThePath_TheReadStreamCarriesIt() => HitAsync(Code(Files, """
        public class Exporter(OpenAIFileClient files)
        {
            public void Export(IEnumerable<Order> orders)
            {
                const string path = "orders.jsonl";
                using (var writer = new StreamWriter(path))
                {
                    foreach (var order in orders)
                    {
                        writer.WriteLine(JsonSerializer.Serialize(order));
                    }
                }

                using var upload = File.OpenRead(path);
                files.UploadFile({|#0:upload|}, "orders.jsonl", FileUploadPurpose.FineTune);
            }
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task FileStreamAndWriterOnThePath_UploadedByTheSameExpression() => HitAsync(Code(Files, """
        public class Exporter(OpenAIFileClient files, string folder)
        {
            public void Export(IEnumerable<Ticket> tickets)
            {
                using (var stream = File.Create(Path.Combine(folder, "tickets.jsonl")))
                using (var writer = new StreamWriter(stream))
                {
                    foreach (var ticket in tickets)
                    {
                        writer.WriteLine(ticket.Body);
                    }
                }

                files.UploadFile({|#0:Path.Combine(folder, "tickets.jsonl")|}, FileUploadPurpose.FineTune);
            }
        }
        """), Descriptors.FTP0002_DataAboveFineTuningCeiling);

    [Fact]
    public Task PathFieldWrittenInOneMethodUploadedInAnother_CarriesIt() => HitAsync(Code(Files, """
        public class Exporter(OpenAIFileClient files)
        {
            private readonly string _datasetPath = Path.Combine(Path.GetTempPath(), "support.jsonl");

            public void Write(IEnumerable<Customer> customers) =>
                File.AppendAllLines(_datasetPath, customers.Select(c => c.Name + " <" + c.Email + ">"));

            public Task UploadAsync() => files.UploadFileAsync({|#0:_datasetPath|}, FileUploadPurpose.FineTune);
        }
        """), Descriptors.FTP0002_DataAboveFineTuningCeiling);

    [Fact]
    public Task ConstantPathWrittenInOneClassUploadedInAnother_CarriesIt() => HitAsync(Code(Files, """
        public static class Dataset
        {
            public const string Path = "finetune/train.jsonl";
        }

        public class Writer
        {
            public void Write(IEnumerable<Customer> customers) => File.WriteAllText(Dataset.Path, string.Join("\n", customers.Select(c => c.Ssn)));
        }

        public class Uploader(OpenAIFileClient files)
        {
            public void Upload() => files.UploadFile({|#0:Dataset.Path|}, FileUploadPurpose.FineTune);
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task ConstantPathWrittenWithPublicDataOnly_NoDiagnostic() => CleanAsync(Code(Files, """
        public static class Dataset
        {
            public const string Path = "finetune/train.jsonl";
        }

        public class Writer
        {
            public void Write(IEnumerable<Customer> customers) => File.WriteAllText(Dataset.Path, string.Join("\n", customers.Select(c => "id " + c.Id)));
            public void Audit(IEnumerable<Customer> customers) => File.WriteAllText("finetune/audit.txt", string.Join("\n", customers.Select(c => c.Ssn)));
        }

        public class Uploader(OpenAIFileClient files)
        {
            public void Upload() => files.UploadFile(Dataset.Path, FileUploadPurpose.FineTune);
        }
        """));

    [Fact]
    public Task DatasetExporterService_EndToEnd() => HitAsync(Code(Files, """
        public interface ITicketStore
        {
            IAsyncEnumerable<Ticket> ResolvedAsync();
        }

        public sealed class FineTuneOptions
        {
            public string WorkFolder { get; set; } = "/tmp";
        }

        public sealed class DatasetExporter(ITicketStore store, OpenAIFileClient files, FineTuneOptions options)
        {
            private string DatasetFile => Path.Combine(options.WorkFolder, "support-train.jsonl");

            public async Task<string> RunAsync()
            {
                var path = DatasetFile;
                File.Delete(path);
                await foreach (var ticket in store.ResolvedAsync())
                {
                    var line = JsonSerializer.Serialize(new
                    {
                        messages = new object[]
                        {
                            new { role = "user", content = ticket.Subject },
                            new { role = "assistant", content = ticket.Body },
                        },
                    });
                    await File.AppendAllTextAsync(path, line + "\n");
                }

                var file = await files.UploadFileAsync({|#0:path|}, FileUploadPurpose.FineTune);
                return file.Value.Id;
            }
        }
        """), Descriptors.FTP0002_DataAboveFineTuningCeiling);
}
