using System;
using FineTunePolicy.Build.Tasks.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace FineTunePolicy.Build.Tasks
{
    /// <summary>
    /// The shell of every FineTunePolicy task: nothing escapes <see cref="Execute"/> (never MSB4018; an
    /// unexpected exception becomes FTP1999 naming the file being worked on), and any failure, reported or
    /// unexpected, deletes the task's outputs, so that an incremental build cannot skip the check next time.
    /// </summary>
    public abstract class FailClosedTask : Task
    {
        /// <summary>The project file (MSBuildProjectFullPath).</summary>
        [Required]
        public string ProjectPath { get; set; } = string.Empty;

        /// <summary>The file being worked on, named by FTP1999 if something unexpected happens.</summary>
        protected string CurrentFile { get; set; } = string.Empty;

        /// <summary>What the task was doing, for FTP1999: "processing", "auditing suppressions in".</summary>
        protected abstract string Activity { get; }

        /// <summary>What failing closed means for this task, for FTP1999.</summary>
        protected abstract string Consequence { get; }

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
                Log.LogError(null, Codes.InternalError, null, Codes.HelpLink(Codes.InternalError), CurrentFile, 0, 0, 0, 0,
                    $"FineTunePolicy failed unexpectedly while {Activity} {CurrentFile}: {ex.GetType().FullName}: {ValidateFineTunePolicy.Sentence(ex.Message)} {Consequence} Please report this with the message and the file; building with -v:diag shows the stack trace.");
                Log.LogMessage(MessageImportance.Low, ex.ToString());
                success = false;
            }

            success = success && !Log.HasLoggedErrors;
            if (!success)
            {
                FailClosed();
            }

            return success;
        }

        /// <summary>The task's work; false (or a logged error) when it failed.</summary>
        protected abstract bool Run();

        /// <summary>Deletes the outputs and clears the output parameters.</summary>
        protected abstract void FailClosed();
    }
}
