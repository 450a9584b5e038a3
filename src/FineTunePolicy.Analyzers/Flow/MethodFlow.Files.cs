using System.Collections.Generic;
using System.Collections.Immutable;
using FineTunePolicy.Analyzers.Classification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FineTunePolicy.Analyzers.Flow
{
    /// <summary>
    /// Files as datasets (DESIGN §3): what is written to a path (<c>File.WriteAll*</c>, <c>File.AppendAll*</c>, a
    /// <c>FileStream</c> or <c>StreamWriter</c> opened on it) is carried by a use of the same path: an upload by path,
    /// or a read of it. The same path is the same local, field or property, the same constant, or the same expression.
    /// </summary>
    internal sealed partial class MethodFlow
    {
        private const int MaxPathSteps = 4;

        private static readonly HashSet<string> FileWriteMethods = new()
        {
            "WriteAllText", "WriteAllTextAsync", "WriteAllLines", "WriteAllLinesAsync", "WriteAllBytes", "WriteAllBytesAsync",
            "AppendAllText", "AppendAllTextAsync", "AppendAllLines", "AppendAllLinesAsync",
        };

        private static readonly HashSet<string> FileOpenMethods = new() { "Create", "CreateText", "AppendText", "Open", "OpenWrite" };

        private static readonly HashSet<string> FileReadMethods = new()
        {
            "ReadAllText", "ReadAllTextAsync", "ReadAllLines", "ReadAllLinesAsync", "ReadAllBytes", "ReadAllBytesAsync",
            "ReadLines", "ReadLinesAsync", "OpenRead", "OpenText", "Open",
        };

        // File.WriteAllLines(path, lines): the path and the call (whose other arguments are the content).
        private readonly List<(IOperation Path, IInvocationOperation Call)> _fileWrites = new();

        // using var stream = File.Create(path): the path and the variable holding the stream or writer.
        private readonly List<(IOperation Path, ISymbol Slot)> _fileSlots = new();

        /// <summary>A string parameter that names a file (<c>filePath</c>, <c>path</c>, <c>fileName</c>): an upload by path.</summary>
        private static bool IsPathParameter(IParameterSymbol? parameter) =>
            parameter is { Type.SpecialType: SpecialType.System_String }
            && (parameter.Name.IndexOf("path", System.StringComparison.OrdinalIgnoreCase) >= 0
                || parameter.Name.IndexOf("file", System.StringComparison.OrdinalIgnoreCase) >= 0);

        private static bool IsFileClass(ITypeSymbol? type) =>
            type is INamedTypeSymbol { Name: "File" } named && SymbolNames.IsInNamespace(named, "System.IO");

        // new FileStream(path, ...), new StreamWriter(path), new StreamReader(path): a file type built on a path.
        private static IOperation? PathOfCreation(IObjectCreationOperation creation)
        {
            return creation.Type is INamedTypeSymbol { Name: "FileStream" or "StreamWriter" or "StreamReader" } type
                && SymbolNames.IsInNamespace(type, "System.IO")
                && creation.Arguments.Length > 0 && creation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String
                ? creation.Arguments[0].Value
                : null;
        }

        private void CollectFileWrite(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (IsFileClass(method.ContainingType) && FileWriteMethods.Contains(method.Name) && invocation.Arguments.Length > 1)
            {
                _fileWrites.Add((invocation.Arguments[0].Value, invocation));
            }
        }

        /// <summary><c>var stream = File.Create(path)</c>, <c>new StreamWriter(path)</c>: what is written into the variable goes to the file.</summary>
        private void AddFileOpen(ISymbol? target, IOperation value)
        {
            if (target is null)
            {
                return;
            }

            var path = Strip(value) switch
            {
                IInvocationOperation { Arguments.Length: > 0 } open when IsFileClass(open.TargetMethod.ContainingType)
                    && FileOpenMethods.Contains(open.TargetMethod.Name) => open.Arguments[0].Value,
                IObjectCreationOperation creation => PathOfCreation(creation),
                _ => null,
            };

            if (path is not null)
            {
                _fileSlots.Add((path, target.OriginalDefinition));
            }
        }

        /// <summary>What the file at <paramref name="path"/> holds: what this method writes to the same path, and what the compilation writes to it when the
        /// path is a member or a constant.</summary>
        private FlowValue FileContent(IOperation path)
        {
            if (path.Type?.SpecialType != SpecialType.System_String)
            {
                return FlowValue.Bottom;
            }

            var result = FlowValue.Bottom;
            if (_fileWrites.Count > 0 || _fileSlots.Count > 0)
            {
                var key = PathKey(path);
                foreach (var (written, call) in _fileWrites)
                {
                    if (PathKey(written) == key)
                    {
                        result = FlowValue.Join(result, UnseenArguments(call, receiver: null, 0));
                    }
                }

                foreach (var (opened, slot) in _fileSlots)
                {
                    if (PathKey(opened) == key)
                    {
                        result = FlowValue.Join(result, Env(slot));
                    }
                }
            }

            if (SharedPathKey(path) is { } shared)
            {
                result = FlowValue.Join(result, FlowValue.Reading(StateRef.File(shared)));
            }

            return result;
        }

        /// <summary>
        /// The same path, as text: a local is its only value when it has one, a member or constant its name or value, anything else its code.
        /// </summary>
        private string PathKey(IOperation path)
        {
            path = PathSource(path);
            if (path.ConstantValue is { HasValue: true, Value: string constant })
            {
                return "\"" + constant;
            }

            return path switch
            {
                ILocalReferenceOperation local => "local " + local.Local.Name + "@"
                    + (local.Local.Locations.Length > 0 ? local.Local.Locations[0].SourceSpan.Start : 0),
                IParameterReferenceOperation parameter => "parameter " + parameter.Parameter.Name,
                IMemberReferenceOperation member => "member " + member.Member.OriginalDefinition.ToDisplayString(),
                _ => "code " + RemoveWhiteSpace(path.Syntax.ToString()),
            };
        }

        /// <summary>A path that other methods can name too: a field or property (constants included), or a string constant.</summary>
        private object? SharedPathKey(IOperation path)
        {
            path = PathSource(path);
            return path switch
            {
                IFieldReferenceOperation field => field.Field.OriginalDefinition,
                IPropertyReferenceOperation { Arguments.Length: 0 } property => property.Property.OriginalDefinition,
                _ when path.ConstantValue is { HasValue: true, Value: string constant } => constant,
                _ => null,
            };
        }

        // var path = Path.Combine(dir, "train.jsonl"); a local with one value stands for that value.
        private IOperation PathSource(IOperation path)
        {
            for (var steps = 0; steps < MaxPathSteps; steps++)
            {
                path = Strip(path);
                if (path is ILocalReferenceOperation local && _writes.TryGetValue(local.Local, out var writes) && writes.Count == 1
                    && writes[0].Kind == WriteKind.Value)
                {
                    path = writes[0].Value;
                    continue;
                }

                break;
            }

            return Strip(path);
        }

        private static string RemoveWhiteSpace(string text)
        {
            var builder = new System.Text.StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (!char.IsWhiteSpace(c))
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }

        /// <summary>Files this method writes to paths other methods can name (for <see cref="StateIndex.FileContent"/>).</summary>
        private ImmutableArray<FileWrite> FileWrites()
        {
            if (_fileWrites.Count == 0 && _fileSlots.Count == 0)
            {
                return ImmutableArray<FileWrite>.Empty;
            }

            var writes = ImmutableArray.CreateBuilder<FileWrite>();
            foreach (var (path, call) in _fileWrites)
            {
                if (SharedPathKey(path) is { } key && UnseenArguments(call, receiver: null, 0) is { IsBottom: false } value)
                {
                    writes.Add(new FileWrite(key, value, call.Syntax.GetLocation()));
                }
            }

            foreach (var (path, slot) in _fileSlots)
            {
                if (SharedPathKey(path) is { } key && Env(slot) is { IsBottom: false } value)
                {
                    writes.Add(new FileWrite(key, value, path.Syntax.GetLocation()));
                }
            }

            return writes.ToImmutable();
        }
    }
}
