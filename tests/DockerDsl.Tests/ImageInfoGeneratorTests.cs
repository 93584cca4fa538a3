using System.Linq;
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
