namespace FineTunePolicy
{
    /// <summary>
    /// How sensitive a piece of data is. The values are ordered: a value derived from several
    /// sources carries the highest class among them.
    /// </summary>
    public enum DataClass
    {
        /// <summary>May be published. Unclassified data is <see cref="Public"/>.</summary>
        Public = 0,

        /// <summary>For use inside the organisation; harmless but not for publication.</summary>
        Internal = 1,

        /// <summary>Customer or business data whose disclosure harms the organisation or its customers.</summary>
        Confidential = 2,

        /// <summary>The most sensitive data (identifiers, secrets, health, card data); never leaves for an external LLM.</summary>
        Restricted = 3,
    }
}
