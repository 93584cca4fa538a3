namespace DockerDsl.Generators;

/// <summary>The MSBuild properties the generator reads (<c>build_property.*</c>).</summary>
/// <param name="Syntax"><c>DockerDslSyntax</c>: the default <c># syntax=</c> value, or <c>none</c>.</param>
/// <param name="BakeFile"><c>DockerDslBakeFile</c>: where the bake file goes, or <c>none</c>.</param>
/// <param name="ProjectDirectory"><c>ProjectDir</c>, which the SDK passes to every compilation: bake paths above the project need it.</param>
/// <param name="OutputDirectory"><c>DockerDslOutputDirectory</c>: the folder the declared paths, and so the bake file's, are relative to.</param>
public sealed record ProjectOptions(string? Syntax, string? BakeFile, string? ProjectDirectory, string? OutputDirectory)
{
    public static ProjectOptions From(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options) => new(
        Value(options, "DockerDslSyntax"),
        Value(options, "DockerDslBakeFile"),
        Value(options, "ProjectDir"),
        Value(options, "DockerDslOutputDirectory"));

    private static string? Value(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options, string property) =>
        options.TryGetValue("build_property." + property, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
