using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace FineTunePolicy.Analyzers.Flow
{
    /// <summary>
    /// Which trees of a compilation may spell each word: built in one pass over every tree's cached words, so that a word is then
    /// answered in the time of a lookup instead of a look into every tree's words. A build looks up hundreds of words (the names of
    /// members and types whose writers and callers are searched), so looking each up in every tree would grow with the square of
    /// the compilation; an edit in the editor looks up a few, which is why <see cref="StateIndex"/> builds this only past a few dozen.
    /// </summary>
    internal sealed class WordIndex
    {
        private readonly (SyntaxTree Tree, TreeNames Names)[] _trees;
        private readonly Dictionary<int, List<int>> _positions;
        private readonly List<int> _anyWord;

        private WordIndex((SyntaxTree Tree, TreeNames Names)[] trees, Dictionary<int, List<int>> positions, List<int> anyWord)
        {
            _trees = trees;
            _positions = positions;
            _anyWord = anyWord;
        }

        public static WordIndex Build((SyntaxTree Tree, TreeNames Names)[] trees, CancellationToken cancellationToken)
        {
            var positions = new Dictionary<int, List<int>>();
            var anyWord = new List<int>();
            for (var position = 0; position < trees.Length; position++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (tree, names) = trees[position];
                if (names.WordsOf(tree) is not { } words)
                {
                    // An escape may hide any name in this tree: it may spell every word.
                    anyWord.Add(position);
                    continue;
                }

                foreach (var word in words)
                {
                    if (!positions.TryGetValue(word, out var list))
                    {
                        positions[word] = list = new List<int>();
                    }

                    list.Add(position);
                }
            }

            return new WordIndex(trees, positions, anyWord);
        }

        /// <summary>The trees that may spell <paramref name="word"/>, in compilation order (what a look into each tree's words gives).</summary>
        public List<SyntaxTree> TreesSpelling(int word)
        {
            var spelling = _positions.TryGetValue(word, out var list) ? list : (IReadOnlyList<int>)System.Array.Empty<int>();
            var trees = new List<SyntaxTree>(spelling.Count + _anyWord.Count);
            int i = 0, j = 0;
            while (i < spelling.Count || j < _anyWord.Count)
            {
                var next = j == _anyWord.Count || i < spelling.Count && spelling[i] < _anyWord[j] ? spelling[i++] : _anyWord[j++];
                trees.Add(_trees[next].Tree);
            }

            return trees;
        }
    }
}
