namespace FineTunePolicy.Analyzers.Policy
{
    /// <summary>A sink the policy declares: a method of the organisation's own, or one of its parameters (the Sinks room's slice).</summary>
    internal sealed class CustomSink
    {
        public CustomSink(string typeName, string methodName, string? parameterName, LlmPurpose purpose, string provider)
        {
            TypeName = typeName;
            MethodName = methodName;
            ParameterName = parameterName;
            Purpose = purpose;
            Provider = provider;
        }

        public string TypeName { get; }

        public string MethodName { get; }

        public string? ParameterName { get; }

        public LlmPurpose Purpose { get; }

        public string Provider { get; }
    }
}
