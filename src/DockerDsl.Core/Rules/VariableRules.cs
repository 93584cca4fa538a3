using System.Collections.Generic;
using DockerDsl.Core.Text;
using DockerDsl.Core.Text.Shell;

namespace DockerDsl.Core.Rules;

/// <summary>Rules on the variables of Dockerfile text (BuildKit's UndefinedVar and InvalidDefaultArgInFrom).</summary>
public static class VariableRules
{
    /// <summary>
    /// DDSL036: a variable that an instruction's expanded words use and nothing before it defines: no ARG
    /// or ENV in the stage or the stages it is built FROM, and not the base image, which is known only for
    /// <c>scratch</c> and the images <see cref="ExpandedWords"/> was given the environment of
    /// (dockerfile2llb/validations.go, reportUnmatchedVariables). Arguments: the name, and
    /// <c> (did you mean $NAME?)</c> for a defined name within two edits, or nothing.
    /// </summary>
    public static IEnumerable<Finding> UndefinedVar(DockerfileDocument document, ExpandedWords words)
    {
        foreach (var stage in document.Model.Stages)
        {
            foreach (var instruction in stage.Instructions)
            {
                foreach (var word in words.Of(instruction))
                {
                    if (!word.ChecksUndefined)
                    {
                        continue;
                    }

                    foreach (var variable in word.Undefined)
                    {
                        var suggestion = variable.DidYouMean is { } name ? $" (did you mean ${name}?)" : string.Empty;
                        yield return Finding.At(instruction.Source, variable.Name, suggestion);
                    }
                }
            }
        }
    }

    /// <summary>
    /// DDSL038: a FROM whose word, expanded with only the defaults of the global ARGs (no --build-arg), is
    /// not an image reference BuildKit accepts, such as <c>busybox:</c> or an empty name
    /// (dockerfile2llb/validations.go, validateBaseImagesWithDefaultArgs). Every stage is checked, and
    /// none after one whose word the lexer refuses. Arguments: the FROM word as written.
    /// </summary>
    public static IEnumerable<Finding> InvalidDefaultArgInFrom(DockerfileDocument document, GlobalArguments arguments)
    {
        if (arguments.Defaults is not { } defaults)
        {
            yield break;
        }

        foreach (var stage in document.Model.Stages)
        {
            if (document.InstructionAt(stage.Source.Line) is not { Next.Count: > 0 } node)
            {
                continue;
            }

            var word = node.Next[0];
            string name;
            try
            {
                name = arguments.Lexer.ProcessWordWithMatches(word, defaults).Result;
            }
            catch (ShellLexException)
            {
                yield break;
            }

            if (!ImageReferenceSyntax.IsValid(name))
            {
                yield return Finding.At(stage.Source, word);
            }
        }
    }
}
