namespace FineTunePolicy.EndToEnd.Tests.Infrastructure;

public static class Text
{
    /// <summary>The 1-based line and column where <paramref name="marker"/> starts in the file; fails when absent or repeated.</summary>
    public static (int Line, int Column) Position(string file, string marker)
    {
        var lines = File.ReadAllLines(file);
        var hits = lines.Select((text, index) => (Index: index, Column: text.IndexOf(marker, StringComparison.Ordinal)))
            .Where(h => h.Column >= 0)
            .ToList();
        Assert.True(hits.Count == 1, $"'{marker}' occurs {hits.Count} times in {file}.");
        return (hits[0].Index + 1, hits[0].Column + 1);
    }
}
