using System.Collections.Generic;
using DockerDsl.Core.Model;

namespace DockerDsl.Core.Rules;

/// <summary>
/// One place where a rule applies: the declaration at fault and the values its message names.
/// Rules find; analyzers turn a finding into a diagnostic at <see cref="Source"/>.
/// </summary>
/// <param name="Source">The attribute (and argument) at fault.</param>
/// <param name="Arguments">Message arguments, in the order the rule documents.</param>
/// <param name="StageTypeName">Metadata name of the stage a fix should change, when it is not the one at <paramref name="Source"/>.</param>
public sealed record Finding(SourceRef Source, IReadOnlyList<string> Arguments, string? StageTypeName = null)
{
    public static Finding At(SourceRef source, params string[] arguments) => new(source, arguments);
}
