namespace DockerDsl.Core.Model;

/// <summary>
/// Which user an instruction switches to, and whether that user is root, as the runtimes decide it: runc and
/// moby split <c>user[:group]</c> at <c>:</c>, take a user part that Go's <c>strconv.Atoi</c> reads as a number
/// for a uid and look any other up by name (libcontainer/user/user.go, GetExecUser); containerd's CRI reads
/// the same numbers with <c>strconv.ParseInt</c> for Kubernetes' runAsNonRoot.
/// </summary>
public static class UserRules
{
    /// <summary>The <c>user[:group]</c> text of a USER instruction (typed or raw); null for other instructions.</summary>
    public static string? UserOf(Instruction instruction) => instruction switch
    {
        UserInstruction user => user.Text,
        RawInstruction { Keyword: "USER" } raw => raw.Text.Substring(4).Trim(),
        _ => null,
    };

    /// <summary>The user part of <c>user[:group]</c>.</summary>
    public static string UserPart(string user)
    {
        var colon = user.IndexOf(':');
        return colon < 0 ? user : user.Substring(0, colon);
    }

    /// <summary>
    /// The id a user part names as a number, as <c>strconv.Atoi</c> reads it: an optional <c>+</c> or <c>-</c>, then
    /// ASCII digits (leading zeros allowed), within 64 bits; null for a name (anything else).
    /// </summary>
    public static long? NumericId(string part)
    {
        var start = part.Length > 0 && part[0] is '+' or '-' ? 1 : 0;
        if (part.Length == start)
        {
            return null;
        }

        ulong magnitude = 0;
        for (var i = start; i < part.Length; i++)
        {
            var digit = part[i] - '0';
            if (digit is < 0 or > 9 || magnitude > (ulong.MaxValue - (ulong)digit) / 10)
            {
                return null;
            }

            magnitude = (magnitude * 10) + (ulong)digit;
        }

        var negative = part[0] == '-';
        if (magnitude > (negative ? (ulong)long.MaxValue + 1 : long.MaxValue))
        {
            return null;
        }

        return negative ? unchecked((long)(0 - magnitude)) : (long)magnitude;
    }

    /// <summary>
    /// True for root: a user part that is a number equal to 0 in any spelling (<c>0</c>, <c>00</c>, <c>+0</c>,
    /// <c>-0</c>), the name <c>root</c>, or no user part at all (<c>:group</c>, which keeps uid 0), whatever the group.
    /// </summary>
    public static bool IsRoot(string user)
    {
        var part = UserPart(user);
        return part.Length == 0 || part == "root" || NumericId(part) == 0;
    }

    /// <summary>True when the user part is numeric, as Kubernetes' runAsNonRoot needs.</summary>
    public static bool IsNumeric(string user) => NumericId(UserPart(user)) is not null;
}
