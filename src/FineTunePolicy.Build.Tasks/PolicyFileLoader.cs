using System;
using System.Collections.Generic;
using System.IO;
using FineTunePolicy.Build.Tasks.Diagnostics;
using FineTunePolicy.Build.Tasks.Json;
using FineTunePolicy.Build.Tasks.Schema;

namespace FineTunePolicy.Build.Tasks
{
    /// <summary>A policy file read from disk: its raw bytes (for the audit hash) and its checked JSON tree.</summary>
    internal sealed class LoadedFile
    {
        public LoadedFile(byte[] bytes, JsonNode? root, bool structurallyValid)
        {
            Bytes = bytes;
            Root = root;
            StructurallyValid = structurallyValid;
        }

        public byte[] Bytes { get; }

        /// <summary>Null when the file is not valid JSON.</summary>
        public JsonNode? Root { get; }

        public bool StructurallyValid { get; }
    }

    /// <summary>Reads, parses and structurally validates a policy file (FTP1004-FTP1006, FTP1008, FTP1009, FTP1010-FTP1018).</summary>
    internal static class PolicyFileLoader
    {
        /// <summary>
        /// The largest policy file read: 5 MiB. Real allow-lists and manifests are a few kilobytes; anything bigger is
        /// refused before it is read, so that a wrong path (a data set, a log, /dev/zero) cannot stall the build.
        /// </summary>
        public const int MaxBytes = 5 * 1024 * 1024;

        public static LoadedFile? Load(string path, ObjectShape shape, string fileKind, DiagnosticBag diagnostics)
        {
            var kind = PathProbe.Probe(path, out var reason);
            if (kind == PathKind.Directory)
            {
                diagnostics.Error(Codes.PathIsDirectory, path, 0, 0, Messages.PathIsDirectory(fileKind));
                return null;
            }

            if (kind == PathKind.Unusable)
            {
                diagnostics.Error(Codes.FileUnreadable, path, 0, 0, Messages.FileUnusable(fileKind, reason));
                return null;
            }

            byte[] bytes;
            try
            {
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
                {
                    if (stream.CanSeek && stream.Length > MaxBytes)
                    {
                        diagnostics.Error(Codes.FileTooLarge, path, 0, 0, Messages.FileTooLarge(fileKind, stream.Length, MaxBytes));
                        return null;
                    }

                    // Read at most one byte more than the limit, whatever the file claims its length is (devices and
                    // files that grow while they are read).
                    var buffer = new MemoryStream();
                    var chunk = new byte[81920];
                    int read;
                    while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, MaxBytes + 1 - buffer.Length))) > 0)
                    {
                        buffer.Write(chunk, 0, read);
                        if (buffer.Length > MaxBytes)
                        {
                            diagnostics.Error(Codes.FileTooLarge, path, 0, 0, Messages.FileTooLarge(fileKind, buffer.Length, MaxBytes));
                            return null;
                        }
                    }

                    bytes = buffer.ToArray();
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is System.Security.SecurityException)
            {
                diagnostics.Error(Codes.FileUnreadable, path, 0, 0, Messages.FileUnreadable(fileKind, ex));
                return null;
            }

            if (bytes.Length == 0)
            {
                diagnostics.Error(Codes.InvalidJson, path, 1, 1, Messages.FileEmpty(fileKind));
                return new LoadedFile(bytes, null, false);
            }

            var source = SourceText.FromBytes(bytes, out var decodeError);
            if (source == null)
            {
                diagnostics.Error(Codes.FileUnreadable, path, 0, 0, Messages.FileNotText(fileKind, decodeError));
                return null;
            }

            var problems = new List<JsonSyntaxProblem>();
            var root = PositionedJsonParser.Parse(source, problems);
            foreach (var problem in problems)
            {
                if (problem.IsTooDeep)
                {
                    diagnostics.Error(Codes.NestingTooDeep, path, problem.Line, problem.Column,
                        Messages.NestingTooDeep(fileKind, PositionedJsonParser.MaxDepth));
                }
                else if (problem.IsDuplicateKey)
                {
                    diagnostics.Error(Codes.DuplicateKey, path, problem.Line, problem.Column, Messages.DuplicateKey(fileKind, problem.Message));
                }
                else
                {
                    diagnostics.Error(Codes.InvalidJson, path, problem.Line, problem.Column, Messages.InvalidJson(fileKind, problem.Message));
                }
            }

            if (root == null || problems.Count > 0)
            {
                return new LoadedFile(bytes, root, false);
            }

            var valid = StructuralValidator.Validate(root, shape, path, fileKind, diagnostics);
            return new LoadedFile(bytes, root, valid);
        }
    }
}
