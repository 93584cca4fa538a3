namespace DockerDsl.Core.Model;

/// <summary>Which user an instruction switches to, and whether that user is root.</summary>
public static class UserRules
{
    /// <summary>The <c>user[:group]</c> text of a USER instruction (typed or raw); null for other instructions.</summary>
    public static string? UserOf(Instruction instruction) => instruction switch
    {
        UserInstruction user => user.Text,
        RawInstruction { Keyword: "USER" } raw => raw.Text.Substring(4).Trim(),
        _ => null,
    };

    /// <summary>True for <c>root</c>, <c>0</c>, <c>root:*</c> and <c>0:*</c>.</summary>
    public static bool IsRoot(string user)
    {
        var name = user.Split(':')[0].Trim();
        return name is "root" or "0" or "";
    }

    /// <summary>True when the user part is numeric, as Kubernetes' runAsNonRoot needs.</summary>
    public static bool IsNumeric(string user)
    {
        var name = user.Split(':')[0].Trim();
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
