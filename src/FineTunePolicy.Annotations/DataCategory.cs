using System;

namespace FineTunePolicy
{
    /// <summary>
    /// What kind of data a value is, independent of its <see cref="DataClass"/>. Categories are
    /// joined (bitwise or) when values are combined; the policy can require certifications per category.
    /// </summary>
    [Flags]
    public enum DataCategory
    {
        /// <summary>No particular category.</summary>
        None = 0,

        /// <summary>Personal data (GDPR personal data, PII).</summary>
        Personal = 1,

        /// <summary>Health data (PHI); providers usually need a BAA.</summary>
        Health = 2,

        /// <summary>Payment card data (PCI DSS scope).</summary>
        Payment = 4,

        /// <summary>Passwords, keys, tokens and other secrets.</summary>
        Credentials = 8,

        /// <summary>Financial records such as balances, salaries and statements.</summary>
        Financial = 16,
    }
}
