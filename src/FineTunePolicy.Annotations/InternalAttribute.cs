namespace FineTunePolicy
{
    /// <summary>Marks data as <see cref="DataClass.Internal"/>: for use inside the organisation.</summary>
    public sealed class InternalAttribute : ClassifiedAttribute
    {
        /// <summary>Classifies the target as <see cref="DataClass.Internal"/>.</summary>
        public InternalAttribute()
            : base(DataClass.Internal)
        {
        }
    }
}
