namespace DockerDsl.Core.Tests.Lint;

/// <summary>DDSL042: a PID 1 known to ignore SIGTERM, with no init in front of it and no STOPSIGNAL.</summary>
public class StopSignalRuleTests
{
    [Theory]
    [InlineData("FROM r-base:4.4\nCMD [\"R\", \"-e\", \"plumber::pr_run(plumber::pr('api.R'))\"]\n", 2, "R")]
    [InlineData("FROM r-base:4.4\nCMD [\"/usr/bin/Rscript\", \"api.R\"]\n", 2, "/usr/bin/Rscript")]
    [InlineData("FROM python:3.12\nCMD [\"python\", \"app.py\"]\n", 2, "python")]
    [InlineData("FROM python:3.12\nCMD [\"python3.12\", \"-m\", \"app\"]\n", 2, "python3.12")]
    [InlineData("FROM python:3.12\nENTRYPOINT [\"/usr/local/bin/python3\"]\nCMD [\"app.py\"]\n", 2, "/usr/local/bin/python3")]
    [InlineData("FROM node:22\nCMD [\"node\", \"server.js\"]\n", 2, "node")]
    [InlineData("FROM debian:12\nCMD [\"sleep\", \"infinity\"]\n", 2, "sleep")]
    [InlineData("FROM debian:12\nCMD [\"tail\", \"-f\", \"/dev/null\"]\n", 2, "tail")]
    [InlineData("FROM debian:12\nCMD [\"sh\", \"-c\", \"exec app\"]\n", 2, "sh")]
    [InlineData("FROM debian:12\nENTRYPOINT [\"/bin/bash\", \"/run.sh\"]\n", 2, "/bin/bash")]
    [InlineData("FROM debian:12\nCMD [\"sh\", \"-c\", \"trap 'exit 0' INT; app & wait\"]\n", 2, "sh")]
    [InlineData("FROM debian:12\nCMD [\"sh\", \"-c\", \"echo trap TERMINAL; app\"]\n", 2, "sh")]
    [InlineData("FROM debian:12 AS base\nCMD [\"node\", \"a.js\"]\nFROM base\nRUN true\n", 2, "node")]
    [InlineData("FROM debian:12\nENTRYPOINT []\nCMD [\"node\", \"a.js\"]\n", 3, "node")]
    public void A_PID_1_that_ignores_SIGTERM_is_reported_at_the_instruction_that_names_it(string dockerfile, int line, string command)
    {
        Assert.Equal(new[] { line }, Lints.Lines("DDSL042", dockerfile));
        Assert.Contains($"runs '{command}' as PID 1, where it ignores SIGTERM", Assert.Single(Lints.Messages("DDSL042", dockerfile)));
    }

    [Theory]
    [InlineData("FROM python:3.12\nENTRYPOINT [\"tini\", \"--\"]\nCMD [\"python\", \"app.py\"]\n")]
    [InlineData("FROM python:3.12\nENTRYPOINT [\"/usr/bin/dumb-init\", \"--\"]\nCMD [\"python\", \"app.py\"]\n")]
    [InlineData("FROM python:3.12\nSTOPSIGNAL SIGINT\nCMD [\"python\", \"app.py\"]\n")]
    [InlineData("FROM python:3.12 AS base\nSTOPSIGNAL SIGINT\nFROM base\nCMD [\"python\", \"app.py\"]\n")]
    [InlineData("FROM python:3.12\nCMD python app.py\n")]
    [InlineData("FROM python:3.12\nENTRYPOINT python app.py\n")]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")]
    [InlineData("FROM nginx:1.27\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\n")]
    [InlineData("FROM debian:12\nCMD [\"pythonista\"]\n")]
    [InlineData("FROM debian:12\nCMD [\"python-config\"]\n")]
    [InlineData("FROM debian:12\nCMD []\n")]
    [InlineData("FROM busybox:1.35\nCMD [\"sh\", \"-c\", \"trap 'exit 0' TERM; httpd -f & wait\"]\n")]
    [InlineData("FROM debian:12\nCMD [\"/bin/bash\", \"-c\", \"trap stop INT SIGTERM\\napp & wait\"]\n")]
    [InlineData("FROM debian:12 AS build\nCMD [\"node\"]\nFROM debian:12\nCMD [\"/app\"]\n")]
    public void An_init_a_stop_signal_a_shell_form_or_another_command_is_not_reported(string dockerfile) =>
        Assert.Empty(Lints.Lines("DDSL042", dockerfile));
}
