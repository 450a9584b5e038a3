namespace FineTunePolicy.Build.Tasks.Tests;

/// <summary>Which file an error case expects the diagnostic in.</summary>
public enum Where
{
    Manifest,
    AllowList,
    Project,
    GlobalConfig,
}

/// <summary>
/// One bad input: how to break the compliant policies, and the one diagnostic expected. The position is the first
/// occurrence of <see cref="Marker"/> (after <see cref="After"/>) in the broken file; a null marker means line 0,
/// column 0 (the whole file).
/// </summary>
public sealed record ErrorCase(
    string Name,
    string Code,
    Where File,
    string? Marker,
    string? After = null,
    Func<string, string>? Manifest = null,
    Func<string, string>? AllowList = null,
    Action<TaskFixture>? Arrange = null,
    bool IsWarning = false)
{
    public override string ToString() => Name;
}
