namespace DockerDsl.Core.Lint;

/// <summary>Runs every rule that applies to Dockerfile text on one Dockerfile, as <c>dockerdsl lint</c> does.</summary>
public static class DockerfileLinter
{
    /// <summary>
    /// Reads <paramref name="text"/> as BuildKit does and runs the rules on it. Never throws on bad
    /// input: a Dockerfile BuildKit would refuse is a <see cref="LintResult.Error"/>.
    /// </summary>
    /// <param name="path">The file's path as the findings should name it.</param>
    public static LintResult Lint(string path, string text, LintOptions options) =>
        throw new System.NotImplementedException("The Dockerfile text front end is being written.");
}
