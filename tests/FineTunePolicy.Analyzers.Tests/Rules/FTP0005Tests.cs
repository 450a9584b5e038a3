using Justification = FineTunePolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<FineTunePolicy.Analyzers.DeclassifiesJustificationAnalyzer>;
using static FineTunePolicy.Analyzers.Tests.Verifiers.RuleScenario;
using static FineTunePolicy.Analyzers.Tests.Verifiers.Scenario;

namespace FineTunePolicy.Analyzers.Tests.Rules;

/// <summary>FTP0005: a [Declassifies] without a justification.</summary>
public class FTP0005Tests
{
    [Fact]
    public Task FTP0005_MissingJustification_ReportedOnAttribute() => Justification.VerifyAsync("""
        using FineTunePolicy;
        public static class Mask
        {
            [{|#0:Declassifies(DataClass.Public)|}]
            public static string Hide(string value) => "***";
        }
        """, Justification.Diagnostic(Descriptors.FTP0005_DeclassifiesNeedsJustification).WithLocation(0).WithArguments("DataClass.Public", "Mask.Hide"));

    [Fact]
    public Task FTP0005_WhiteSpaceJustification_Reported() => Justification.VerifyAsync("""
        using FineTunePolicy;
        public static class Mask
        {
            [{|#0:Declassifies(DataClass.Internal, Justification = "  ")|}]
            public static string Hide(string value) => "***";
        }
        """, Justification.Diagnostic(Descriptors.FTP0005_DeclassifiesNeedsJustification).WithLocation(0).WithArguments("DataClass.Internal", "Mask.Hide"));

    [Fact]
    public Task FTP0005_WithJustification_NoDiagnostic() => Justification.VerifyAsync("""
        using FineTunePolicy;
        public static class Mask
        {
            [Declassifies(DataClass.Public, Justification = "Replaces the value by asterisks")]
            public static string Hide(string value) => "***";
        }
        """);
}
