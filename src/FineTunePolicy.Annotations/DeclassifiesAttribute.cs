using System;

namespace FineTunePolicy
{
    /// <summary>
    /// Marks a redactor or minimiser: whatever its arguments carry, the method's result carries at
    /// most <see cref="Result"/>. Give a <see cref="Justification"/> that a reviewer can check
    /// (rule FTP0005 reports a missing one).
    /// </summary>
    /// <example><code>
    /// [Declassifies(DataClass.Public, Justification = "Keeps only the last four digits")] static string Mask(string card) =&gt; ...
    /// </code></example>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
    public sealed class DeclassifiesAttribute : Attribute
    {
        /// <summary>Caps the class of the method's result at <paramref name="result"/>.</summary>
        /// <param name="result">The highest class the result can carry.</param>
        public DeclassifiesAttribute(DataClass result)
        {
            Result = result;
        }

        /// <summary>The highest class the method's result can carry.</summary>
        public DataClass Result { get; }

        /// <summary>Why the result is safe at <see cref="Result"/>: what is removed, masked or aggregated.</summary>
        public string? Justification { get; set; }
    }
}
