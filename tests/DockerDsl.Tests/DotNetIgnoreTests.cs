using System.Linq;
using DockerDsl.Tests.Infrastructure;

namespace DockerDsl.Tests;

/// <summary>The .NET build-output patterns are written where the context holds the project, and can be switched.</summary>
public class DotNetIgnoreTests
{
    private static readonly string[] DotNet = { "**/bin/", "**/obj/", "**/*.user", "**/TestResults/" };
    private static readonly string[] Common = { "**/.git/", "**/.vs/", "**/.vscode/", "**/.idea/", "**/node_modules/" };

    [Theory]
    [InlineData("")]
    [InlineData(", DotNetIgnore = DotNetIgnorePatterns.Always")]
    public void Without_the_default_patterns_the_dockerignore_is_exactly_Ignore(string settings)
    {
        var (result, _) = GeneratorHarness.Run(GeneratedOutput.Usings + $$"""
            [Dockerfile("Dockerfile", DefaultIgnore = false{{settings}}, Ignore = new[] { "secrets/", "!secrets/README.md" })]
            public partial class D
            {
                [Stage(From = "alpine:3.20")]
                public partial class S;
            }
            """);

        var lines = GeneratorHarness.GeneratedFiles(result.GeneratedTrees).Single(f => f.Path == "Dockerfile.dockerignore").Text.Split('\n');
        Assert.Equal(new[] { "secrets/", "!secrets/README.md" }, lines.Where(l => l.Length > 0 && !l.StartsWith('#')));
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData(".", null, true)]
    [InlineData("..", null, true)]
    [InlineData("../..", null, true)]
    [InlineData("./", null, true)]
    [InlineData("web", null, false)]
    [InlineData("../frontend", null, false)]
    [InlineData(".", "DotNetIgnorePatterns.Never", false)]
    [InlineData("web", "DotNetIgnorePatterns.Always", true)]
    [InlineData("web", "DotNetIgnorePatterns.Auto", false)]
    public void The_dotnet_patterns_follow_the_context_unless_stated(string? context, string? setting, bool dotNet)
    {
        var arguments = (context is null ? string.Empty : $", Context = \"{context}\"") + (setting is null ? string.Empty : ", DotNetIgnore = " + setting);
        var (result, _) = GeneratorHarness.Run(GeneratedOutput.Usings + $$"""
            [Dockerfile("Dockerfile"{{arguments}}, Ignore = new[] { "secrets/" })]
            public partial class D
            {
                [Stage(From = "alpine:3.20")]
                public partial class S;
            }
            """);

        var lines = GeneratorHarness.GeneratedFiles(result.GeneratedTrees).Single(f => f.Path == "Dockerfile.dockerignore").Text.Split('\n');
        Assert.All(Common, p => Assert.Contains(p, lines));
        Assert.All(DotNet, p => Assert.Equal(dotNet, lines.Contains(p)));
        Assert.Equal("secrets/", lines.Where(l => l.Length > 0).Last());
    }
}
