using DockerDsl.Core.Model;

namespace DockerDsl.Core.Tests.Rules;

/// <summary>
/// How the runtimes read a USER: runc and moby split it at ':' and take a user part that Go's strconv.Atoi reads
/// as a number for the uid, and look any other up in /etc/passwd (libcontainer/user/user.go, GetExecUser: "If the
/// userArg is numeric, always treat it as a UID"); an empty user part keeps the default uid 0. Atoi takes an
/// optional sign, ASCII digits and nothing else, within 64 bits.
/// </summary>
public class UserRulesTests
{
    [Theory]
    [InlineData("0", true, true)]
    [InlineData("00", true, true)]
    [InlineData("000000", true, true)]
    [InlineData("+0", true, true)]
    [InlineData("-0", true, true)]
    [InlineData("00000000000000000000", true, true)] // past Atoi's fast path, ParseInt still reads 0
    [InlineData("0:0", true, true)]
    [InlineData("0:1001", true, true)]
    [InlineData("0:app", true, true)]
    [InlineData("root", true, false)]
    [InlineData("root:root", true, false)]
    [InlineData("root:1001", true, false)]
    [InlineData(":1001", true, false)] // no user part: the default uid 0
    [InlineData("", true, false)]
    [InlineData("1001", false, true)]
    [InlineData("+1001", false, true)]
    [InlineData("01001", false, true)]
    [InlineData("1001:0", false, true)] // group root, user not
    [InlineData("-1", false, true)] // numeric, so never looked up by name; runc refuses it as out of range
    [InlineData("9223372036854775807", false, true)]
    [InlineData("9223372036854775808", false, false)] // out of range for Atoi: a name
    [InlineData("0x0", false, false)]
    [InlineData("0_0", false, false)] // underscores only with base 0, which Atoi does not use
    [InlineData("+", false, false)]
    [InlineData("٠", false, false)] // ARABIC-INDIC DIGIT ZERO is not an ASCII digit
    [InlineData("Root", false, false)] // passwd names are case-sensitive
    [InlineData("app", false, false)]
    [InlineData("app:0", false, false)]
    public void A_user_is_root_and_numeric_as_the_runtimes_read_it(string user, bool root, bool numeric)
    {
        Assert.Equal(root, UserRules.IsRoot(user));
        Assert.Equal(numeric, UserRules.IsNumeric(user));
    }

    [Theory]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("-9223372036854775809", null)]
    [InlineData("99999999999999999999999", null)]
    [InlineData("+42", 42L)]
    public void Numbers_are_read_within_64_bits(string part, long? value) => Assert.Equal(value, UserRules.NumericId(part));
}
