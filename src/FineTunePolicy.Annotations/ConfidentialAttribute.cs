namespace FineTunePolicy
{
    /// <summary>Marks data as <see cref="DataClass.Confidential"/>: customer or business data whose disclosure does harm.</summary>
    public sealed class ConfidentialAttribute : ClassifiedAttribute
    {
        /// <summary>Classifies the target as <see cref="DataClass.Confidential"/>.</summary>
        public ConfidentialAttribute()
            : base(DataClass.Confidential)
        {
        }
    }
}
