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

    /// <summary>Reads, parses and structurally validates a policy file (FTP1004-FTP1006, FTP1010-FTP1017).</summary>
    internal static class PolicyFileLoader
    {
        public static LoadedFile? Load(string path, ObjectShape shape, string fileKind, DiagnosticBag diagnostics)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is System.Security.SecurityException)
            {
                diagnostics.Error(Codes.FileUnreadable, path, 0, 0, $"The {fileKind} cannot be read: {ValidateFineTunePolicy.Sentence(ex.Message)} Check that the file exists, is not locked by another program, and that the build account may read it.");
                return null;
            }

            var source = SourceText.FromBytes(bytes, out string? decodeError);
            if (source == null)
            {
                diagnostics.Error(Codes.FileUnreadable, path, 0, 0, $"The {fileKind} is not readable text ({decodeError}). Save it as UTF-8.");
                return null;
            }

            var problems = new List<JsonSyntaxProblem>();
            var root = PositionedJsonParser.Parse(source, problems);
            foreach (var problem in problems)
            {
                if (problem.IsDuplicateKey)
                {
                    diagnostics.Error(Codes.DuplicateKey, path, problem.Line, problem.Column, $"The key '{problem.Message}' appears twice in the same object of the {fileKind}. Keep one of them; JSON readers disagree on which one wins.");
                }
                else
                {
                    diagnostics.Error(Codes.InvalidJson, path, problem.Line, problem.Column, $"The {fileKind} is not valid JSON: {problem.Message} Fix the syntax here: a missing comma, quote or bracket, a comment or a trailing comma is the usual cause.");
                }
            }

            if (root == null || problems.Count > 0)
            {
                return new LoadedFile(bytes, root, false);
            }

            bool valid = StructuralValidator.Validate(root, shape, path, fileKind, diagnostics);
            return new LoadedFile(bytes, root, valid);
        }
    }
}
