using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FineTunePolicy.Tool.Report;

/// <summary>report.json: the model as JSON (docs/schemas/report.schema.json), and a previous report read back as a baseline.</summary>
internal static class ReportJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(ReportModel model)
    {
        var json = JsonSerializer.Serialize(model, Options);
        return json + "\n";
    }

    public static ReportModel ReadBaseline(string path)
    {
        using var document = SarifLogReader.ReadJson(path, path, "baseline report");
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("formatVersion", out var format) || !format.TryGetInt32(out var version))
        {
            throw new ToolError($"{path}: the baseline is not a report.json written by finetune-policy report (no 'formatVersion').");
        }

        if (version > ReportModel.CurrentFormat)
        {
            throw new ToolError($"{path}: the baseline report has format {version}, written by a newer finetune-policy; this tool reads format "
                + $"{ReportModel.CurrentFormat}. Update the tool (dotnet tool update FineTunePolicy.Tool).");
        }

        try
        {
            return root.Deserialize<ReportModel>(Options) ?? throw new JsonException("empty");
        }
        catch (JsonException ex)
        {
            throw new ToolError($"{path}: the baseline report does not have the shape of format {ReportModel.CurrentFormat} ({ex.Message.Split(" Path:")[0]}). "
                + $"Produce it again with finetune-policy report.");
        }
    }

    public static byte[] Bytes(string text) => new UTF8Encoding(false).GetBytes(text);
}
