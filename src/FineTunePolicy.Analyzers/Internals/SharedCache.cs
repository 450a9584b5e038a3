using System.Collections.Concurrent;
using System.Collections.Generic;

namespace FineTunePolicy.Analyzers
{
    /// <summary>
    /// A cache that the compiler's analysis threads share. An add holds the lock of its key's stripe, and the compiler runs more
    /// threads than cores (other analyzers, the GC), so a thread stopped while adding stalls every thread that adds to the same
    /// stripe. The dictionary's default starts with one stripe per core and a small table that locks every stripe each time it
    /// grows; many stripes and a table sized for a body's worth of symbols make both rare. (The waits a build's profile still
    /// shows are mostly holders stopped by a collection: docs/performance.md.)
    /// </summary>
    internal sealed class SharedCache<TKey, TValue> : ConcurrentDictionary<TKey, TValue>
        where TKey : notnull
    {
        private const int Stripes = 64;
        private const int Capacity = 256;

        public SharedCache()
            : base(Stripes, Capacity)
        {
        }

        public SharedCache(IEqualityComparer<TKey> comparer)
            : base(Stripes, Capacity, comparer)
        {
        }
    }
}
