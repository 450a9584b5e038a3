namespace FineTunePolicy
{
    /// <summary>Marks data as <see cref="DataClass.Restricted"/>: the most sensitive data, never sent to an external LLM.</summary>
    public sealed class RestrictedAttribute : ClassifiedAttribute
    {
        /// <summary>Classifies the target as <see cref="DataClass.Restricted"/>.</summary>
        public RestrictedAttribute()
            : base(DataClass.Restricted)
        {
        }
    }
}
