using System.Threading.Tasks;
using DockerDsl.Analyzers.Rules;
using DockerDsl.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace DockerDsl.Analyzers.Tests.Rules;

/// <summary>dockerdsl.lock.json as an AdditionalFile: DDSL004 accepts a locked image; DockerDslLocked=true makes an unlocked one DDSL112.</summary>
public sealed class LockTests
{
    private static readonly string Digest = "sha256:" + new string('a', 64);

    private static string Entry(string reference, params string[] platforms) => $$"""
            "{{reference}}": {
              "digest": "{{Digest}}",
              "mediaType": "application/vnd.oci.image.index.v1+json",
              "platforms": {{{string.Join(",", System.Array.ConvertAll(platforms, p => $"\"{p}\": {{\"architecture\": \"{p.Split('/')[1]}\", \"config\": {{}}, \"digest\": \"{Digest}\", \"os\": \"linux\"}}"))}}},
              "repository": "docker.io/library/{{reference.Split(':')[0]}}"
            }
        """;

    private static string Lock(params string[] entries) => "{\"formatVersion\": 1, \"images\": {\n" + string.Join(",\n", entries) + "\n}}\n";

    private static Task RunAsync<TAnalyzer>(string source, string? lockText, bool locked, params DiagnosticResult[] expected)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
    {
        var test = new Infrastructure.AnalyzerTest<TAnalyzer> { TestCode = source };
        if (lockText is not null)
        {
            test.TestState.AdditionalFiles.Add(("/project/dockerdsl.lock.json", lockText));
        }

        if (locked)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.DockerDslLocked = true\n"));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult NotLocked(int location, string image, string detail) =>
        new DiagnosticResult("DDSL112", DiagnosticSeverity.Error).WithLocation(location).WithArguments(image, detail);

    private const string Source = """
        using DockerDsl;

        [Dockerfile("Dockerfile", Platforms = new[] { "linux/amd64", "linux/arm64" })]
        public partial class App
        {
            [Stage({|#0:From = "debian"|})]
            public partial class Build;

            [Stage(From = typeof(Build))]
            [{|#1:CopyFrom("alpine:3.20", "/etc/os-release", "/os-release")|}]
            [CopyFrom(typeof(Build), "/etc/os-release", "/build-os-release")]
            public partial class Final;
        }
        """;

    [Fact]
    public Task DDSL004_accepts_an_untagged_image_the_lock_pins() =>
        RunAsync<UnpinnedBaseImageAnalyzer>(Source, Lock(Entry("debian", "linux/amd64")), locked: false);

    [Fact]
    public Task DDSL004_still_reports_an_untagged_image_the_lock_does_not_hold() =>
        RunAsync<UnpinnedBaseImageAnalyzer>(Source, Lock(Entry("alpine:3.20", "linux/amd64")), locked: false,
            new DiagnosticResult("DDSL004", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("debian", "has no tag"));

    [Fact]
    public Task Without_DockerDslLocked_a_missing_entry_is_fine() =>
        RunAsync<ImageNotLockedAnalyzer>(Source, Lock(Entry("debian", "linux/amd64")), locked: false);

    [Fact]
    public Task With_DockerDslLocked_every_image_and_declared_platform_must_be_locked() =>
        RunAsync<ImageNotLockedAnalyzer>(Source, Lock(Entry("debian", "linux/amd64")), locked: true,
            NotLocked(0, "debian", " for linux/arm64"),
            NotLocked(1, "alpine:3.20", string.Empty));

    [Fact]
    public Task With_DockerDslLocked_a_complete_lock_is_fine() =>
        RunAsync<ImageNotLockedAnalyzer>(Source, Lock(Entry("debian", "linux/amd64", "linux/arm64"), Entry("alpine:3.20", "linux/amd64", "linux/arm64")), locked: true);

    [Fact]
    public Task With_DockerDslLocked_and_no_lock_file_every_image_is_reported() =>
        RunAsync<ImageNotLockedAnalyzer>(Source, null, locked: true,
            NotLocked(0, "debian", string.Empty),
            NotLocked(1, "alpine:3.20", string.Empty));

    [Fact]
    public Task With_DockerDslLocked_a_lock_file_that_cannot_be_read_says_why() =>
        RunAsync<ImageNotLockedAnalyzer>(Source, "{\"formatVersion\": 9, \"images\": {}}", locked: true,
            NotLocked(0, "debian", " (it cannot be read: line 1, column 19: the file is in format version 9 by a newer dockerdsl; this dockerdsl reads version 1)"),
            NotLocked(1, "alpine:3.20", " (it cannot be read: line 1, column 19: the file is in format version 9 by a newer dockerdsl; this dockerdsl reads version 1)"));

    private static string ConfigEntry(string reference, string config) => $$"""
            "{{reference}}": {
              "digest": "{{Digest}}",
              "mediaType": "application/vnd.oci.image.manifest.v1+json",
              "platforms": {"linux/amd64": {"architecture": "amd64", "config": {{config}}, "digest": "{{Digest}}", "os": "linux"} },
              "repository": "mcr.microsoft.com/dotnet/{{reference.Split('/')[^1].Split(':')[0]}}"
            }
        """;

    private const string Final = """
        using DockerDsl;

        [Dockerfile("Dockerfile")]
        public partial class App
        {
            [{|#0:Stage(From = "mcr.microsoft.com/dotnet/runtime-deps:10.0")|}]
            [Cmd("/app/run")]
            public partial class Final;
        }
        """;

    [Fact]
    public Task DDSL001_accepts_a_base_whose_locked_config_runs_as_a_non_root_user() =>
        RunAsync<RootUserAnalyzer>(Final, Lock(ConfigEntry("mcr.microsoft.com/dotnet/runtime-deps:10.0", "{\"User\": \"1654\"}")), locked: false);

    [Fact]
    public Task DDSL001_reports_a_base_whose_locked_config_runs_as_root() =>
        RunAsync<RootUserAnalyzer>(Final, Lock(ConfigEntry("mcr.microsoft.com/dotnet/runtime-deps:10.0", "{\"User\": \"\"}")), locked: false,
            new DiagnosticResult("DDSL001", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("final", "root (no USER is set)"));

    [Fact]
    public Task DDSL002_accepts_a_base_whose_locked_config_has_a_health_check() =>
        RunAsync<MissingHealthCheckAnalyzer>(Final, Lock(ConfigEntry("mcr.microsoft.com/dotnet/runtime-deps:10.0", "{\"Healthcheck\": {\"Test\": [\"CMD\", \"/healthz\"]}}")), locked: false);

    [Fact]
    public Task DDSL002_reports_a_locked_base_without_a_health_check() =>
        RunAsync<MissingHealthCheckAnalyzer>(Final, Lock(ConfigEntry("mcr.microsoft.com/dotnet/runtime-deps:10.0", "{}")), locked: false,
            new DiagnosticResult("DDSL002", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("final"));
}
