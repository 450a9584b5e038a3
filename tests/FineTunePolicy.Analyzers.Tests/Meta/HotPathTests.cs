using System.Reflection;
using System.Runtime.CompilerServices;
using FineTunePolicy.Analyzers.Flow;

namespace FineTunePolicy.Analyzers.Tests.Meta;

/// <summary>
/// The analysis's hottest methods are compiled optimised from their first call (<see cref="HotPath"/>): a fresh compiler process
/// would otherwise run them unoptimised for most of a build. Work, not time: the flag is read from the assembly's metadata.
/// </summary>
public class HotPathTests
{
    [Fact]
    public void Optimized_IsTheRuntimesAggressiveOptimization()
    {
        Assert.Equal(MethodImplOptions.AggressiveOptimization, HotPath.Optimized);
    }

    [Theory]
    [InlineData(typeof(TreeNames), "Scan")]
    [InlineData(typeof(TreeNames), "Words")]
    [InlineData(typeof(MethodFlow), "Eval")]
    [InlineData(typeof(MethodFlow), "Collect")]
    [InlineData(typeof(MethodFlow), "Summarise")]
    [InlineData(typeof(StateIndex), "FindMethods")]
    [InlineData(typeof(FlowEngine), "BodyOf")]
    public void HottestMethods_AreCompiledOptimisedFromTheirFirstCall(System.Type type, string name)
    {
        const BindingFlags all = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var methods = type.GetMethods(all).Where(method => method.Name == name).ToList();

        Assert.NotEmpty(methods);
        Assert.Contains(methods, method => method.MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveOptimization));
    }
}
