using System.Runtime.CompilerServices;

namespace FineTunePolicy.Analyzers
{
    /// <summary>
    /// The methods where the analysis spends its time are compiled fully optimised on their first call.
    /// </summary>
    /// <remarks>
    /// A build compiles in a fresh compiler process unless the shared compiler server is used (CI machines often turn it off). There
    /// the runtime first compiles each of the analyzer's methods without optimisation, and promotes a hot one only once the process
    /// stops compiling new methods for a while, which a compiler busy with its own work and every analyzer's rarely does: in a build
    /// of the 2,000-file workload half of FineTunePolicy's samples ran in unoptimised code (docs/performance.md). In a long-lived
    /// process (the compiler server, the IDE) the flag changes little: those methods would have been promoted anyway.
    /// Flag a method only where a build's profile shows its unoptimised samples: a flagged method gives up the profile-guided tier,
    /// and is compiled fully optimised even when it runs once.
    /// </remarks>
    internal static class HotPath
    {
        /// <summary><c>MethodImplOptions.AggressiveOptimization</c>, which netstandard2.0 does not name (runtimes before .NET Core 3.0 ignore it).</summary>
        public const MethodImplOptions Optimized = (MethodImplOptions)512;
    }
}
