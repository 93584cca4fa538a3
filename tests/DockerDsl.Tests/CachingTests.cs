using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using DockerDsl.Generators;
using DockerDsl.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DockerDsl.Tests;

public class CachingTests
{
    private const string Declarations = GeneratedOutput.Usings + """
        [CacheMount("/root/.cache", Sharing = CacheSharing.Locked)]
        public partial class BuildCache;

        [Dockerfile("Dockerfile")]
        public partial class App
        {
            [Stage(From = "debian:bookworm-slim")]
            [AptInstall("curl")]
            [Run("make", Mounts = new[] { typeof(BuildCache) })]
            public partial class Build;

            [Stage(From = typeof(Build))]
            [NonRootUser("app")]
            [HealthCheck("curl -f http://localhost/", StartPeriod = "5s")]
            [Cmd("/app")]
            public partial class Final;
        }
        """;

    private static readonly string[] TrackedSteps = { TrackingNames.Models, TrackingNames.ProjectOptions, TrackingNames.Bake, TrackingNames.Outputs };

    [Fact]
    public void AnUnrelatedEditLeavesEveryStepCachedOrUnchanged()
    {
        var compilation = GeneratorHarness.Compile(Declarations, "public class Other { public int M() => 1; }");
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);

        var otherTree = compilation.SyntaxTrees.Last();
        var edited = compilation.ReplaceSyntaxTree(otherTree, CSharpSyntaxTree.ParseText("public class Other { public int M() => 2; }", GeneratorHarness.ParseOptions, otherTree.FilePath));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in TrackedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"Step {step} was not tracked.");
            foreach (var run in result.TrackedSteps[step])
            {
                foreach (var (_, reason) in run.Outputs)
                {
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Step {step} re-ran with reason {reason}.");
                }
            }
        }
    }

    [Fact]
    public void ChangingADeclarationRegeneratesItsOutput()
    {
        var compilation = GeneratorHarness.Compile(Declarations);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single();
        var changed = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(Declarations.Replace("\"make\"", "\"make all\""), GeneratorHarness.ParseOptions, tree.FilePath));
        var result = driver.RunGenerators(changed).GetRunResult().Results.Single();

        var outputs = result.TrackedSteps[TrackingNames.Outputs].SelectMany(r => r.Outputs).ToList();
        Assert.Contains(outputs, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("make all", result.GeneratedSources.Single(s => s.HintName == "App.Dockerfile.g.cs").SourceText.ToString());
    }

    [Fact]
    public void ModelsHoldNoSymbolsOrSyntax()
    {
        var driver = GeneratorHarness.Driver().RunGenerators(GeneratorHarness.Compile(Declarations));
        var result = driver.GetRunResult().Results.Single();
        var checkedObjects = 0;
        foreach (var step in TrackedSteps)
        {
            foreach (var run in result.TrackedSteps[step])
            {
                foreach (var (value, _) in run.Outputs)
                {
                    checkedObjects += AssertPlainValues(value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
            }
        }

        Assert.True(checkedObjects > 20, $"Only {checkedObjects} objects were inspected; the walk does not reach the models.");
    }

    /// <summary>Walks an output's object graph and fails on any Roslyn symbol, syntax node, location or compilation.</summary>
    private static int AssertPlainValues(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || (!value.GetType().IsValueType && !seen.Add(value)))
        {
            return 1;
        }

        Assert.False(
            value is ISymbol or SyntaxNode or SyntaxTree or Location or Compilation or SemanticModel,
            $"{path} holds a {value.GetType().Name}, which keeps a compilation alive and defeats caching.");

        var count = 1;
        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                count += AssertPlainValues(item, $"{path}[{index++}]", seen);
            }
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            count += AssertPlainValues(field.GetValue(value), $"{path}.{field.Name}", seen);
        }

        return count;
    }
}
