using System.Collections.Generic;

namespace DockerDsl.Core.Text.Shell;

/// <summary>What <see cref="ShellLexer.ProcessWordWithMatches"/> makes of a word (BuildKit's ProcessWordResult).</summary>
/// <param name="Result">The word with quotes and escapes removed and variables expanded, spaces between words kept.</param>
/// <param name="Words">The same split into words at unquoted white space, as <see cref="ShellLexer.ProcessWords"/> returns.</param>
/// <param name="Matched">Every name looked up and found in the environment, as written in the word, in first-reference order.</param>
/// <param name="Unmatched">Every name looked up and not found, as written, in first-reference order: <c>$foo</c>, <c>${foo}</c>,
/// <c>${foo:-x}</c>, <c>${foo+x}</c> and every other form with foo unset; also positional and special parameters (<c>$1</c>, <c>$@</c>), which are never set.</param>
public sealed record ShellWordResult(string Result, IReadOnlyList<string> Words, IReadOnlyCollection<string> Matched, IReadOnlyCollection<string> Unmatched);
