using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using FineTunePolicy.Build.Tasks.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace FineTunePolicy.Build.Tasks
{
    /// <summary>
    /// The shell of every FineTunePolicy task: nothing escapes <see cref="Execute"/> (never MSB4018; an
    /// unexpected exception becomes FTP1999 naming the file being worked on), and any failure, reported or
    /// unexpected, deletes the task's outputs, so that an incremental build cannot skip the check next time.
    /// It also holds what the tasks share: logging with code, position and help link, and writing outputs only
    /// when their content changes.
    /// </summary>
    public abstract class FailClosedTask : Task
    {
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);

        /// <summary>The project file (MSBuildProjectFullPath).</summary>
        [Required]
        public string ProjectPath { get; set; } = string.Empty;

        /// <summary>The file being worked on, named by FTP1999 if something unexpected happens.</summary>
        protected string CurrentFile { get; set; } = string.Empty;

        /// <summary>What the task was doing, for FTP1999: "processing", "auditing suppressions in".</summary>
        protected abstract string Activity { get; }

        /// <summary>What failing closed means for this task, for FTP1999.</summary>
        protected abstract string Consequence { get; }

        /// <summary>The step that failed, for the message when an output cannot be deleted: "validation".</summary>
        protected abstract string Step { get; }

        /// <summary>The files this task writes, deleted whenever it fails; null entries are skipped.</summary>
        protected virtual IEnumerable<string?> OutputFiles => Enumerable.Empty<string?>();

        /// <summary>The folder of <see cref="ProjectPath"/>, against which relative paths are resolved.</summary>
        protected string ProjectDirectory => Path.GetDirectoryName(Path.GetFullPath(ProjectPath)) ?? Directory.GetCurrentDirectory();

        /// <inheritdoc />
        public sealed override bool Execute()
        {
            bool success;
            try
            {
                CurrentFile = ProjectPath;
                success = Run();
            }
            catch (Exception ex)
            {
                LogError(Codes.InternalError, CurrentFile, 0, 0, Messages.Unexpected(Activity, CurrentFile, ex, Consequence));
                Log.LogMessage(MessageImportance.Low, ex.ToString());
                success = false;
            }

            success = success && !Log.HasLoggedErrors;
            if (!success)
            {
                ClearOutputs();
                DeleteOutputs();
            }

            return success;
        }

        /// <summary>The task's work; false (or a logged error) when it failed.</summary>
        protected abstract bool Run();

        /// <summary>Clears the output parameters after a failure.</summary>
        protected abstract void ClearOutputs();

        /// <summary>Logs an error as every logger shows it: <c>file(line,col): error FTP1xxx: message</c>, with the code's help link.</summary>
        protected void LogError(string code, string file, int line, int column, string message) =>
            Log.LogError(null, code, null, Codes.HelpLink(code), file, line, column, 0, 0, message);

        /// <summary>Logs a warning with the code's help link.</summary>
        protected void LogWarning(string code, string file, int line, int column, string message) =>
            Log.LogWarning(null, code, null, Codes.HelpLink(code), file, line, column, 0, 0, message);

        /// <summary>Logs an error or a warning (strict mode, FineTunePolicyStrict, makes every finding an error).</summary>
        protected void LogFinding(bool asError, string code, string file, int line, int column, string message)
        {
            if (asError)
            {
                LogError(code, file, line, column, message);
            }
            else
            {
                LogWarning(code, file, line, column, message);
            }
        }

        /// <summary>
        /// Writes the file only when its content changes, so that its time stamp stays put and what depends on it stays
        /// incremental; false (FTP1007 logged) when it cannot be written.
        /// </summary>
        protected bool WriteIfChanged(string path, string content) => WriteIfChanged(path, Utf8.GetBytes(content), null);

        /// <summary>As <see cref="WriteIfChanged(string, string)"/>, compared with <paramref name="current"/> when the caller has read it already.</summary>
        protected bool WriteIfChanged(string path, byte[] content, byte[]? current)
        {
            CurrentFile = path;
            try
            {
                if (current == null && File.Exists(path))
                {
                    current = File.ReadAllBytes(path);
                }

                if (current == null || !current.SequenceEqual(content))
                {
                    EnsureDirectory(path);
                    File.WriteAllBytes(path, content);
                }

                return true;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                LogError(Codes.OutputNotWritable, path, 0, 0, Messages.CannotWrite(path, ex));
                return false;
            }
        }

        /// <summary>Writes a stamp file whose time stamp is now, whatever its content was; false (FTP1007 logged) when it cannot.</summary>
        protected bool Touch(string path, string content)
        {
            CurrentFile = path;
            try
            {
                EnsureDirectory(path);
                File.WriteAllText(path, content, Utf8);
                File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
                return true;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                LogError(Codes.OutputNotWritable, path, 0, 0, Messages.CannotWrite(path, ex));
                return false;
            }
        }

        /// <summary>Deletes a file if it is there; false (FTP1007 logged) when it cannot be deleted.</summary>
        protected bool DeleteIfPresent(string path)
        {
            try
            {
                if (File.Exists(path))
                {
                    File.Delete(path);
                }

                return true;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                LogError(Codes.OutputNotWritable, path, 0, 0, Messages.CannotDelete(path, Step, ex));
                return false;
            }
        }

        private static void EnsureDirectory(string path)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        /// <summary>Fail closed: no output of a failed run may survive it.</summary>
        private void DeleteOutputs()
        {
            foreach (var path in OutputFiles)
            {
                if (!string.IsNullOrEmpty(path))
                {
                    DeleteIfPresent(path!);
                }
            }
        }
    }
}
