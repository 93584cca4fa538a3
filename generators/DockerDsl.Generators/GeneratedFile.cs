namespace DockerDsl.Generators;

/// <summary>One generated C# file; equatable so unchanged output is not added again.</summary>
public sealed record GeneratedFile(string HintName, string Source);
