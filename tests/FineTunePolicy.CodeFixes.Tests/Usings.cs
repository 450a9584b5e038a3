global using Xunit;
global using FineTunePolicy.Analyzers.Tests.Verifiers;
global using FineTunePolicy.CodeFixes.Tests.Verifiers;
global using Microsoft.CodeAnalysis.Testing;
