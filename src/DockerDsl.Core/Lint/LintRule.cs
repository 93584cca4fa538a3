using System;
using System.Collections.Generic;
using DockerDsl.Core.Diagnostics;
using DockerDsl.Core.Rules;

namespace DockerDsl.Core.Lint;

/// <summary>One rule as the linter runs it.</summary>
/// <param name="Find">The places the rule applies to in one Dockerfile.</param>
/// <param name="OnReachedStages">
/// True for the checks BuildKit makes while it builds a stage (dispatch), which <c>--target</c>
/// limits to the stages that target needs; false for those it makes on the whole file.
/// </param>
/// <param name="WhileReading">
/// True for the checks BuildKit makes while it reads the instructions: when it refuses one, they still
/// report what they found in the instructions before it.
/// </param>
public sealed record LintRule(RuleDescriptor Descriptor, Func<LintContext, IEnumerable<Finding>> Find, bool OnReachedStages, bool WhileReading = false);
