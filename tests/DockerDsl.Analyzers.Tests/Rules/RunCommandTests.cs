using System.Threading.Tasks;
using DockerDsl.Analyzers.Rules;
using DockerDsl.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using static DockerDsl.Analyzers.Tests.Rules.InstructionTests;

namespace DockerDsl.Analyzers.Tests.Rules;

public class RunCommandTests
{
    [Theory]
    [InlineData("apt-get update", "apt-get install curl")]
    [InlineData("apt-get update", "DEBIAN_FRONTEND=noninteractive apt-get install --no-install-recommends curl")]
    public Task Apt_get_install_without_yes(string first, string second) =>
        Verify<AptGetInstallWithoutYesAnalyzer>.AnalyzeAsync(Stage($"[Run({{|DDSL013:\"{first}\", \"{second}\"|}})]"));

    [Theory]
    [InlineData("apt-get install -y --no-install-recommends curl")]
    [InlineData("apt-get -qq install --no-install-recommends curl")]
    [InlineData("apt-get install --yes curl")]
    [InlineData("apt-get install -qy curl")]
    [InlineData("apt-get update")]
    public Task Apt_get_with_yes_is_fine(string command) =>
        Verify<AptGetInstallWithoutYesAnalyzer>.AnalyzeAsync(Stage($"[Run(\"{command}\")]"));

    [Theory]
    [InlineData("if apt-get install curl; then echo ok; fi", "apt-get install curl")]
    [InlineData("while ! apt-get install curl; do sleep 1; done", "apt-get install curl")]
    [InlineData("{ apt-get install curl; }", "apt-get install curl")]
    [InlineData("sudo -u root apt-get install curl", "sudo -u root apt-get install curl")]
    [InlineData("sudo -E -- apt-get install curl", "sudo -E -- apt-get install curl")]
    public Task Apt_get_install_is_found_after_reserved_words_and_sudo_options(string command, string reported) =>
        Verify<AptGetInstallWithoutYesAnalyzer>.AnalyzeAsync(
            Stage($"[Run({{|#0:\"{command}\"|}})]"),
            Verify<AptGetInstallWithoutYesAnalyzer>.Diagnostic("DDSL013").WithLocation(0).WithArguments(reported));

    [Fact]
    public Task Apt_get_install_without_no_install_recommends() =>
        Verify<AptGetInstallWithoutNoInstallRecommendsAnalyzer>.AnalyzeAsync(
            Stage("[Run({|#0:\"apt-get install -y curl\"|})]\n[Run(\"apt-get install -y --no-install-recommends curl\")]\n[AptInstall(\"curl\")]"),
            Verify<AptGetInstallWithoutNoInstallRecommendsAnalyzer>.Diagnostic("DDSL014").WithLocation(0).WithArguments("apt-get install -y curl"));

    [Fact]
    public Task Apt_instead_of_apt_get() =>
        Verify<AptInsteadOfAptGetAnalyzer>.AnalyzeAsync(Stage("[Run({|DDSL015:\"apt install -y curl\"|})]\n[Run(\"echo apt\")]"));

    [Fact]
    public Task Sudo_is_reported_also_in_raw_and_heredoc_runs() =>
        Verify<SudoAnalyzer>.AnalyzeAsync(Stage("""
            [Run({|DDSL016:"make", "sudo make install"|})]
            [Instruction({|DDSL016:"RUN --network=none sudo -E make check"|})]
            [RunHeredoc({|DDSL016:"set -e\nsudo ldconfig\n"|})]
            [Run("echo sudo")]
            [RunExec("sudo", "true")]
            """));

    [Theory]
    [InlineData("service nginx start", "service nginx start")]
    [InlineData("ps aux", "ps aux")]
    [InlineData("make && kill -HUP 1", "kill -HUP 1")]
    [InlineData("top -b -n 1", "top -b -n 1")]
    [InlineData("free -m; df -h", "free -m")]
    [InlineData("mount -t tmpfs none /mnt", "mount -t tmpfs none /mnt")]
    [InlineData("ifconfig eth0", "ifconfig eth0")]
    [InlineData("ssh git@example.com true", "ssh git@example.com true")]
    [InlineData("vim -c wq /etc/hosts", "vim -c wq /etc/hosts")]
    [InlineData("shutdown -h now", "shutdown -h now")]
    [InlineData("sudo service ssh restart", "sudo service ssh restart")]
    [InlineData("/usr/sbin/service cron start", "/usr/sbin/service cron start")]
    [InlineData("if ps -p 1; then echo up; fi", "ps -p 1")]
    [InlineData("echo $(ps -o pid=)", "ps -o pid=")]
    public Task A_command_that_makes_no_sense_in_a_container_is_reported(string command, string reported) =>
        Verify<PointlessCommandAnalyzer>.AnalyzeAsync(
            Stage($"[Run({{|#0:\"{command}\"|}})]"),
            new DiagnosticResult("DDSL030", DiagnosticSeverity.Info).WithLocation(0).WithArguments(reported));

    [Fact]
    public Task The_command_is_found_also_in_raw_and_heredoc_runs() =>
        Verify<PointlessCommandAnalyzer>.AnalyzeAsync(Stage("""
            [Instruction({|DDSL030:"RUN --network=none service postgresql start"|})]
            [RunHeredoc({|DDSL030:"set -e\nps aux\n"|})]
            """));

    [Theory]
    [InlineData("apt-get install -y --no-install-recommends vim openssh-client")]
    [InlineData("echo kill ps top")]
    [InlineData("ssh-keygen -A")]
    [InlineData("pkill -f worker || true")]
    [InlineData("grep -q service /etc/services")]
    [InlineData("DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends procps")]
    [InlineData("useradd --shell /usr/sbin/nologin service")]
    public Task A_name_that_is_not_the_command_run_is_fine(string command) =>
        Verify<PointlessCommandAnalyzer>.AnalyzeAsync(Stage($"[Run(\"{command}\")]\n[RunExec(\"ps\", \"aux\")]"));

    [Fact]
    public Task Cd_instead_of_workdir() =>
        Verify<CdInsteadOfWorkDirAnalyzer>.AnalyzeAsync(Stage("[Run({|DDSL017:\"cd src && make\"|})]\n[Run(\"make -C src\")]\n[Run(\"echo cd\")]"));

    [Theory]
    [InlineData("curl -fsSL https://example.com/install.sh | sh")]
    [InlineData("wget -qO- https://example.com/x | tar -xz")]
    public Task A_pipe_without_pipefail_is_reported(string command) =>
        Verify<PipeWithoutPipefailAnalyzer>.AnalyzeAsync(Stage($"[Run({{|DDSL018:\"{command}\"|}})]"));

    [Theory]
    [InlineData("[Run(\"set -o pipefail\", \"curl -fsSL https://example.com/install.sh | bash\")]")]
    [InlineData("[Run(\"set -euo pipefail; curl -fsSL https://example.com/install.sh | bash\")]")]
    [InlineData("[Run(\"make || true\")]")]
    [InlineData("[Run(\"echo 'a | b'\")]")]
    [InlineData("[Shell(\"/bin/bash\", \"-o\", \"pipefail\", \"-c\")]\n[Run(\"curl -fsSL https://example.com/x | bash\")]")]
    public Task Pipefail_or_no_pipe_is_fine(string attributes) =>
        Verify<PipeWithoutPipefailAnalyzer>.AnalyzeAsync(Stage(attributes));

    [Fact]
    public Task A_pipefail_shell_is_inherited_from_the_base_stage() =>
        Verify<PipeWithoutPipefailAnalyzer>.AnalyzeAsync("""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                [Shell("/bin/bash", "-o", "pipefail", "-c")]
                public partial class Base;

                [Stage(From = typeof(Base))]
                [Run("curl -fsSL https://example.com/x | bash")]
                public partial class Final;

                [Stage(From = "debian:bookworm-slim")]
                [Run({|DDSL018:"curl -fsSL https://example.com/x | bash"|})]
                public partial class Other;
            }
            """);

    [Fact]
    public Task Apt_lists_left_in_the_layer() =>
        Verify<AptListsLeftInLayerAnalyzer>.AnalyzeAsync(Stage(
            """
            [Run({|DDSL021:"apt-get update", "apt-get install -y --no-install-recommends curl"|})]
            [Run("apt-get update", "apt-get install -y --no-install-recommends curl", "rm -rf /var/lib/apt/lists/*")]
            [Run("apt-get update", "apt-get install -y --no-install-recommends curl", Mounts = new[] { typeof(AptLists) })]
            [AptInstall("curl")]
            """,
            "[CacheMount(\"/var/lib/apt\", Sharing = CacheSharing.Locked)] public partial class AptLists;"));
}
