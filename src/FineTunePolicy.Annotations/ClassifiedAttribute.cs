using System;

namespace FineTunePolicy
{
    /// <summary>
    /// Classifies data. On a type, every value of the type and every data member without its own
    /// attribute carries the class; on a member, parameter or return value, the attribute sets the
    /// class of that value and overrides the containing type's class.
    /// </summary>
    /// <example><code>[Classified(DataClass.Confidential, Categories = DataCategory.Personal)] public string Email { get; set; }</code></example>
    [AttributeUsage(
        AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Enum |
        AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue,
        AllowMultiple = false,
        Inherited = true)]
    public class ClassifiedAttribute : Attribute
    {
        /// <summary>Classifies the target with <paramref name="dataClass"/>.</summary>
        /// <param name="dataClass">The class of the data.</param>
        public ClassifiedAttribute(DataClass dataClass)
        {
            DataClass = dataClass;
        }

        /// <summary>The class of the data.</summary>
        public DataClass DataClass { get; }

        /// <summary>The categories of the data; joined when values are combined.</summary>
        public DataCategory Categories { get; set; }
    }
}
