using Verify = FineTunePolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<FineTunePolicy.Analyzers.ClassifiedDataFlowAnalyzer>;
using static FineTunePolicy.Analyzers.Tests.Verifiers.RuleScenario;
using static FineTunePolicy.Analyzers.Tests.Verifiers.Scenario;

namespace FineTunePolicy.Analyzers.Tests.Rules;

/// <summary>FTP0002: data above the fine-tuning ceiling reaches a fine-tuning sink.</summary>
public class FTP0002Tests
{
    [Fact]
    public Task FTP0002_ConfidentialInFineTuningUpload_Reports() =>
        HitAsync(Method("""files.UploadFile({|#0:BinaryData.FromString(c.Email)|}, "train.jsonl", FileUploadPurpose.FineTune);"""),
            Descriptors.FTP0002_DataAboveFineTuningCeiling);

    [Fact]
    public Task FTP0002_InternalInFineTuningUpload_Reports() =>
        HitAsync(Method("""files.UploadFile({|#0:BinaryData.FromString(c.Segment)|}, "train.jsonl", FileUploadPurpose.FineTune);"""),
            Descriptors.FTP0002_DataAboveFineTuningCeiling);

    [Fact]
    public Task FTP0002_PublicInFineTuningUpload_NoDiagnostic() =>
        CleanAsync(Method("""files.UploadFile(BinaryData.FromString(c.Name + c.Id), "train.jsonl", FileUploadPurpose.FineTune);"""));

    [Fact]
    public Task FTP0002_InternalWithinManifestFineTuningCeiling_NoDiagnostic() =>
        CleanAsync(Method("""files.UploadFile(BinaryData.FromString(c.Segment), "train.jsonl", FileUploadPurpose.FineTune);"""), Policies.Manifest);
}
