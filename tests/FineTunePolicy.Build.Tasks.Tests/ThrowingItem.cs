using System.Collections;
using Microsoft.Build.Framework;

namespace FineTunePolicy.Build.Tasks.Tests;

/// <summary>A package item from a misbehaving host: reading its metadata throws, which the task does not expect.</summary>
public sealed class ThrowingItem : ITaskItem
{
    public string ItemSpec { get => "OpenAI"; set { } }

    public ICollection MetadataNames => Array.Empty<string>();

    public int MetadataCount => 0;

    public IDictionary CloneCustomMetadata() => new Hashtable();

    public void CopyMetadataTo(ITaskItem destinationItem)
    {
    }

    public string GetMetadata(string metadataName) => throw new InvalidOperationException("metadata store is closed");

    public void RemoveMetadata(string metadataName)
    {
    }

    public void SetMetadata(string metadataName, string metadataValue)
    {
    }
}
