using System.Collections.Immutable;
using FineTunePolicy.Analyzers.Classification;
using FineTunePolicy.Analyzers.Flow;
using FineTunePolicy.Analyzers.Policy;
using FineTunePolicy.Analyzers.Sinks;
using Microsoft.CodeAnalysis;

namespace FineTunePolicy.Analyzers.Tests.Robustness;

/// <summary>
/// One analysis per method at a time: a thread that asks for a method another thread is analysing waits for it. The wait must
/// end when that method's summary is known, not when the other thread's whole request ends; the driver charges the wait to
/// the waiting callback, so in a concurrent build a longer wait is reported as FineTunePolicy's time.
/// </summary>
public class GateTests
{
    [Fact]
    public void AThreadWaitingForAMethod_GoesOnWhenItsSummaryIsKnown_NotWhenTheRequestThatAnalysedItEnds()
    {
        var compilation = DirectRun.Compile("GateRelease", Scenario.Code("using OpenAI.Chat;", """
            public static class Prompts
            {
                public static string Outer(Customer c) => Inner(c) + c.Email;
                public static string Inner(Customer c) => Deep(c) + "!";
                public static string Deep(Customer c) => c.Name;
            }
            """));
        var classification = new ClassificationIndex(compilation, ImmutableDictionary<string, (Shared.DataClass, Shared.DataCategory)>.Empty);
        var engine = new FlowEngine(compilation, classification, new Declassifiers(ImmutableDictionary<string, Shared.DataClass>.Empty),
            new SinkMatcher(ImmutableArray<CustomSink>.Empty));
        var prompts = compilation.GetTypeByMetadataName("Prompts")!;
        IMethodSymbol Method(string name) => (IMethodSymbol)prompts.GetMembers(name).Single();
        Task? other = null;
        bool? otherWasDone = null;

        void OnCompleted(FlowEngine source, IMethodSymbol method)
        {
            if (source != engine)
            {
                return;
            }


            if (method.Name == "Deep")
            {
                // Inner is being analysed on this thread (the request for Outer): another thread asks for it and waits.
                other = Task.Run(() => engine.GetSummary(Method("Inner"), null, CancellationToken.None));
                Assert.False(other.Wait(TimeSpan.FromMilliseconds(500)));
            }
            else if (method.Name == "Outer")
            {
                // Inner is known by now, and the request for Outer has not ended yet.
                otherWasDone = other?.Wait(TimeSpan.FromSeconds(10));
            }
        }

        FlowEngine.SummaryCompleted += OnCompleted;
        try
        {
            engine.GetSummary(Method("Outer"), null, CancellationToken.None);
        }
        finally
        {
            FlowEngine.SummaryCompleted -= OnCompleted;
        }

        Assert.True(otherWasDone);
        Assert.Equal(3, engine.SummariesComputed);
    }
}
