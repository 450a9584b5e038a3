namespace FineTunePolicy.Build.Tasks.Tests;

/// <summary>
/// Every error path: bad input in, exactly one diagnostic out with its code, file, line, column and message;
/// Execute() returns false without throwing, and no global config, audit record or stamp remains.
/// </summary>
public sealed class ErrorPathTests
{
    [Theory]
    [MemberData(nameof(ErrorCases.Data), MemberType = typeof(ErrorCases))]
    public void BadInput_FailsClosedWithOneDiagnostic(ErrorCase errorCase)
    {
        using var fixture = new TaskFixture();
        var manifest = errorCase.Manifest?.Invoke(Policies.Manifest) ?? Policies.Manifest;
        var allowList = errorCase.AllowList?.Invoke(Policies.AllowList) ?? Policies.AllowList;
        fixture.WriteManifest(manifest);
        fixture.WriteAllowList(allowList);
        fixture.AddPackage("OpenAI", "2.15.0");
        fixture.SeedStaleOutputs();
        errorCase.Arrange?.Invoke(fixture);

        var result = true;
        var exception = Record.Exception(() => result = fixture.Run());

        Assert.Null(exception);
        Assert.False(result);
        var logged = Assert.Single(fixture.Engine.Logged);
        Assert.True(logged.IsError, "strict mode or an error condition must log an error");
        Assert.Equal(errorCase.Code, logged.Code);
        Assert.Equal($"https://github.com/finetunepolicy/finetunepolicy/blob/main/docs/rules/{errorCase.Code}.md", logged.HelpLink);
        var expectedFile = errorCase.File switch
        {
            Where.Manifest => fixture.ManifestPath,
            Where.AllowList => fixture.AllowListPath,
            Where.GlobalConfig => fixture.GlobalConfigPath,
            _ => fixture.ProjectPath,
        };
        Assert.Equal(expectedFile, logged.File);
        var expectedPosition = errorCase.Marker == null
            ? (0, 0)
            : Policies.Position(errorCase.File == Where.AllowList ? allowList : manifest, errorCase.Marker, errorCase.After);
        Assert.Equal(expectedPosition, (logged.Line, logged.Column));
        Assert.Equal(ExpectedMessages.For(errorCase.Name, fixture), logged.Message);
        Assert.False(File.Exists(fixture.GlobalConfigPath), "the global config must be deleted");
        Assert.False(File.Exists(fixture.AuditPath), "the audit record must be deleted");
        Assert.False(File.Exists(fixture.StampPath), "the stamp must be deleted");
        Assert.Empty(fixture.LastTask!.GeneratedFiles);
    }

    [Fact]
    public void EveryTaskCode_HasAnErrorCase()
    {
        var codes = typeof(ValidateFineTunePolicy).Assembly.GetType("FineTunePolicy.Build.Tasks.Diagnostics.Codes")!
            .GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        var covered = ErrorCases.All.Select(c => c.Code).Concat(SuppressionAuditTests.CoveredCodes).ToHashSet();
        Assert.Empty(codes.Except(covered));
    }
}
