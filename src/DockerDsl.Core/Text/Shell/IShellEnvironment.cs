namespace DockerDsl.Core.Text.Shell;

/// <summary>The variables a word is expanded with: a name is set (possibly to an empty value) or unset.</summary>
public interface IShellEnvironment
{
    /// <summary>Looks a name up as written in the word; false when it is unset (then <paramref name="value"/> is empty).</summary>
    bool TryGetValue(string name, out string value);
}
