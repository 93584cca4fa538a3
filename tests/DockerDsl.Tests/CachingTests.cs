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
        var edited = compilation.ReplaceSyntaxTree(otherTree, CSharpSyntaxTree.ParseText("public class Other { public int M() => 2; }", DeclarationReferences.ParseOptions, otherTree.FilePath));
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
        var changed = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(Declarations.Replace("\"make\"", "\"make all\""), DeclarationReferences.ParseOptions, tree.FilePath));
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

    private const string TwoDockerfiles = GeneratedOutput.Usings + """
        [Dockerfile("api/Dockerfile")]
        public partial class Api
        {
            [Stage(From = "debian:bookworm-slim")]
            [Run("make api")]
            public partial class Build;

            [Stage(From = typeof(Build))]
            [Cmd("/api")]
            public partial class Final;
        }
        """;

    private const string Worker = GeneratedOutput.Usings + """
        [Dockerfile("worker/Dockerfile")]
        public partial class Worker
        {
            [Stage(From = "alpine:3.20")]
            [Cmd("/worker")]
            public partial class Final;
        }
        """;

    private const string Unrelated = "public class Service { public int Compute() => 1; }";

    public static TheoryData<string, string, string[]> EditSequences => new()
    {
        { "edit a method body elsewhere", Unrelated.Replace("=> 1", "=> 2"), new string[0] },
        { "rename a stage", TwoDockerfiles.Replace("class Build;", "class Compile;").Replace("typeof(Build)", "typeof(Compile)"), new[] { "Api.Dockerfile.g.cs" } },
        { "change one attribute argument", TwoDockerfiles.Replace("make api", "make api-release"), new[] { "Api.Dockerfile.g.cs" } },
        { "add a stage to one of two Dockerfiles", TwoDockerfiles.Replace("public partial class Final;", "public partial class Final;\n[Stage(From = typeof(Final))] [Cmd(\"/debug\")] public partial class Debug;"), new[] { "Api.Dockerfile.g.cs" } },
    };

    [Theory]
    [MemberData(nameof(EditSequences))]
    public void AnEditRegeneratesExactlyTheOutputsItChanges(string edit, string newText, string[] regenerated)
    {
        var compilation = GeneratorHarness.Compile(TwoDockerfiles, Worker, Unrelated);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var index = newText.Contains("class Service") ? 2 : 0;
        var tree = compilation.SyntaxTrees.ElementAt(index);
        var edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(newText, DeclarationReferences.ParseOptions, tree.FilePath));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var modified = result.TrackedSteps[TrackingNames.Outputs]
            .SelectMany(run => run.Outputs)
            .Where(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified)
            .Select(o => ((GeneratedFile)o.Value).HintName)
            .OrderBy(h => h, StringComparer.Ordinal)
            .ToArray();
        Assert.True(regenerated.SequenceEqual(modified), $"{edit}: regenerated [{string.Join(", ", modified)}], expected [{string.Join(", ", regenerated)}]");
    }

    [Fact]
    public void AddingAnUnrelatedFileRegeneratesNothing()
    {
        var compilation = GeneratorHarness.Compile(TwoDockerfiles, Worker);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var added = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(Unrelated, DeclarationReferences.ParseOptions, "Added.cs"));

        var result = driver.RunGenerators(added).GetRunResult().Results.Single();

        foreach (var step in TrackedSteps)
        {
            foreach (var (_, reason) in result.TrackedSteps[step].SelectMany(run => run.Outputs))
            {
                Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Step {step} re-ran with reason {reason}.");
            }
        }
    }

    [Fact]
    public void TheBakeFileFollowsTheSetOfDockerfiles()
    {
        var compilation = GeneratorHarness.Compile(TwoDockerfiles, Worker);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var workerTree = compilation.SyntaxTrees.ElementAt(1);
        var edited = compilation.ReplaceSyntaxTree(workerTree, CSharpSyntaxTree.ParseText(Worker.Replace("worker/Dockerfile", "jobs/Dockerfile"), DeclarationReferences.ParseOptions, workerTree.FilePath));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var bake = Assert.Single(result.TrackedSteps[TrackingNames.Bake].SelectMany(run => run.Outputs));
        Assert.Equal(IncrementalStepRunReason.Modified, bake.Reason);
        Assert.Contains("jobs/Dockerfile", ((GeneratedFile)bake.Value).Source);
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
