namespace DockerDsl.Core.Tests.Lint;

/// <summary>DDSL043: BuildKit makes a new WORKDIR as the current user, so after a non-root USER the folder is the app's.</summary>
public class WorkDirOwnerRuleTests
{
    [Theory]
    [InlineData("FROM debian:12\nUSER 1001:1001\nWORKDIR /app\n", 3, "WORKDIR /app comes after USER 1001:1001")]
    [InlineData("FROM debian:12\nUSER app\nWORKDIR /srv/app\n", 3, "WORKDIR /srv/app comes after USER app")]
    [InlineData("FROM debian:12 AS base\nUSER 1001\nFROM base\nWORKDIR /app\n", 4, "WORKDIR /app comes after USER 1001")]
    [InlineData("FROM debian:12\nWORKDIR /app\nUSER 1001\nWORKDIR data\n", 4, "WORKDIR data comes after USER 1001")]
    [InlineData("FROM debian:12\nUSER root\nWORKDIR /a\nUSER 1001\nWORKDIR /b\n", 5, "WORKDIR /b comes after USER 1001")]
    public void A_new_WORKDIR_after_a_non_root_USER_is_reported(string dockerfile, int line, string message)
    {
        Assert.Equal(new[] { line }, Lints.Lines("DDSL043", dockerfile));
        Assert.StartsWith(message, Assert.Single(Lints.Messages("DDSL043", dockerfile)));
    }

    [Theory]
    [InlineData("FROM debian:12\nWORKDIR /app\nUSER 1001:1001\n")]
    [InlineData("FROM debian:12\nWORKDIR /app\nUSER 1001\nWORKDIR /app\n")]
    [InlineData("FROM debian:12\nWORKDIR /app\nUSER 1001\nWORKDIR /app/\n")]
    [InlineData("FROM debian:12\nUSER 0\nWORKDIR /app\n")]
    [InlineData("FROM debian:12\nUSER root:root\nWORKDIR /app\n")]
    [InlineData("FROM debian:12\nUSER $APP_UID\nWORKDIR /app\n")]
    [InlineData("FROM debian:12\nUSER 1001\nWORKDIR $HOME\n")]
    [InlineData("FROM debian:12\nUSER 1001\nWORKDIR /\n")]
    [InlineData("FROM debian:12 AS build\nUSER 1001\nWORKDIR /src\nFROM debian:12\nWORKDIR /app\n")]
    public void A_WORKDIR_made_as_root_an_existing_one_or_an_undecided_user_is_not_reported(string dockerfile) =>
        Assert.Empty(Lints.Lines("DDSL043", dockerfile));
}
