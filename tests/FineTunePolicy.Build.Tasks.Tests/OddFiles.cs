using System.Runtime.InteropServices;

namespace FineTunePolicy.Build.Tasks.Tests;

/// <summary>Odd things to put where a policy file belongs: named pipes, links to devices, links that loop.</summary>
public static class OddFiles
{
    /// <summary>Whether this platform can make them (symbolic links need a privilege on Windows; named pipes are Unix only).</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatformGuard("windows")]
    public static bool Supported => !OperatingSystem.IsWindows();

    /// <summary>Replaces <paramref name="path"/> with a named pipe (FIFO) that nobody writes to: opening it for reading would wait forever.</summary>
    public static void MakeFifo(string path)
    {
        File.Delete(path);
        if (MkFifo(path, Convert.ToUInt32("644", 8)) != 0)
        {
            throw new IOException($"mkfifo {path} failed with errno {Marshal.GetLastWin32Error()}");
        }
    }

    /// <summary>Replaces <paramref name="path"/> with a symbolic link to <paramref name="target"/>.</summary>
    public static void Link(string path, string target)
    {
        File.Delete(path);
        File.CreateSymbolicLink(path, target);
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MkFifo(string path, uint mode);
}
