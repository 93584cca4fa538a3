using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DockerDsl.Cli.Registry;
using DockerDsl.Tests.Shared;

namespace DockerDsl.Cli.Tests.Lock;

/// <summary>How the registry client reads a WWW-Authenticate challenge and finds the Docker config's credentials.</summary>
public sealed class RegistryAuthTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_Bearer_challenge_gives_realm_service_and_scope_with_quotes_and_escapes_undone()
    {
        var challenge = AuthChallenge.Parse("Bearer", "realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\", scope=\"repository:library/debian:pull\" , error=insufficient_scope, note=\"a \\\"quoted\\\", comma\"");
        Assert.Equal("https://auth.docker.io/token", challenge["realm"]);
        Assert.Equal("registry.docker.io", challenge["service"]);
        Assert.Equal("repository:library/debian:pull", challenge["scope"]);
        Assert.Equal("insufficient_scope", challenge["ERROR"]);
        Assert.Equal("a \"quoted\", comma", challenge["note"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(",,,")]
    [InlineData("realm")]
    [InlineData("=\"x\"")]
    public void A_challenge_without_parameters_has_none_and_does_not_throw(string? parameters)
    {
        var challenge = AuthChallenge.Parse("Basic", parameters);
        Assert.Null(challenge["realm"]);
    }

    [Fact]
    public void A_Basic_challenge_keeps_its_realm()
    {
        Assert.Equal("dockerdsl-tests", AuthChallenge.Parse("Basic", "realm=\"dockerdsl-tests\"")["realm"]);
    }

    private Dictionary<string, string> Environment(string config, string? path = null)
    {
        var folder = _temp.Combine("docker-config");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "config.json"), config);
        return new Dictionary<string, string>
        {
            ["DOCKER_CONFIG"] = folder,
            ["HOME"] = _temp.Combine("home"),
            ["PATH"] = path ?? "/usr/bin:/bin",
        };
    }

    private static Task<RegistryCredential?> Get(Dictionary<string, string> environment, string domain) =>
        new DockerCredentials(environment, TimeSpan.FromSeconds(10)).GetAsync(domain, CancellationToken.None);

    private static string Auth(string user, string password) => Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));

    [Fact]
    public async Task An_auths_entry_is_found_by_host_also_when_written_as_a_URL()
    {
        var environment = Environment($$$"""
            {"auths": {
              "https://registry.example:5000/v1/": {"auth": "{{{Auth("ann", "pa:ss")}}}"},
              "other.example": {"identitytoken": "refresh-me"}
            }}
            """);
        var credential = await Get(environment, "registry.example:5000");
        Assert.Equal(("ann", "pa:ss"), (credential!.Username, credential.Password));
        Assert.Equal("refresh-me", (await Get(environment, "other.example"))!.IdentityToken);
        Assert.Null(await Get(environment, "third.example"));
    }

    [Fact]
    public async Task Docker_Hub_is_the_index_docker_io_v1_entry()
    {
        var environment = Environment("{\"auths\": {\"https://index.docker.io/v1/\": {\"auth\": \"" + Auth("hub", "secret") + "\"}}}");
        Assert.Equal("hub", (await Get(environment, "docker.io"))!.Username);
    }

    [Fact]
    public async Task No_config_file_means_no_credentials()
    {
        var environment = new Dictionary<string, string> { ["DOCKER_CONFIG"] = _temp.Combine("nothing-here"), ["PATH"] = "/bin" };
        Assert.Null(await Get(environment, "registry.example"));
    }

    [Fact]
    public async Task A_config_that_is_not_JSON_is_an_error_naming_the_file()
    {
        var environment = Environment("{\"auths\": ");
        var exception = await Assert.ThrowsAsync<RegistryException>(() => Get(environment, "registry.example"));
        Assert.Contains("config.json cannot be read", exception.Message, StringComparison.Ordinal);
    }

    /// <summary>A docker-credential-NAME script: answers for one server, says "credentials not found" for others, and logs what it was asked.</summary>
    private string Helper(string name, string server, string user, string secret)
    {
        var folder = _temp.Combine("helpers");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "docker-credential-" + name);
        File.WriteAllText(path, $$"""
            #!/bin/sh
            [ "$1" = get ] || exit 3
            read -r server
            echo "$server" >> "{{path}}.log"
            if [ "$server" = "{{server}}" ]; then
              printf '{"ServerURL":"%s","Username":"{{user}}","Secret":"{{secret}}"}\n' "$server"
            else
              echo "credentials not found in native keychain"
              exit 1
            fi
            """.Replace("\r", string.Empty));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return folder;
    }

    [Fact]
    public async Task CredsStore_asks_its_helper_and_credHelpers_wins_for_its_registry()
    {
        Helper("store", "registry.example", "from-store", "s1");
        var folder = Helper("special", "special.example", "from-special", "s2");
        var environment = Environment(
            "{\"credsStore\": \"store\", \"credHelpers\": {\"special.example\": \"special\"}, \"auths\": {\"registry.example\": {\"auth\": \"" + Auth("ignored", "x") + "\"}}}",
            folder + ":/usr/bin:/bin");
        var stored = await Get(environment, "registry.example");
        Assert.Equal(("from-store", "s1"), (stored!.Username, stored.Password));
        var special = await Get(environment, "special.example");
        Assert.Equal("from-special", special!.Username);
        Assert.Equal("docker-credential-special", special.Source);
        Assert.Null(await Get(environment, "unknown.example"));
        Assert.Equal(new[] { "registry.example", "unknown.example" }, File.ReadAllLines(Path.Combine(folder, "docker-credential-store.log")));
    }

    [Fact]
    public async Task A_helper_that_answers_the_token_user_gives_an_identity_token()
    {
        var folder = Helper("tokens", "https://index.docker.io/v1/", "<token>", "refresh-token");
        var environment = Environment("""{"credsStore": "tokens"}""", folder);
        var credential = await Get(environment, "docker.io");
        Assert.Equal("refresh-token", credential!.IdentityToken);
        Assert.Null(credential.Password);
    }

    [Fact]
    public async Task A_helper_not_on_PATH_is_an_error_naming_it()
    {
        var environment = Environment("""{"credHelpers": {"registry.example": "missing"}}""");
        var exception = await Assert.ThrowsAsync<RegistryException>(() => Get(environment, "registry.example"));
        Assert.Contains("docker-credential-missing is not on PATH", exception.Message, StringComparison.Ordinal);
    }
}
