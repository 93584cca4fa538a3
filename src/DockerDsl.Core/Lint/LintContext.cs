using DockerDsl.Core.Model;
using DockerDsl.Core.Rules;
using DockerDsl.Core.Text;

namespace DockerDsl.Core.Lint;

/// <summary>What a rule reads when it runs on Dockerfile text: the document (syntax and model) and the build's inputs.</summary>
public sealed class LintContext
{
    private GlobalArguments? _arguments;
    private ExpandedWords? _words;

    internal LintContext(DockerfileDocument document, LintOptions options)
    {
        Document = document;
        Options = options;
    }

    public DockerfileDocument Document { get; }

    public DockerfileModel Model => Document.Model;

    public LintOptions Options { get; }

    /// <summary>The global build arguments FROM lines see in this build.</summary>
    public GlobalArguments Arguments => _arguments ??= GlobalArguments.Of(Model, Options.BuildArgs, Options.Target);

    /// <summary>
    /// The platform the build is for, in normal form: the <c>TARGETPLATFORM</c> build argument, else linux/amd64, as
    /// the linter takes every build to be (<see cref="PlatformSpecifier"/>).
    /// </summary>
    public string TargetPlatform => Platform("TARGETPLATFORM");

    /// <summary>The platform of the building machine: the <c>BUILDPLATFORM</c> build argument, else linux/amd64.</summary>
    public string BuildPlatform => Platform("BUILDPLATFORM");

    private string Platform(string argument) =>
        Options.BuildArgs.TryGetValue(argument, out var value) && Lock.LockPlatform.Normalize(value) is { } platform ? platform : "linux/amd64";

    /// <summary>The words of every instruction as BuildKit expands them while it builds the stages of <see cref="Model"/>.</summary>
    public ExpandedWords Words => _words ??= ExpandedWords.Of(Document, Options.BuildArgs, Options.Target, Options.ImageEnvironments);
}
