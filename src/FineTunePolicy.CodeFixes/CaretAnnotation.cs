using Microsoft.CodeAnalysis;

namespace FineTunePolicy.CodeFixes
{
    /// <summary>
    /// Where the IDE puts the caret after a fix. Workspaces keeps its navigation annotation internal; hosts look it up
    /// by this kind, so an annotation of that kind on a token is the documented-by-use way to ask for it.
    /// </summary>
    internal static class CaretAnnotation
    {
        public const string Kind = "CodeAction_Navigation";

        public static SyntaxAnnotation Create() => new(Kind);
    }
}
