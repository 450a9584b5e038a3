using System.Runtime.InteropServices;

namespace FineTunePolicy.EndToEnd.Tests.Infrastructure;

/// <summary>Odd things to put where a policy file belongs (Unix): a named pipe, a symbolic link.</summary>
public static class OddFiles
{
    [System.Runtime.Versioning.UnsupportedOSPlatformGuard("windows")]
    public static bool Supported => !OperatingSystem.IsWindows();

    /// <summary>Replaces <paramref name="path"/> with a named pipe that nobody writes to: opening it for reading would wait forever.</summary>
    public static void MakeFifo(string path)
    {
        Clear(path);
        if (MkFifo(path, Convert.ToUInt32("644", 8)) != 0)
        {
            throw new IOException($"mkfifo {path} failed with errno {Marshal.GetLastWin32Error()}");
        }
    }

    /// <summary>Replaces <paramref name="path"/> with a symbolic link to <paramref name="target"/>.</summary>
    public static void Link(string path, string target)
    {
        Clear(path);
        File.CreateSymbolicLink(path, target);
    }

    /// <summary>Removes whatever is at <paramref name="path"/>: a file, a link (not its target), a pipe or a folder.</summary>
    public static void Clear(string path)
    {
        if (Directory.Exists(path) && new DirectoryInfo(path).LinkTarget == null)
        {
            Directory.Delete(path, recursive: true);
        }
        else
        {
            File.Delete(path);
        }
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MkFifo(string path, uint mode);
}
