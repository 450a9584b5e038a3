using static FineTunePolicy.Analyzers.Tests.Verifiers.Scenario;

namespace FineTunePolicy.Analyzers.Tests.Flow;

/// <summary>Writers, streams, buffers, builders and interpolated-string handlers (issue 11, bullet 2).</summary>
public class WriterFlowTests
{
    private const string Files = """
        using System.IO;
        using System.Buffers;
        using System.Globalization;
        using System.Runtime.CompilerServices;
        using System.Text.Json;
        using System.Text.Json.Nodes;
        using OpenAI.Chat;
        using OpenAI.Files;
        """;

    [Fact]
    public Task StreamWriterOverMemoryStream_TheStreamCarriesWhatIsWritten() => HitAsync(Code(Files, """
        public class Exporter(OpenAIFileClient files)
        {
            public async Task ExportAsync(IEnumerable<Ticket> tickets)
            {
                using var ms = new MemoryStream();
                using (var writer = new StreamWriter(ms, leaveOpen: true))
                {
                    foreach (var ticket in tickets)
                    {
                        await writer.WriteLineAsync(JsonSerializer.Serialize(new { prompt = ticket.Subject, completion = ticket.Body }));
                    }
                }

                ms.Position = 0;
                await files.UploadFileAsync({|#0:ms|}, "train.jsonl", FileUploadPurpose.FineTune);
            }
        }
        """), Descriptors.FTP0002_DataAboveFineTuningCeiling);

    [Fact]
    public Task WriterOverADifferentStream_NoDiagnostic() => CleanAsync(Code(Files, """
        public class Exporter(OpenAIFileClient files)
        {
            public async Task ExportAsync(IEnumerable<Ticket> tickets)
            {
                using var audit = new MemoryStream();
                using var upload = new MemoryStream();
                using var writer = new StreamWriter(audit);
                foreach (var ticket in tickets)
                {
                    await writer.WriteLineAsync(ticket.Body);
                }

                await files.UploadFileAsync(upload, "train.jsonl", FileUploadPurpose.FineTune);
            }
        }
        """));

    [Fact]
    public Task StringWriterOverStringBuilder_BothWays() => HitAsync(Code(Files, """
        public class Bot
        {
            public void Run(ChatClient chat, Customer customer)
            {
                var sb = new StringBuilder();
                var writer = new StringWriter(sb);
                writer.Write(customer.Email);
                chat.CompleteChat({|#0:sb.ToString()|});
            }
        }
        """), Descriptors.FTP0003_DataAboveInferenceCeiling);

    [Fact]
    public Task Utf8JsonWriterOverArrayBufferWriter_WrittenMemoryCarriesIt() => HitAsync(Code(Files, """
        public class Exporter(OpenAIFileClient files)
        {
            public void Export(Customer customer)
            {
                var buffer = new ArrayBufferWriter<byte>();
                using (var json = new Utf8JsonWriter(buffer))
                {
                    json.WriteStartObject();
                    json.WriteString("prompt", customer.Ssn);
                    json.WriteEndObject();
                }

                files.UploadFile({|#0:BinaryData.FromBytes(buffer.WrittenMemory)|}, "train.jsonl", FileUploadPurpose.FineTune);
            }
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task SerializerWritingIntoAWriter_TheBufferCarriesTheObject() => HitAsync(Code(Files, """
        public class Exporter(OpenAIFileClient files)
        {
            public void Export(Order order)
            {
                var buffer = new ArrayBufferWriter<byte>();
                using var json = new Utf8JsonWriter(buffer);
                JsonSerializer.Serialize(json, order);
                json.Flush();
                files.UploadFile({|#0:BinaryData.FromBytes(buffer.WrittenSpan.ToArray())|}, "train.jsonl", FileUploadPurpose.FineTune);
            }
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task StringBuilderAppendInterpolated_CarriesTheHoles() => HitAsync(Code(Files, """
        public class Bot
        {
            public void Run(ChatClient chat, Customer customer)
            {
                var sb = new StringBuilder();
                sb.AppendLine($"Customer: {customer.Name}");
                sb.Append($"SSN: {customer.Ssn}");
                chat.CompleteChat({|#0:sb.ToString()|});
            }
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task StringBuilderAppendInterpolatedPublicParts_NoDiagnostic() => CleanAsync(Code(Files, """
        public class Bot
        {
            public void Run(ChatClient chat, Customer customer)
            {
                var sb = new StringBuilder();
                sb.AppendLine($"Customer: {customer.Name}");
                sb.Append($"Id: {customer.Id}");
                chat.CompleteChat(sb.ToString());
            }
        }
        """));

    [Fact]
    public Task StringCreateWithProvider_CarriesTheHoles() => HitAsync(Code(Files, """
        public class Bot
        {
            public void Run(ChatClient chat, Customer customer) =>
                chat.CompleteChat({|#0:string.Create(CultureInfo.InvariantCulture, $"Mail {customer.Email}")|});
        }
        """), Descriptors.FTP0003_DataAboveInferenceCeiling);

    [Fact]
    public Task DefaultInterpolatedStringHandler_CarriesWhatIsAppended() => HitAsync(Code(Files, """
        public class Bot
        {
            public void Run(ChatClient chat, Customer customer)
            {
                var handler = new DefaultInterpolatedStringHandler(5, 1);
                handler.AppendLiteral("SSN: ");
                handler.AppendFormatted(customer.Ssn);
                chat.CompleteChat({|#0:handler.ToStringAndClear()|});
            }
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task UserInterpolatedStringHandler_CarriesTheHoles() => HitAsync(Code(Files, """
        [InterpolatedStringHandler]
        public ref struct PromptHandler
        {
            private readonly StringBuilder _text;

            public PromptHandler(int literalLength, int formattedCount) => _text = new StringBuilder(literalLength);

            public void AppendLiteral(string value) => _text.Append(value);

            public void AppendFormatted<T>(T value) => _text.Append(value);

            public override string ToString() => _text.ToString();
        }

        public static class Prompt
        {
            public static string Of(ref PromptHandler handler) => handler.ToString();
        }

        public class Bot
        {
            public void Run(ChatClient chat, Customer customer) => chat.CompleteChat({|#0:Prompt.Of($"Reach me at {customer.Email}")|});
        }
        """), Descriptors.FTP0003_DataAboveInferenceCeiling);

    [Fact]
    public Task JsonNodes_CarryTheirValues() => HitAsync(Code(Files, """
        public class Exporter(OpenAIFileClient files)
        {
            public void Export(IEnumerable<Customer> customers)
            {
                var lines = new JsonArray();
                foreach (var customer in customers)
                {
                    var line = new JsonObject { ["prompt"] = "Who is this?" };
                    line["completion"] = customer.Email;
                    lines.Add(line);
                }

                files.UploadFile({|#0:BinaryData.FromString(lines.ToJsonString())|}, "train.jsonl", FileUploadPurpose.FineTune);
            }
        }
        """), Descriptors.FTP0002_DataAboveFineTuningCeiling);

    [Fact]
    public Task JsonNodesWithPublicValues_NoDiagnostic() => CleanAsync(Code(Files, """
        public class Exporter(OpenAIFileClient files)
        {
            public void Export(IEnumerable<Customer> customers)
            {
                var lines = new JsonArray();
                foreach (var customer in customers)
                {
                    lines.Add(new JsonObject { ["prompt"] = "Which segment?", ["id"] = customer.Id });
                }

                files.UploadFile(BinaryData.FromString(lines.ToJsonString()), "train.jsonl", FileUploadPurpose.FineTune);
            }
        }
        """));

    [Fact]
    public Task HelperWritingIntoAGivenTextWriter_TheCallersStreamCarriesIt() => HitAsync(Code(Files, """
        public static class Jsonl
        {
            public static async Task WriteAsync(TextWriter output, Ticket ticket) =>
                await output.WriteLineAsync(JsonSerializer.Serialize(ticket));
        }

        public class Exporter(OpenAIFileClient files)
        {
            public async Task ExportAsync(IReadOnlyList<Ticket> tickets)
            {
                var ms = new MemoryStream();
                var writer = new StreamWriter(ms);
                foreach (var ticket in tickets)
                {
                    await Jsonl.WriteAsync(writer, ticket);
                }

                await writer.FlushAsync();
                await files.UploadFileAsync({|#0:BinaryData.FromBytes(ms.ToArray())|}, "train.jsonl", FileUploadPurpose.FineTune);
            }
        }
        """), Descriptors.FTP0002_DataAboveFineTuningCeiling);

    [Fact]
    public Task HelperWrappingTheGivenStream_TheCallersStreamCarriesIt() => HitAsync(Code(Files, """
        public static class Jsonl
        {
            public static void Write(Stream target, IEnumerable<Customer> customers)
            {
                using var writer = new StreamWriter(target, leaveOpen: true);
                foreach (var customer in customers)
                {
                    writer.WriteLine(customer.Ssn);
                }
            }
        }

        public class Exporter(OpenAIFileClient files)
        {
            public void Export(IEnumerable<Customer> customers)
            {
                var ms = new MemoryStream();
                Jsonl.Write(ms, customers);
                ms.Position = 0;
                files.UploadFile({|#0:ms|}, "train.jsonl", FileUploadPurpose.FineTune);
            }
        }
        """), Descriptors.FTP0001_RestrictedDataReachesLlm);

    [Fact]
    public Task HelperWritingOnlyPublicDataIntoAGivenWriter_NoDiagnostic() => CleanAsync(Code(Files, """
        public static class Jsonl
        {
            public static void Write(TextWriter output, Customer customer) => output.WriteLine($"{{\"id\": {customer.Id}}}");
        }

        public class Exporter(OpenAIFileClient files)
        {
            public void Export(IEnumerable<Customer> customers)
            {
                var ms = new MemoryStream();
                var writer = new StreamWriter(ms);
                foreach (var customer in customers)
                {
                    Jsonl.Write(writer, customer);
                }

                writer.Flush();
                files.UploadFile(BinaryData.FromBytes(ms.ToArray()), "train.jsonl", FileUploadPurpose.FineTune);
            }
        }
        """));

    [Fact]
    public Task DatasetExporterWithWriterField_EndToEnd() => HitAsync(Code(Files, """
        public sealed class TrainingSetWriter : IDisposable
        {
            private readonly MemoryStream _buffer = new();
            private readonly StreamWriter _writer;

            public TrainingSetWriter() => _writer = new StreamWriter(_buffer);

            public void Add(Ticket ticket) =>
                _writer.WriteLine(JsonSerializer.Serialize(new { messages = new[] { new { role = "user", content = ticket.Subject }, new { role = "assistant", content = ticket.Body } } }));

            public BinaryData ToBinaryData()
            {
                _writer.Flush();
                return BinaryData.FromBytes(_buffer.ToArray());
            }

            public void Dispose() => _writer.Dispose();
        }

        public sealed class FineTuneJobService(OpenAIFileClient files)
        {
            public async Task<string> PrepareAsync(IEnumerable<Ticket> resolved)
            {
                using var set = new TrainingSetWriter();
                foreach (var ticket in resolved)
                {
                    set.Add(ticket);
                }

                var file = await files.UploadFileAsync({|#0:set.ToBinaryData()|}, "support.jsonl", FileUploadPurpose.FineTune);
                return file.Value.Id;
            }
        }
        """), Descriptors.FTP0002_DataAboveFineTuningCeiling);
}
