using DockerDsl.Core.Model;
using DockerDsl.Core.Text;

namespace DockerDsl.Core.Lint;

/// <summary>What a rule reads when it runs on Dockerfile text: the document (syntax and model) and the build's inputs.</summary>
public sealed class LintContext
{
    internal LintContext(DockerfileDocument document, LintOptions options)
    {
        Document = document;
        Options = options;
    }

    public DockerfileDocument Document { get; }

    public DockerfileModel Model => Document.Model;

    public LintOptions Options { get; }
}
