using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace FineTunePolicy.Analyzers
{
    internal static class ConcurrentDictionaryExtensions
    {
        /// <summary>netstandard2.0 lacks the overload with a factory argument (which avoids a closure per call).</summary>
        [MethodImpl(HotPath.Optimized)]
        public static TValue GetOrAdd<TKey, TValue, TArg>(this ConcurrentDictionary<TKey, TValue> dictionary, TKey key, Func<TKey, TArg, TValue> factory,
            TArg argument)
            where TKey : notnull
        {
            return dictionary.TryGetValue(key, out var value) ? value : dictionary.GetOrAdd(key, factory(key, argument));
        }
    }
}
