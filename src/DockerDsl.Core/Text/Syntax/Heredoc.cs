using System.Text;

namespace DockerDsl.Core.Text.Syntax;

/// <summary>
/// A heredoc attached to an instruction, as BuildKit's parser.Heredoc: the terminator word, the body
/// exactly as read (line endings kept, tabs not yet chomped), and how the body is to be used.
/// </summary>
/// <param name="Name">The terminator word with quotes removed (<c>EOF</c> for <c>&lt;&lt;"EOF"</c>).</param>
/// <param name="Content">The lines between the instruction and the terminator, each with its line ending.</param>
/// <param name="Expand">False when any part of the word was quoted, so variables in the body stay as written.</param>
/// <param name="Chomp">True for <c>&lt;&lt;-</c>: leading tabs are removed from the body lines (see <see cref="ChompContent"/>).</param>
/// <param name="FileDescriptor">The number before <c>&lt;&lt;</c> (<c>3&lt;&lt;EOF</c>), 0 when none.</param>
public sealed record Heredoc(string Name, string Content, bool Expand, bool Chomp, ulong FileDescriptor)
{
    /// <summary>The body with the leading tabs of every line removed, as BuildKit's ChompHeredocContent.</summary>
    public static string ChompContent(string content)
    {
        var builder = new StringBuilder(content.Length);
        var atLineStart = true;
        foreach (var c in content)
        {
            if (atLineStart && c == '\t')
            {
                continue;
            }

            atLineStart = c == '\n';
            builder.Append(c);
        }

        return builder.ToString();
    }
}
