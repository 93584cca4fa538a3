using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using DockerDsl.Generators;
using DockerDsl.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace DockerDsl.Tests;

/// <summary>
/// The attributes ImageInfoGenerator puts on a [Dockerfile] class, read back from the compiled result: what
/// DockerDsl.Testcontainers builds and runs from. The generated code must compile beside the Dockerfile generator's.
/// </summary>
public sealed class ImageInfoGeneratorTests
{
    private const string Declarations = """
        using DockerDsl;

        namespace Shop;

        [BuildArg(Name = "GIT_SHA")]
        public partial class Revision;

        [BuildArg(Default = "bookworm")]
        public partial class DebianRelease;

        [Dockerfile("deploy/Dockerfile", Context = "..")]
        [Arg(typeof(DebianRelease))]
        public partial class Api
        {
            [Stage(From = "debian:bookworm-slim")]
            [Expose(80)]
            [Expose(5353, Protocol = ExposeProtocol.Udp)]
            [HealthCheck("curl -fsS http://localhost/health")]
            public partial class Base;

            [Stage(From = typeof(Base))]
            [Arg(typeof(Revision))]
            [Expose(443)]
            [Expose("80", "9000-9002/tcp", "$EXTRA_PORT")]
            [NonRootUser("app")]
            public partial class Production;

            [Stage(From = typeof(Production))]
            [NoHealthCheck]
            public partial class Quiet;

            [Stage(From = "debian:bookworm-slim")]
            [NonRootUser("app")]
            [Cmd("/bin/true")]
            public partial class Tools;
        }
        """;

    [Fact]
    public void Stages_carry_their_inherited_ports_and_health_and_build_arguments_their_ARG_names()
    {
        var type = CompiledApi(Declarations);

        var image = type.GetAttributes().Single(a => a.AttributeClass!.Name == "GeneratedImageAttribute");
        Assert.Equal(new object?[] { "deploy/Dockerfile", ".." }, image.ConstructorArguments.Select(a => a.Value));

        var stages = type.GetAttributes()
            .Where(a => a.AttributeClass!.Name == "GeneratedStageAttribute")
            .Select(a => (Name: (string)a.ConstructorArguments[0].Value!, Ports: string.Join(",", a.ConstructorArguments[1].Values.Select(v => v.Value)), Health: (bool)a.ConstructorArguments[2].Value!, Url: a.NamedArguments.SingleOrDefault(n => n.Key == "HealthCheckUrl").Value.Value as string))
            .ToList();
        // A stage built FROM another starts with its EXPOSE and HEALTHCHECK; UDP ports and a variable are left out, a
        // range is listed; NONE turns health off.
        const string url = "http://localhost/health";
        Assert.Equal(
            new (string, string, bool, string?)[] { ("base", "80", true, url), ("production", "80,443,9000,9001,9002", true, url), ("quiet", "80,443,9000,9001,9002", false, null), ("tools", "", false, null) },
            stages);

        var arguments = type.GetAttributes()
            .Where(a => a.AttributeClass!.Name == "GeneratedBuildArgumentAttribute")
            .Select(a => (((INamedTypeSymbol)a.ConstructorArguments[0].Value!).ToDisplayString(), (string)a.ConstructorArguments[1].Value!))
            .ToList();
        Assert.Equal(new[] { ("Shop.DebianRelease", "DEBIAN_RELEASE"), ("Shop.Revision", "GIT_SHA") }, arguments);
    }

    [Fact]
    public void A_declaration_with_errors_gets_no_image_information()
    {
        var broken = Declarations.Replace("[Expose(443)]", "[Expose(70000)]");

        var type = CompiledApi(broken, expectErrors: false);

        Assert.DoesNotContain(type.GetAttributes(), a => a.AttributeClass!.Name.StartsWith("Generated", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Leaving_out_a_build_argument_with_no_default_is_a_compile_error_naming_it()
    {
        // Revision (GIT_SHA) has no default; DebianRelease has one and may be left out.
        var errors = Errors(Declarations, """
            var arguments = new Shop.Api.BuildArguments { DebianRelease = "trixie" };
            """);

        var error = Assert.Single(errors);
        Assert.Equal("CS9035", error.Id);
        Assert.Contains("Required member 'Api.BuildArguments.Revision'", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Every_required_argument_set_compiles_and_gives_the_ARG_names_with_the_values_set()
    {
        Assert.Empty(Errors(Declarations, """var arguments = new Shop.Api.BuildArguments { Revision = "abc" };"""));

        var values = Values(Declarations, """new Shop.Api.BuildArguments { Revision = "abc123" }""");
        Assert.Equal(new Dictionary<string, string> { ["GIT_SHA"] = "abc123" }, values);
        values = Values(Declarations, """new Shop.Api.BuildArguments { Revision = "abc123", DebianRelease = "trixie" }""");
        Assert.Equal(new Dictionary<string, string> { ["DEBIAN_RELEASE"] = "trixie", ["GIT_SHA"] = "abc123" }, values);

        // A required one set to null (a nullable warning, not an error) is refused when the values are read.
        var refused = Assert.Throws<TargetInvocationException>(() => Values(Declarations, """new Shop.Api.BuildArguments { Revision = null! }"""));
        Assert.Contains("BuildArguments.Revision (GIT_SHA) is required", refused.InnerException!.Message);
    }

    [Fact]
    public void Argument_classes_of_the_same_name_a_keyword_name_and_a_member_named_BuildArguments_get_valid_distinct_names()
    {
        const string source = """
            using DockerDsl;

            namespace Shop
            {
                [BuildArg(Name = "APP_VERSION", Default = "1")]
                public partial class Version;

                [Dockerfile("Dockerfile")]
                [Arg(typeof(Version))]
                [Arg(typeof(Other.Version))]
                [Arg(typeof(Shop.ToString))]
                [Arg(typeof(Shop.@event))]
                public partial class Api
                {
                    public const string BuildArguments = "taken";

                    [Stage(From = "debian:bookworm-slim")]
                    [Cmd("/bin/true")]
                    public partial class Final;
                }

                [BuildArg]
                public partial class ToString;

                [BuildArg(Name = "EVENT")]
                public partial class @event;
            }

            namespace Other
            {
                [BuildArg(Name = "OTHER_VERSION")]
                public partial class Version;
            }
            """;

        var values = Values(source, """new Shop.Api.BuildArguments2 { Version2 = "2", ToString2 = "s", @event = "e" }""");

        Assert.Equal(new Dictionary<string, string> { ["EVENT"] = "e", ["OTHER_VERSION"] = "2", ["TO_STRING"] = "s" }, values);
        var missing = Assert.Single(Errors(source, """var arguments = new Shop.Api.BuildArguments2 { ToString2 = "s", @event = "e" };"""));
        Assert.Contains("Required member 'Api.BuildArguments2.Version2'", missing.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Arguments_BuildKit_sets_or_predefines_are_optional_without_a_default()
    {
        const string source = """
            using DockerDsl;

            namespace Shop;

            [BuildArg(Name = "TARGETARCH")]
            public partial class TargetArch;

            [BuildArg(Name = "http_proxy")]
            public partial class Proxy;

            [BuildArg(Name = "BUILDKIT_INLINE_CACHE")]
            public partial class InlineCache;

            [BuildArg]
            public partial class SourceDateEpoch;

            [BuildArg(Name = "TARGETARCHX")]
            public partial class NotPlatform;

            [Dockerfile("Dockerfile")]
            public partial class Api
            {
                [Stage(From = "debian:bookworm-slim")]
                [Arg(typeof(TargetArch))]
                [Arg(typeof(Proxy))]
                [Arg(typeof(InlineCache))]
                [Arg(typeof(SourceDateEpoch))]
                [Arg(typeof(NotPlatform))]
                [Cmd("/bin/true")]
                public partial class Final;
            }
            """;

        // Only NotPlatform, whose name merely starts like TARGETARCH, must be set.
        var error = Assert.Single(Errors(source, "var arguments = new Shop.Api.BuildArguments();"));
        Assert.Contains("Required member 'Api.BuildArguments.NotPlatform'", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(
            new Dictionary<string, string> { ["TARGETARCH"] = "arm64", ["TARGETARCHX"] = "x" },
            Values(source, """new Shop.Api.BuildArguments { TargetArch = "arm64", NotPlatform = "x" }"""));
    }

    [Fact]
    public void Without_required_members_there_is_no_BuildArguments_record_and_the_attributes_stay()
    {
        // C# 10 has no required members: a record whose required arguments could be left out would promise what it cannot keep.
        var csharp10 = new CSharpParseOptions(LanguageVersion.CSharp10);
        var source = System.Text.RegularExpressions.Regex.Replace(Declarations, @"(partial class \w+);", "$1 { }");
        var compilation = GeneratorHarness.Compile().AddSyntaxTrees(CSharpSyntaxTree.ParseText(source, csharp10));
        var driver = CSharpGeneratorDriver.Create(
            new[] { new DockerfileGenerator().AsSourceGenerator(), new ImageInfoGenerator().AsSourceGenerator() },
            parseOptions: csharp10);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var type = output.GetTypeByMetadataName("Shop.Api")!;
        Assert.Empty(type.GetTypeMembers("BuildArguments"));
        Assert.Contains(type.GetAttributes(), a => a.AttributeClass!.Name == "GeneratedBuildArgumentAttribute");
    }

    [Fact]
    public void The_BuildArguments_record_is_the_same_text_on_every_run_and_an_unrelated_edit_leaves_it_cached()
    {
        var compilation = GeneratorHarness.Compile(Declarations, "public class Other { public int M() => 1; }");
        var driver = ImageDriver().RunGenerators(compilation);
        var first = ImageSource(driver.GetRunResult());
        Assert.Equal(first, ImageSource(ImageDriver().RunGenerators(compilation).GetRunResult()));
        Assert.Contains("public required string Revision { get; init; }", first);
        Assert.Contains("public string? DebianRelease { get; init; }", first);

        var other = compilation.SyntaxTrees.Last();
        var edited = compilation.ReplaceSyntaxTree(other, CSharpSyntaxTree.ParseText("public class Other { public int M() => 2; }", DeclarationReferences.ParseOptions, other.FilePath));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in new[] { "ImageInfos", "ImageInfoFiles" })
        {
            var outputs = result.TrackedSteps[step].SelectMany(run => run.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} re-ran: {o.Reason}"));
        }
    }

    private static GeneratorDriver ImageDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new ImageInfoGenerator().AsSourceGenerator() },
            parseOptions: DeclarationReferences.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private static string ImageSource(GeneratorDriverRunResult result) =>
        result.GeneratedTrees.Single(t => t.FilePath.EndsWith("Shop.Api.Image.g.cs", System.StringComparison.Ordinal)).ToString();

    /// <summary>The errors of <paramref name="source"/> compiled with the generated code and <paramref name="statements"/> in a method.</summary>
    private static List<Diagnostic> Errors(string source, string statements)
    {
        var output = Generated(source, "public static class Use { public static void M() { " + statements + " } }");
        return output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    }

    /// <summary>The <c>Values</c> of the record <paramref name="expression"/> makes, from the compiled and loaded assembly.</summary>
    private static IReadOnlyDictionary<string, string> Values(string source, string expression)
    {
        var output = Generated(source, "public static class Use { public static System.Collections.Generic.IReadOnlyDictionary<string, string> M() => ((DockerDsl.IBuildArguments<Shop.Api>)" + expression + ").Values; }");
        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var assembly = new AssemblyLoadContext(null, isCollectible: true).LoadFromStream(new MemoryStream(stream.ToArray()));
        return (IReadOnlyDictionary<string, string>)assembly.GetType("Use")!.GetMethod("M")!.Invoke(null, null)!;
    }

    private static Compilation Generated(string source, string use)
    {
        var driver = CSharpGeneratorDriver.Create(
            new[] { new DockerfileGenerator().AsSourceGenerator(), new ImageInfoGenerator().AsSourceGenerator() },
            parseOptions: DeclarationReferences.ParseOptions);
        driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compile(source, use), out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        return output;
    }

    private static INamedTypeSymbol CompiledApi(string source, bool expectErrors = false)
    {
        var driver = CSharpGeneratorDriver.Create(
            new[] { new DockerfileGenerator().AsSourceGenerator(), new ImageInfoGenerator().AsSourceGenerator() },
            parseOptions: DeclarationReferences.ParseOptions);
        driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compile(source), out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(expectErrors || errors.Count == 0, string.Join("\n", errors));
        return output.GetTypeByMetadataName("Shop.Api")!;
    }
}
