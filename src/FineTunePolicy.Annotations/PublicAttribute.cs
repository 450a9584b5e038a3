namespace FineTunePolicy
{
    /// <summary>
    /// Marks data as <see cref="DataClass.Public"/>: it may be published. Use it to lift a member out of a classified type, such as an <c>Id</c>.
    /// </summary>
    public sealed class PublicAttribute : ClassifiedAttribute
    {
        /// <summary>Classifies the target as <see cref="DataClass.Public"/>.</summary>
        public PublicAttribute()
            : base(DataClass.Public)
        {
        }
    }
}
