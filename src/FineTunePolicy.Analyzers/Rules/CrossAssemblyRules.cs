using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using FineTunePolicy.Analyzers.Classification;
using FineTunePolicy.Analyzers.Flow;
using FineTunePolicy.Analyzers.Policy;
using FineTunePolicy.Analyzers.Sinks;
using Microsoft.CodeAnalysis;

namespace FineTunePolicy.Analyzers.Rules
{
    /// <summary>
    /// FTP0008 and FTP0009: what a method's summary knows that callers in other assemblies cannot see, because summaries
    /// stay inside one compilation. Attributes carry it across: <c>[LlmSink]</c> for a parameter that reaches a sink,
    /// <c>[return: ...]</c> for a result that carries a class. Only libraries (an executable has no callers elsewhere),
    /// only ordinary methods that another assembly can call, directly or through the interface or base member they
    /// implement, and never where the information travels already.
    /// </summary>
    internal sealed class CrossAssemblyRules
    {
        private readonly Compilation _compilation;
        private readonly ClassificationIndex _classification;
        private readonly SinkMatcher _sinks;
        private readonly object _namesGate = new();
        private readonly SharedCache<INamedTypeSymbol, DataClass> _visibleClasses = new(SymbolEqualityComparer.Default);
        private readonly SharedCache<IMethodSymbol, ImmutableArray<IMethodSymbol>> _contracts = new(SymbolEqualityComparer.Default);
        private readonly Switches _rules;
        private ClassifiedNames? _classifiedNames;

        public CrossAssemblyRules(Compilation compilation, ClassificationIndex classification, SinkMatcher sinks, Switches rules)
        {
            _compilation = compilation;
            _classification = classification;
            _sinks = sinks;
            _rules = rules;
        }

        /// <summary>
        /// Which of the two rules look at this compilation: only a library has callers in other assemblies, and a rule configured
        /// <c>none</c> costs nothing (FTP0009 alone summarises bodies that cannot reach a sink).
        /// </summary>
        public static Switches AppliesTo(Compilation compilation, CancellationToken cancellationToken)
        {
            if (compilation.Options.OutputKind is not (OutputKind.DynamicallyLinkedLibrary or OutputKind.NetModule))
            {
                return default;
            }

            return new Switches(
                !RuleSeverities.IsTurnedOff(compilation, DiagnosticIds.VisibleMethodSendsParameterToLlm, cancellationToken),
                !RuleSeverities.IsTurnedOff(compilation, DiagnosticIds.VisibleMethodReturnsClassifiedData, cancellationToken));
        }

        /// <summary>Whether another assembly can call <paramref name="method"/>, directly or through a member it implements or overrides.</summary>
        public static bool IsCallableElsewhere(IMethodSymbol method)
        {
            if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation) || method.IsImplicitlyDeclared)
            {
                return false;
            }

            if (IsVisibleOutside(method))
            {
                return true;
            }

            foreach (var contract in Contracts(method))
            {
                if (IsVisibleOutside(contract))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether FTP0009 could fire, from the shape of the signature alone: a result that can carry data (not void or bool),
        /// no classification on the return value or its type, not a declassifier. The class of the signature, which reads
        /// the receiver's visible members, is left to the few methods whose result carries a class (<see cref="Report"/>) or
        /// whose body would be summarised for the rule alone (<see cref="MayReturnClassified"/>).
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private bool MayReturnUnannotated(IMethodSymbol method)
        {
            if (!_rules.ReturnsClassified || method.ReturnsVoid || method.ReturnType.SpecialType == SpecialType.System_Boolean || IsPlainTask(method.ReturnType)
                || IsDeclassifier(method) || HasReturnClassification(method) || !_classification.Whole(method.ReturnType).IsNone)
            {
                return false;
            }

            foreach (var contract in ContractsOf(method))
            {
                if (IsDeclassifier(contract) || HasReturnClassification(contract))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Whether a body that cannot reach a sink is worth a summary for FTP0009: its signature allows the rule
        /// (<see cref="MayReturnUnannotated"/>), it mentions a name through which classified data can be read, and its
        /// signature carries less than Restricted (otherwise no result can be above it), and it is not a sink (<see cref="IsSink"/>).
        /// </summary>
        public bool MayReturnClassified(IMethodSymbol method, SyntaxNode codeBlock, CancellationToken cancellationToken) =>
            MayReturnUnannotated(method) && ClassifiedNames(cancellationToken).AreMentionedIn(codeBlock, cancellationToken)
            && SignatureClass(AttributeTarget(method)) != DataClass.Restricted && !IsSink(method);

        private ClassifiedNames ClassifiedNames(CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _classifiedNames) is { } known)
            {
                return known;
            }

            // Not a Lazy: a cancelled computation must not be cached.
            lock (_namesGate)
            {
                return _classifiedNames ??= Classification.ClassifiedNames.Compute(_compilation, _classification, cancellationToken);
            }
        }

        /// <summary>Reports FTP0008 and FTP0009 from <paramref name="summary"/>; <paramref name="observe"/> resolves the state its result reads.</summary>
        [MethodImpl(HotPath.Optimized)]
        public void Report(IMethodSymbol method, MethodSummary summary, Func<FlowValue, Taint> observe, Action<Diagnostic> report)
        {
            var target = AttributeTarget(method);
            if (_rules.SendsParameter && ParameterReachingSink(method, summary) is { } parameterSink)
            {
                report(SendsParameter(method, target, parameterSink));
            }

            // A result that carries no class and reads no state is above no signature. Nothing is above Restricted: a signature that
            // shows it needs no look at the state the result reads.
            if (CanCarryClass(summary.Result) && MayReturnUnannotated(method) && SignatureClass(target) is var signature
                && signature != DataClass.Restricted && !IsSink(method) && ResultAbove(signature, observe(summary.Result)) is { } result)
            {
                report(ReturnsClassified(method, target, result));
            }
        }

        // FTP0008: the first parameter (in declaration order) whose own value reaches a sink as a whole. A parameter of
        // which only members are read is left out: those members' classes are declared, and checked here already.
        private (IParameterSymbol Parameter, SinkUse Sink)? ParameterReachingSink(IMethodSymbol method, MethodSummary summary)
        {
            if (summary.ParameterSinks.IsEmpty || IsSink(method))
            {
                return null;
            }

            foreach (var contract in ContractsOf(method))
            {
                if (IsSink(contract))
                {
                    return null;
                }
            }

            ParameterSink? first = null;
            foreach (var parameterSink in summary.ParameterSinks)
            {
                if (parameterSink.Whole && parameterSink.Index >= 1 && parameterSink.Index <= method.Parameters.Length
                    && (first is null || parameterSink.Index < first.Index))
                {
                    first = parameterSink;
                }
            }

            return first is null ? null : (method.Parameters[first.Index - 1], first.Sink);
        }

        private Diagnostic SendsParameter(IMethodSymbol method, IMethodSymbol target, (IParameterSymbol Parameter, SinkUse Sink) reach)
        {
            var sink = reach.Sink;
            var purpose = sink.Purpose.ToString();
            var knownProvider = sink.Provider != ProviderIds.Unknown;
            var attribute = "LlmSink(LlmPurpose." + purpose + (knownProvider ? ", Provider = \"" + sink.Provider + "\"" : "") + ")";
            var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Purpose, purpose);
            if (knownProvider)
            {
                properties = properties.Add(DiagnosticProperties.Provider, sink.Provider);
            }

            return Create(Descriptors.FTP0008_VisibleMethodSendsParameterToLlm, method, target, properties,
                Quote(method), reach.Parameter.Name, "'" + sink.SinkName + "'", RuleText.Describe(sink.Purpose), sink.Provider, Where(method, target),
                    attribute);
        }

        // FTP0009: the class of the result, when it is above what a caller elsewhere would give it from the signature it
        // calls (the classes of the receiver's and the parameters' types: an unseen call carries its arguments' classes).
        // A mapper whose result comes from its arguments is therefore quiet; a lookup by id that returns a Restricted
        // member is not.
        private static Taint? ResultAbove(DataClass signature, Taint result) => result.Class > signature ? result : null;

        private static bool CanCarryClass(FlowValue result) => result.Fixed.Class != DataClass.Public || !result.State.IsEmpty;

        // A call to a sink (an [LlmSink] method, or a custom sink of the policy) returns the provider's answer, which carries nothing of
        // the request, here as in every assembly: what a sink's body returns reaches no caller with its class (FTP0009), and a sink is
        // checked at its callers already (FTP0008). FTP0009 asks it last: most methods are no sink, and matching costs more than the checks before it.
        private bool IsSink(IMethodSymbol method) => !_sinks.Match(method).IsEmpty;

        // What a caller of this declaration (the method, or the interface or base member callers use) can see. The parameters
        // first: their types' classes are known already, and a Restricted one settles it without reading the receiver's members.
        private DataClass SignatureClass(IMethodSymbol method)
        {
            var signature = DataClass.Public;
            foreach (var parameter in method.Parameters)
            {
                signature = Max(signature, _classification.Whole(parameter.Type).Class);
                if (signature == DataClass.Restricted)
                {
                    return signature;
                }
            }

            return method.IsStatic ? signature : Max(signature, VisibleClass(method.ContainingType));
        }

        // The class a receiver of this type carries in another assembly, which imports only what is visible: the type's
        // own classification (with its bases' and interfaces') and its visible instance members. A lookup that holds its
        // data in private state therefore shows callers elsewhere nothing. Kept per type: every method of the type asks.
        // Nothing is above Restricted: the walk stops at the first member that shows it, before the member types' walks.
        private DataClass VisibleClass(INamedTypeSymbol type) => _visibleClasses.GetOrAdd(type, static (t, self) => self.ComputeVisibleClass(t), this);

        [MethodImpl(HotPath.Optimized)]
        private DataClass ComputeVisibleClass(INamedTypeSymbol type)
        {
            var result = DataClass.Public;
            foreach (var contract in type.AllInterfaces)
            {
                result = Max(result, _classification.Explicit(contract)?.Class);
            }

            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                result = Max(result, _classification.Explicit(current)?.Class);
                foreach (var member in current.GetMembers())
                {
                    if (result == DataClass.Restricted)
                    {
                        return result;
                    }

                    if (!member.IsStatic && member is IFieldSymbol or IPropertySymbol && IsVisibleOutside(member))
                    {
                        var memberType = member is IFieldSymbol field ? field.Type : ((IPropertySymbol)member).Type;
                        result = Max(result, _classification.MemberValue(member).Class);
                        result = result == DataClass.Restricted ? result : Max(result, _classification.Whole(memberType).Class);
                    }
                }
            }

            return result;
        }

        private static DataClass Max(DataClass a, DataClass? b) => b is { } other && other > a ? other : a;

        private Diagnostic ReturnsClassified(IMethodSymbol method, IMethodSymbol target, Taint result)
        {
            var attribute = new StringBuilder("return: ").Append(result.Class);
            var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.ResultClass, result.Class.ToString());
            if (result.Categories != DataCategory.None)
            {
                attribute.Append("(Categories = ").Append(CategoriesExpression(result.Categories)).Append(')');
                properties = properties.Add(DiagnosticProperties.ResultCategories, result.Categories.ToString());
            }

            return Create(Descriptors.FTP0009_VisibleMethodReturnsClassifiedData, method, target, properties,
                Quote(method), RuleText.Describe(result.Class, result.Categories), result.DescribeSources(),
                method.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), Where(method, target), attribute.ToString());
        }

        private static Diagnostic Create(DiagnosticDescriptor descriptor, IMethodSymbol method, IMethodSymbol target,
            ImmutableDictionary<string, string?> properties, params object[] arguments)
        {
            var additional = new List<Location>();
            if (!SymbolEqualityComparer.Default.Equals(method, target) && target.Locations.Length > 0)
            {
                additional.Add(target.Locations[0]);
                properties = properties.Add(DiagnosticProperties.OnOtherDeclaration, "true");
            }

            return Diagnostic.Create(descriptor, method.Locations[0], additional, properties, arguments);
        }

        // Where callers look: the interface or base member the method implements or overrides, when it is declared in this
        // compilation's source (a member in metadata cannot be edited); otherwise the method itself.
        private IMethodSymbol AttributeTarget(IMethodSymbol method)
        {
            foreach (var contract in ContractsOf(method))
            {
                if (IsVisibleOutside(contract) && SymbolEqualityComparer.Default.Equals(contract.ContainingAssembly, method.ContainingAssembly)
                    && contract.Locations.Length > 0 && contract.Locations[0].IsInSource)
                {
                    return contract;
                }
            }

            return method;
        }

        private static string Where(IMethodSymbol method, IMethodSymbol target)
        {
            if (SymbolEqualityComparer.Default.Equals(method, target))
            {
                return "the method";
            }

            return (target.ContainingType.TypeKind == TypeKind.Interface ? "the interface member " : "the base member ") + Quote(target);
        }

        // The rules ask for a method's contracts three or four times, and finding them lists all interfaces of its type: kept per method.
        // Most methods override and implement nothing, which their symbol tells at once: no entry for them.
        [MethodImpl(HotPath.Optimized)]
        private ImmutableArray<IMethodSymbol> ContractsOf(IMethodSymbol method)
        {
            if (method.OverriddenMethod is null && method.ExplicitInterfaceImplementations.IsEmpty
                && (method.IsStatic || method.ContainingType is not { AllInterfaces.IsEmpty: false }))
            {
                return ImmutableArray<IMethodSymbol>.Empty;
            }

            return _contracts.TryGetValue(method, out var known) ? known : _contracts.GetOrAdd(method, Contracts(method).ToImmutableArray());
        }

        /// <summary>The members <paramref name="method"/> overrides (nearest first), then the interface members it implements.</summary>
        private static IEnumerable<IMethodSymbol> Contracts(IMethodSymbol method)
        {
            for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
            {
                yield return overridden;
            }

            foreach (var explicitContract in method.ExplicitInterfaceImplementations)
            {
                yield return explicitContract;
            }

            if (method.ContainingType is not { } type || method.IsStatic)
            {
                yield break;
            }

            foreach (var contract in type.AllInterfaces)
            {
                foreach (var member in contract.GetMembers(method.Name))
                {
                    if (member is IMethodSymbol interfaceMethod
                        && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(interfaceMethod), method))
                    {
                        yield return interfaceMethod;
                    }
                }
            }
        }

        private static bool IsVisibleOutside(ISymbol symbol)
        {
            for (var current = symbol; current is not null && current.Kind != SymbolKind.Namespace; current = current.ContainingType)
            {
                if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
                {
                    return false;
                }
            }

            return true;
        }

        private bool HasReturnClassification(IMethodSymbol method) => !_classification.ReturnClass(method).Sources.IsEmpty;

        private static bool IsDeclassifier(IMethodSymbol method)
        {
            foreach (var attribute in method.GetAttributes())
            {
                if (Annotations.Is(attribute.AttributeClass, AnnotationAttribute.Declassifies))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsPlainTask(ITypeSymbol type) =>
            type is INamedTypeSymbol { IsGenericType: false, Name: "Task" or "ValueTask" } && SymbolNames.IsInNamespace(type, "System.Threading.Tasks");

        private static string CategoriesExpression(DataCategory categories)
        {
            var parts = new List<string>();
            foreach (DataCategory category in Enum.GetValues(typeof(DataCategory)))
            {
                if (category != DataCategory.None && (categories & category) == category)
                {
                    parts.Add("DataCategory." + category);
                }
            }

            return string.Join(" | ", parts);
        }

        private static string Quote(IMethodSymbol method) => "'" + SymbolNames.Short(method) + "'";

        /// <summary>Which of the rules are on: FTP0008 (<see cref="SendsParameter"/>) and FTP0009 (<see cref="ReturnsClassified"/>).</summary>
        internal readonly struct Switches
        {
            public Switches(bool sendsParameter, bool returnsClassified)
            {
                SendsParameter = sendsParameter;
                ReturnsClassified = returnsClassified;
            }

            public bool SendsParameter { get; }

            public bool ReturnsClassified { get; }

            public bool Any => SendsParameter || ReturnsClassified;
        }
    }
}
