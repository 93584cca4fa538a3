using DockerDsl.Core.Text.Shell;

namespace DockerDsl.Core.Tests.Shell;

/// <summary>Environments built as BuildKit's EnvsFromSlice builds them, compared as its equal_env files say.</summary>
public class ShellEnvironmentTests
{
    [Fact]
    public void Entries_split_at_the_first_equals_sign_and_a_later_one_wins()
    {
        var environment = ShellEnvironment.FromEntries(new[] { "foo=bar", "car=hat", "car=bike", "bare", "eq=a=b" });

        Assert.True(environment.TryGetValue("car", out var car));
        Assert.Equal("bike", car);
        Assert.True(environment.TryGetValue("bare", out var bare));
        Assert.Equal(string.Empty, bare);
        Assert.True(environment.TryGetValue("eq", out var eq));
        Assert.Equal("a=b", eq);
        Assert.False(environment.TryGetValue("none", out var none));
        Assert.Equal(string.Empty, none);
        Assert.Equal(new[] { "foo", "car", "bare", "eq" }, environment.Keys);
    }

    [Fact]
    public void Windows_compares_names_without_case()
    {
        var windows = ShellEnvironment.FromEntries(new[] { "Path=C:\\bin", "PATH=D:\\bin" }, EnvironmentKeyComparison.CaseInsensitive);
        var unix = ShellEnvironment.FromEntries(new[] { "Path=C:\\bin", "PATH=D:\\bin" });

        Assert.True(windows.TryGetValue("path", out var value));
        Assert.Equal("D:\\bin", value);
        Assert.Equal(new[] { "Path" }, windows.Keys);
        Assert.False(unix.TryGetValue("path", out _));
        Assert.True(unix.TryGetValue("Path", out var unixValue));
        Assert.Equal("C:\\bin", unixValue);
    }
}
