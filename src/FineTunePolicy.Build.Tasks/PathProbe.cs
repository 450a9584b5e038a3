using System;
using System.IO;
using FineTunePolicy.Build.Tasks.Diagnostics;
#if NET
using System.Runtime.InteropServices;
#endif

namespace FineTunePolicy.Build.Tasks
{
    /// <summary>What a path names on disk.</summary>
    internal enum PathKind
    {
        /// <summary>Nothing: neither the path nor a broken link of that name exists.</summary>
        Missing,

        /// <summary>A file (or a link that resolves to one).</summary>
        File,

        /// <summary>A folder.</summary>
        Directory,

        /// <summary>
        /// Something is there, but it cannot be opened as a file: a dangling or looping symbolic link, a named pipe or a
        /// socket (opening one waits for a writer), a parent that is a file, or a folder that cannot be listed.
        /// </summary>
        Unusable,
    }

    /// <summary>
    /// Tells a missing policy file from one that is there but cannot be used. File.Exists alone answers false for both,
    /// and a missing manifest only warns: a manifest that exists but cannot be read must never be mistaken for none.
    /// </summary>
    internal static class PathProbe
    {
        public static PathKind Probe(string path, out string? reason)
        {
            reason = null;
            if (File.Exists(path))
            {
#if NET
                // .NET on Unix answers true for a symbolic link whose target is missing.
                var info = new FileInfo(path);
                if (info.LinkTarget != null)
                {
                    try
                    {
                        var target = info.ResolveLinkTarget(returnFinalTarget: true);
                        if (target == null || !target.Exists)
                        {
                            reason = Messages.DanglingLink;
                            return PathKind.Unusable;
                        }
                    }
                    catch (IOException)
                    {
                        reason = Messages.DanglingLink;
                        return PathKind.Unusable;
                    }
                }

                reason = UnixFileType.WhyNotAFile(path);
                if (reason != null)
                {
                    return PathKind.Unusable;
                }
#endif
                return PathKind.File;
            }

            if (Directory.Exists(path))
            {
                return PathKind.Directory;
            }

            var parent = Path.GetDirectoryName(path);
            for (var ancestor = parent; !string.IsNullOrEmpty(ancestor); ancestor = Path.GetDirectoryName(ancestor))
            {
                if (Directory.Exists(ancestor))
                {
                    break;
                }

                if (File.Exists(ancestor))
                {
                    reason = Messages.ParentIsAFile(ancestor);
                    return PathKind.Unusable;
                }
            }

            if (string.IsNullOrEmpty(parent) || !Directory.Exists(parent))
            {
                return PathKind.Missing;
            }

            // A directory entry of that name that is neither a file nor a folder: a symbolic link whose target is
            // missing, or one that loops.
            var name = Path.GetFileName(path);
            try
            {
                foreach (var entry in Directory.EnumerateFileSystemEntries(parent))
                {
                    if (string.Equals(Path.GetFileName(entry), name, StringComparison.Ordinal))
                    {
                        reason = Messages.DanglingLink;
                        return PathKind.Unusable;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is System.Security.SecurityException)
            {
                reason = Messages.FolderNotListable(parent, ex);
                return PathKind.Unusable;
            }

            return PathKind.Missing;
        }

#if NET
        /// <summary>
        /// The file type of stat(2), which .NET does not expose beyond folders and links: File.Exists is true for a named
        /// pipe, and opening one blocks until a writer comes, which would hang the build. Read through the runtime's own
        /// native shim (System.Native, present in every .NET host), whose status record starts with the flags and the
        /// mode. Devices are not refused here: they are read within PolicyFileLoader's size limit (/dev/zero is FTP1008).
        /// </summary>
        private static class UnixFileType
        {
            private const int TypeMask = 0xF000;
            private const int Fifo = 0x1000;
            private const int Socket = 0xC000;

            public static string? WhyNotAFile(string path)
            {
                if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                {
                    return null;
                }

                var status = Marshal.AllocHGlobal(1024);
                try
                {
                    if (Stat(path, status) != 0)
                    {
                        return null; // opening it reports what is wrong
                    }

                    switch (Marshal.ReadInt32(status, 4) & TypeMask)
                    {
                        case Fifo:
                            return Messages.NamedPipe;
                        case Socket:
                            return Messages.Socket;
                        default:
                            return null;
                    }
                }
                catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException)
                {
                    return null;
                }
                finally
                {
                    Marshal.FreeHGlobal(status);
                }
            }

            [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
            private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr status);
        }
#endif
    }
}
