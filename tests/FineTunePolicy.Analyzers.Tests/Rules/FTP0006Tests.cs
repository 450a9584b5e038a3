using Telemetry = FineTunePolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<FineTunePolicy.Analyzers.SensitiveTelemetryAnalyzer>;
using static FineTunePolicy.Analyzers.Tests.Verifiers.RuleScenario;
using static FineTunePolicy.Analyzers.Tests.Verifiers.Scenario;

namespace FineTunePolicy.Analyzers.Tests.Rules;

/// <summary>FTP0006: GenAI telemetry that records content in a compilation that classifies data.</summary>
public class FTP0006Tests
{
    [Fact]
    public Task FTP0006_EnableSensitiveData_Reported() => Telemetry.VerifyAsync("""
        using Microsoft.Extensions.AI;
        public class Patient { [FineTunePolicy.Restricted] public string Diagnosis { get; set; } = ""; }
        public class Setup
        {
            public IChatClient Build(IChatClient inner) =>
                new ChatClientBuilder(inner).UseOpenTelemetry(configure: c => {|#0:c.EnableSensitiveData = true|}).Build();
        }
        """, Telemetry.Diagnostic(Descriptors.FTP0006_SensitiveTelemetryEnabled).WithLocation(0).WithArguments("'OpenTelemetryChatClient.EnableSensitiveData = true'"));

    [Fact]
    public Task FTP0006_SemanticKernelSwitch_Reported() => Telemetry.VerifyAsync("""
        public record Patient([FineTunePolicy.Confidential] string Name);
        public class Setup
        {
            public void Configure() => {|#0:System.AppContext.SetSwitch("Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnosticsSensitive", true)|};
        }
        """, Telemetry.Diagnostic(Descriptors.FTP0006_SensitiveTelemetryEnabled).WithLocation(0)
            .WithArguments("'AppContext.SetSwitch(\"Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnosticsSensitive\", true)'"));

    [Fact]
    public Task FTP0006_EnableSensitiveDataFalse_NoDiagnostic() => Telemetry.VerifyAsync("""
        using Microsoft.Extensions.AI;
        public class Patient { [FineTunePolicy.Restricted] public string Diagnosis { get; set; } = ""; }
        public class Setup
        {
            public IChatClient Build(IChatClient inner) =>
                new ChatClientBuilder(inner).UseOpenTelemetry(configure: c => c.EnableSensitiveData = false).Build();
        }
        """);

    [Fact]
    public Task FTP0006_CompilationThatClassifiesNothing_NoDiagnostic() => Telemetry.VerifyAsync("""
        using Microsoft.Extensions.AI;
        public class Setup
        {
            public IChatClient Build(IChatClient inner) =>
                new ChatClientBuilder(inner).UseOpenTelemetry(configure: c => c.EnableSensitiveData = true).Build();
        }
        """);
}
