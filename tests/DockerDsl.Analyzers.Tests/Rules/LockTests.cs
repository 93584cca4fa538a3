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

    // The base image's user, as its locked config records it, when no stage sets one: DDSL001 for root, DDSL010 for a
    // name. null: the config sets no User (root).
    [Theory]
    [InlineData("1654", false, false)]
    [InlineData("1654:1654", false, false)]
    [InlineData("1000:app", false, false)]
    [InlineData("nonroot", false, true)]
    [InlineData("app:app", false, true)]
    [InlineData("root", true, false)]
    [InlineData("0", true, false)]
    [InlineData("0:0", true, false)]
    [InlineData("", true, false)]
    [InlineData(null, true, false)]
    public async Task The_locked_base_user_decides_DDSL001_and_DDSL010(string? user, bool root, bool name)
    {
        var lockText = Lock(ConfigEntry("mcr.microsoft.com/dotnet/runtime-deps:10.0", user is null ? "{}" : $"{{\"User\": \"{user}\"}}"));
        await RunAsync<RootUserAnalyzer>(Final, lockText, locked: false,
            root ? new[] { new DiagnosticResult("DDSL001", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("final", "root (no USER is set)") } : System.Array.Empty<DiagnosticResult>());
        await RunAsync<UserByNameAnalyzer>(Final, lockText, locked: false,
            name ? new[] { new DiagnosticResult("DDSL010", DiagnosticSeverity.Warning).WithLocation(0).WithArguments($"'{user}', the user of its base image as dockerdsl.lock.json records it, is a name") } : System.Array.Empty<DiagnosticResult>());
    }

    [Fact]
    public Task DDSL010_reports_a_named_base_user_on_any_locked_platform() =>
        RunAsync<UserByNameAnalyzer>(Final, Lock($$"""
            "mcr.microsoft.com/dotnet/runtime-deps:10.0": {
              "digest": "{{Digest}}",
              "mediaType": "application/vnd.oci.image.index.v1+json",
              "platforms": {
                "linux/amd64": {"architecture": "amd64", "config": {"User": "1654"}, "digest": "{{Digest}}", "os": "linux"},
                "linux/arm64": {"architecture": "arm64", "config": {"User": "app"}, "digest": "{{Digest}}", "os": "linux"}
              },
              "repository": "mcr.microsoft.com/dotnet/runtime-deps"
            }
            """), locked: false,
            new DiagnosticResult("DDSL010", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("'app', the user of its base image as dockerdsl.lock.json records it, is a name"));

    [Fact]
    public Task A_declared_USER_decides_over_the_base_images() =>
        RunAsync<UserByNameAnalyzer>(Final.Replace("[Cmd(\"/app/run\")]", "[User(1001, 1001)]\n    [Cmd(\"/app/run\")]"),
            Lock(ConfigEntry("mcr.microsoft.com/dotnet/runtime-deps:10.0", "{\"User\": \"nonroot\"}")), locked: false);

    [Fact]
    public Task Without_a_lock_entry_a_base_user_is_not_known_and_DDSL010_says_nothing() =>
        RunAsync<UserByNameAnalyzer>(Final, Lock(ConfigEntry("mcr.microsoft.com/dotnet/aspnet:10.0", "{\"User\": \"app\"}")), locked: false);

    // A USER given by a variable the base image sets: the locked config's Env decides it, as BuildKit expands it.
    private const string UserFromBaseVariable = """
        using DockerDsl;

        [Dockerfile("Dockerfile")]
        public partial class App
        {
            [Stage(From = "mcr.microsoft.com/dotnet/runtime-deps:10.0")]
            [{|#0:User("$APP_UID")|}]
            [Cmd("/app/run")]
            public partial class Final;
        }
        """;

    [Theory]
    [InlineData("1654", null, null)]
    [InlineData("0", "'$APP_UID', which is 0", null)]
    [InlineData("app", null, "'$APP_UID' is the name 'app'")]
    public async Task A_USER_variable_the_locked_base_image_sets_is_expanded_with_its_environment(string value, string? root, string? name)
    {
        var lockText = Lock(ConfigEntry("mcr.microsoft.com/dotnet/runtime-deps:10.0", $"{{\"Env\": [\"PATH=/usr/bin:/bin\", \"APP_UID={value}\"], \"User\": \"{value}\"}}"));
        await RunAsync<RootUserAnalyzer>(UserFromBaseVariable, lockText, locked: false,
            root is null ? System.Array.Empty<DiagnosticResult>() : new[] { new DiagnosticResult("DDSL001", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("final", root) });
        await RunAsync<UserByNameAnalyzer>(UserFromBaseVariable, lockText, locked: false,
            name is null ? System.Array.Empty<DiagnosticResult>() : new[] { new DiagnosticResult("DDSL010", DiagnosticSeverity.Warning).WithLocation(0).WithArguments(name) });
    }

    [Fact]
    public Task A_USER_variable_a_locked_base_image_does_not_set_is_empty_so_root() =>
        RunAsync<RootUserAnalyzer>(UserFromBaseVariable, Lock(ConfigEntry("mcr.microsoft.com/dotnet/runtime-deps:10.0", "{\"Env\": [\"PATH=/usr/bin:/bin\"]}")), locked: false,
            new DiagnosticResult("DDSL001", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("final", "'$APP_UID', which is empty: root"));

    [Fact]
    public Task DDSL002_accepts_a_base_whose_locked_config_has_a_health_check() =>
        RunAsync<MissingHealthCheckAnalyzer>(Final, Lock(ConfigEntry("mcr.microsoft.com/dotnet/runtime-deps:10.0", "{\"Healthcheck\": {\"Test\": [\"CMD\", \"/healthz\"]}}")), locked: false);

    [Fact]
    public Task DDSL002_reports_a_locked_base_without_a_health_check() =>
        RunAsync<MissingHealthCheckAnalyzer>(Final, Lock(ConfigEntry("mcr.microsoft.com/dotnet/runtime-deps:10.0", "{}")), locked: false,
            new DiagnosticResult("DDSL002", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("final"));

    private const string PrivateSource = """
        using DockerDsl;

        [Dockerfile("Dockerfile")]
        public partial class App
        {
            [Stage(From = "registry.example/team/debian:12")]
            [{|#0:NonRootUser("app")|}]
            public partial class Final;
        }
        """;

    private static string WithFamily(string reference, string family) => Entry(reference, "linux/amd64").Replace(
        "\"os\": \"linux\"}", $"\"os\": \"linux\", \"fileSystem\": {{\"family\": \"{family}\", \"tools\": [\"/bin/sh\", \"apt-get\", \"useradd\"]}}}}");

    private const string RunSource = """
        using DockerDsl;

        [Dockerfile("Dockerfile")]
        public partial class App
        {
            [Stage(From = "registry.example/team/debian:12")]
            [Run({|#0:"apk add curl"|})]
            public partial class Final;
        }
        """;

    [Fact]
    public Task DDSL044_reads_the_family_of_a_locked_base_from_its_layers() =>
        RunAsync<CommandNotOnBaseAnalyzer>(RunSource, Lock(WithFamily("registry.example/team/debian:12", "Debian")), locked: false,
            new DiagnosticResult("DDSL044", DiagnosticSeverity.Warning).WithLocation(0));

    [Fact]
    public Task DDSL044_does_not_guess_the_family_of_a_locked_base_without_layer_facts() =>
        RunAsync<CommandNotOnBaseAnalyzer>(RunSource.Replace("{|#0:", string.Empty).Replace("|})]", ")]"), Lock(Entry("registry.example/team/debian:12", "linux/amd64")), locked: false);

    [Fact]
    public Task DDSL113_is_not_reported_for_a_base_whose_locked_layers_tell_its_family() =>
        RunAsync<DeclarationProblemAnalyzer>(PrivateSource, Lock(WithFamily("registry.example/team/debian:12", "Debian")), locked: false);

    [Fact]
    public Task DDSL113_stays_for_a_locked_base_whose_lock_has_no_layer_facts() =>
        RunAsync<DeclarationProblemAnalyzer>(PrivateSource, Lock(Entry("registry.example/team/debian:12", "linux/amd64")), locked: false,
            new DiagnosticResult("DDSL113", DiagnosticSeverity.Error).WithLocation(0));
}

/// <summary>DDSL046: BuildKit's InvalidBaseImagePlatform, from the platforms and image configs the lock records.</summary>
public sealed class InvalidBaseImagePlatformTests
{
    private static readonly string Digest = "sha256:" + new string('a', 64);

    // An entry: its media type (index or one manifest), the index's platforms (null: not recorded), and each locked
    // platform with the os/architecture its image config says.
    private static string Entry(string reference, bool index, string[]? indexPlatforms, params (string Platform, string Config)[] platforms) => $$"""
            "{{reference}}": {
              "digest": "{{Digest}}",
              {{(indexPlatforms is null ? string.Empty : "\"indexPlatforms\": [" + string.Join(", ", System.Array.ConvertAll(indexPlatforms, p => $"\"{p}\"")) + "],")}}
              "mediaType": "{{(index ? "application/vnd.oci.image.index.v1+json" : "application/vnd.oci.image.manifest.v1+json")}}",
              "platforms": {{{string.Join(",", System.Array.ConvertAll(platforms, p => $"\"{p.Platform}\": {{\"architecture\": \"{p.Config.Split('/')[1]}\", \"config\": {{}}, \"digest\": \"{Digest}\", \"os\": \"{p.Config.Split('/')[0]}\"{(p.Config.Split('/').Length > 2 ? $", \"variant\": \"{p.Config.Split('/')[2]}\"" : string.Empty)}}}"))}}},
              "repository": "docker.io/library/{{reference.Split(':')[0]}}"
            }
        """;

    private static string Lock(params string[] entries) => "{\"formatVersion\": 1, \"images\": {\n" + string.Join(",\n", entries) + "\n}}\n";

    private static Task RunAsync(string source, string lockText, params DiagnosticResult[] expected)
    {
        var test = new Infrastructure.AnalyzerTest<InvalidBaseImagePlatformAnalyzer> { TestCode = source };
        test.TestState.AdditionalFiles.Add(("/project/dockerdsl.lock.json", lockText));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Reported(int location, string image, string detail, string platform) =>
        new DiagnosticResult("DDSL046", DiagnosticSeverity.Warning).WithLocation(location).WithArguments(image, detail, platform);

    private static string Source(string platforms, string stage = "[{|#0:Stage(From = \"tool:1\")|}]") => $$"""
        using DockerDsl;

        [Dockerfile("Dockerfile"{{platforms}})]
        public partial class App
        {
            {{stage}}
            public partial class Final;
        }
        """;

    private const string Both = ", Platforms = new[] { \"linux/amd64\", \"linux/arm64\" }";

    [Fact]
    public Task A_single_platform_image_locked_for_another_platform_is_reported() =>
        RunAsync(Source(Both), Lock(Entry("tool:1", false, null, ("linux/amd64", "linux/amd64"), ("linux/arm64", "linux/amd64"))),
            Reported(0, "tool:1", "is locked as a single-platform image for linux/amd64", "linux/arm64"));

    [Fact]
    public Task A_single_platform_image_not_locked_for_a_declared_platform_is_known_by_its_one_platform() =>
        RunAsync(Source(Both), Lock(Entry("tool:1", false, null, ("linux/arm64", "linux/arm64"))),
            Reported(0, "tool:1", "is locked as a single-platform image for linux/arm64", "linux/amd64"));

    [Fact]
    public Task An_index_without_the_declared_platform_is_reported_with_the_platforms_it_has() =>
        RunAsync(Source(Both), Lock(Entry("tool:1", true, new[] { "linux/amd64", "linux/s390x" }, ("linux/amd64", "linux/amd64"))),
            Reported(0, "tool:1", "is locked as an index of linux/amd64, linux/s390x only", "linux/arm64"));

    [Fact]
    public Task Every_declared_platform_the_image_lacks_is_named_in_one_diagnostic() =>
        RunAsync(Source(", Platforms = new[] { \"linux/amd64\", \"linux/arm64\", \"linux/s390x\" }"), Lock(Entry("tool:1", false, null, ("linux/amd64", "linux/amd64"))),
            Reported(0, "tool:1", "is locked as a single-platform image for linux/amd64", "linux/arm64, linux/s390x"));

    [Fact]
    public Task An_index_entry_of_another_architecture_that_stands_in_is_reported() =>
        RunAsync(Source(Both), Lock(Entry("tool:1", true, new[] { "linux/amd64", "linux/arm/v7" }, ("linux/amd64", "linux/amd64"), ("linux/arm64", "linux/arm/v7"))),
            Reported(0, "tool:1", "is locked for linux/arm64 as its index's linux/arm/v7 image", "linux/arm64"));

    [Fact]
    public Task An_index_with_every_declared_platform_is_fine_even_where_the_lock_has_not_locked_it_yet() =>
        RunAsync(Source(Both), Lock(Entry("tool:1", true, new[] { "linux/amd64", "linux/arm64" }, ("linux/amd64", "linux/amd64"))));

    [Fact]
    public Task Only_OS_and_architecture_are_compared_as_BuildKit_does_not_the_variant() =>
        RunAsync(Source(", Platforms = new[] { \"linux/arm/v7\" }"), Lock(Entry("tool:1", true, new[] { "linux/arm/v6" }, ("linux/arm/v7", "linux/arm/v6"))));

    [Fact]
    public Task An_index_whose_platforms_were_not_recorded_is_not_judged_where_it_is_not_locked() =>
        RunAsync(Source(Both), Lock(Entry("tool:1", true, null, ("linux/amd64", "linux/amd64"))));

    [Fact]
    public Task An_image_the_lock_does_not_hold_is_not_judged() =>
        RunAsync(Source(Both), Lock(Entry("other:1", false, null, ("linux/amd64", "linux/s390x"))));

    [Fact]
    public Task Without_declared_platforms_a_stage_without_its_own_platform_is_not_judged() =>
        RunAsync(Source(string.Empty), Lock(Entry("tool:1", false, null, ("linux/amd64", "linux/arm64"))));

    [Fact]
    public Task A_stage_with_a_constant_platform_is_judged_without_declared_platforms() =>
        RunAsync(Source(string.Empty, "[{|#0:Stage(From = \"tool:1\", Platform = \"linux/arm64\")|}]"), Lock(Entry("tool:1", false, null, ("linux/arm64", "linux/amd64"))),
            Reported(0, "tool:1", "is locked as a single-platform image for linux/amd64", "linux/arm64"));

    [Fact]
    public Task A_stage_on_the_build_platform_depends_on_the_machine_and_is_not_judged() =>
        RunAsync(Source(Both, "[Stage(From = \"tool:1\", Platform = \"$BUILDPLATFORM\")]"), Lock(Entry("tool:1", false, null, ("linux/amd64", "linux/s390x"))));

    [Fact]
    public Task A_CopyFrom_image_is_judged_at_the_CopyFrom_as_BuildKit_resolves_it_as_a_stage() =>
        RunAsync(Source(Both, "[Stage(From = \"tool:1\")]\n    [{|#0:CopyFrom(\"helper:2\", \"/bin/helper\", \"/usr/local/bin/helper\")|}]"),
            Lock(Entry("tool:1", true, new[] { "linux/amd64", "linux/arm64" }), Entry("helper:2", false, null, ("linux/amd64", "linux/amd64"))),
            Reported(0, "helper:2", "is locked as a single-platform image for linux/amd64", "linux/arm64"));
}
