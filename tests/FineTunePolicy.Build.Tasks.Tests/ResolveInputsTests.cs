using System.Diagnostics;

namespace FineTunePolicy.Build.Tasks.Tests;

/// <summary>
/// ResolveFineTunePolicyInputs lists the files whose change must re-run the validation (the manifest and the
/// allow-list it names) through the same loader as the validation: odd paths neither hang nor fail it, since the
/// validation reports them with their codes.
/// </summary>
public sealed class ResolveInputsTests : IDisposable
{
    private readonly TaskFixture _fixture = new();

    public ResolveInputsTests()
    {
        _fixture.WriteManifest(Policies.Manifest);
        _fixture.WriteAllowList(Policies.AllowList);
    }

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Manifest_ListsItselfAndTheAllowListItNames()
    {
        var task = Resolve();

        Assert.Equal(new[] { _fixture.ManifestPath, _fixture.AllowListPath }, task.Inputs.Select(i => i.ItemSpec));
        Assert.Equal(_fixture.ManifestPath, task.ManifestFullPath);
        Assert.Equal(_fixture.AllowListPath, task.AllowListFullPath);
        Assert.True(task.ManifestFound);
    }

    [Fact]
    public void AllowListProperty_WinsOverTheManifest_AndIsListedEvenWhenMissing()
    {
        var task = Resolve(allowList: "../policy/ci-allow-list.json");

        Assert.Equal(new[] { _fixture.ManifestPath, Path.Combine(_fixture.Root, "policy", "ci-allow-list.json") }, task.Inputs.Select(i => i.ItemSpec));
    }

    [Fact]
    public void ManifestProperty_IsRelativeToTheProject_AndItsAllowListToTheManifest()
    {
        Directory.CreateDirectory(Path.Combine(_fixture.Root, "shared"));
        File.WriteAllText(Path.Combine(_fixture.Root, "shared", "m.json"),
            Policies.Manifest.ReplaceOnce("\"../policy/allow-list.json\"", "\"rules/allow.json\""));

        var task = Resolve(manifest: "../shared/m.json");

        Assert.Equal(new[] { Path.Combine(_fixture.Root, "shared", "m.json"), Path.Combine(_fixture.Root, "shared", "rules", "allow.json") },
            task.Inputs.Select(i => i.ItemSpec));
    }

    [Fact]
    public void MissingManifest_IsListedSoThatTheCheckRunsOnEveryBuild()
    {
        File.Delete(_fixture.ManifestPath);

        var task = Resolve();

        Assert.Equal(new[] { _fixture.ManifestPath }, task.Inputs.Select(i => i.ItemSpec));
        Assert.False(task.ManifestFound);
        Assert.Equal(string.Empty, task.AllowListFullPath);
    }

    [Fact]
    public void ManifestWithoutJsonSyntax_ListsOnlyItself_AndLeavesTheErrorToTheValidation()
    {
        _fixture.WriteManifest("{ \"allowList\": \"../policy/allow-list.json\" ");

        var task = Resolve();

        Assert.Equal(new[] { _fixture.ManifestPath }, task.Inputs.Select(i => i.ItemSpec));
        Assert.True(task.ManifestFound);
    }

    public static TheoryData<string> OddManifests => new() { "dangling link", "self-loop link", "two-link loop", "fifo", "/dev/zero", "directory" };

    [Theory]
    [MemberData(nameof(OddManifests))]
    public void OddManifest_IsListedWithoutHangingOrFailing(string odd)
    {
        if (!OddFiles.Supported && odd != "directory")
        {
            return;
        }

        var manifest = _fixture.ManifestPath;
        switch (odd)
        {
            case "dangling link": OddFiles.Link(manifest, Path.Combine(_fixture.Root, "gone.json")); break;
            case "self-loop link": OddFiles.Link(manifest, manifest); break;
            case "two-link loop": OddFiles.Link(manifest, manifest + ".2"); OddFiles.Link(manifest + ".2", manifest); break;
            case "fifo": OddFiles.MakeFifo(manifest); break;
            case "/dev/zero": OddFiles.Link(manifest, "/dev/zero"); break;
            default: File.Delete(manifest); Directory.CreateDirectory(manifest); break;
        }

        var watch = Stopwatch.StartNew();
        var task = Resolve();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Empty(_fixture.Engine.Logged);
        Assert.Equal(new[] { manifest }, task.Inputs.Select(i => i.ItemSpec));
        Assert.True(task.ManifestFound, "something is at the path, so the validation must report it instead of falling back to the defaults");

        // The validation reads the same path and reports it with a code, never hanging either.
        Assert.False(_fixture.Run());
        Assert.Matches("^FTP10(04|08|09)$", Assert.Single(_fixture.Engine.Logged).Code);
    }

    private ResolveFineTunePolicyInputs Resolve(string? manifest = null, string? allowList = null)
    {
        var task = new ResolveFineTunePolicyInputs
        {
            BuildEngine = _fixture.Engine,
            ProjectPath = _fixture.ProjectPath,
            ManifestPath = manifest,
            AllowListPath = allowList,
        };
        Assert.True(task.Execute(), string.Join("\n", _fixture.Engine.Logged));
        return task;
    }
}
