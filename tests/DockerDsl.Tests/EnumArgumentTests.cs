using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using DockerDsl.Core.Model;
using DockerDsl.Tests.Infrastructure;

namespace DockerDsl.Tests;

/// <summary>
/// Every enum-typed argument of every DockerDsl attribute, found by reflection: a value its enum does not define
/// (a cast int) is an error at that argument, never dropped or read as the default; every defined value is accepted.
/// </summary>
public class EnumArgumentTests
{
    // A declaration using each attribute, with {0} where the enum-typed named argument goes.
    private static readonly Dictionary<Type, string> Usages = new()
    {
        [typeof(RunAttribute)] = "[Stage(From = \"a:1\")] [Run(\"make\", {0})] public partial class S;",
        [typeof(RunExecAttribute)] = "[Stage(From = \"a:1\")] [RunExec(\"make\", {0})] public partial class S;",
        [typeof(RunHeredocAttribute)] = "[Stage(From = \"a:1\")] [RunHeredoc(\"make\\n\", {0})] public partial class S;",
        [typeof(ExposeAttribute)] = "[Stage(From = \"a:1\")] [Expose(8080, {0})] public partial class S;",
        [typeof(DockerfileAttribute)] = "[Dockerfile(\"Dockerfile\", {0})] public partial class D { [Stage(From = \"a:1\")] public partial class S; }",
        [typeof(NonRootUserAttribute)] = "[Stage(From = \"a:1\")] [NonRootUser(\"app\", {0})] public partial class S;",
        [typeof(AptInstallAttribute)] = "[Stage(From = \"a:1\")] [AptInstall(\"curl\", {0})] public partial class S;",
        [typeof(ApkInstallAttribute)] = "[Stage(From = \"a:1\")] [ApkInstall(\"curl\", {0})] public partial class S;",
        [typeof(DnfInstallAttribute)] = "[Stage(From = \"a:1\")] [DnfInstall(\"curl\", {0})] public partial class S;",
        [typeof(CacheMountAttribute)] = "[CacheMount(\"/c\", {0})] public partial class M; [Stage(From = \"a:1\")] [Run(\"make\", Mounts = new[] { typeof(M) })] public partial class S;",
    };

    public static TheoryData<Type, string, Type> EnumMembers()
    {
        var data = new TheoryData<Type, string, Type>();
        foreach (var (attribute, member, type) in EnumMembersByReflection())
        {
            data.Add(attribute, member, type);
        }

        return data;
    }

    private static IEnumerable<(Type Attribute, string Member, Type Enum)> EnumMembersByReflection()
    {
        var attributes = typeof(DockerfileAttribute).Assembly.GetExportedTypes()
            .Where(t => typeof(Attribute).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            foreach (var property in attribute.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                var type = property.PropertyType.IsArray ? property.PropertyType.GetElementType()! : property.PropertyType;
                if (type.IsEnum)
                {
                    yield return (attribute, property.Name, type);
                }
            }

            foreach (var parameter in attribute.GetConstructors().SelectMany(c => c.GetParameters()))
            {
                var type = parameter.ParameterType.IsArray ? parameter.ParameterType.GetElementType()! : parameter.ParameterType;
                Assert.False(type.IsEnum, $"{attribute.Name}({parameter.Name}) takes an enum in its constructor: add a usage to {nameof(EnumArgumentTests)} that passes it.");
            }
        }
    }

    [Fact]
    public void The_attributes_have_enum_arguments()
    {
        // The reflection finds what the DSL has, so the theory below cannot pass by finding nothing.
        var found = EnumMembersByReflection().Select(m => m.Attribute.Name + "." + m.Member).ToList();
        Assert.Contains("RunAttribute.Network", found);
        Assert.Contains("CacheMountAttribute.Sharing", found);
    }

    [Theory]
    [MemberData(nameof(EnumMembers))]
    public void A_value_the_enum_does_not_define_is_an_error_at_that_argument(Type attribute, string member, Type type)
    {
        Assert.True(Usages.TryGetValue(attribute, out var usage), $"{attribute.Name}.{member} is an enum argument: add a usage of [{attribute.Name}] to {nameof(Usages)}.");
        var defined = Enum.GetValues(type).Cast<object>().Select(Convert.ToInt64).ToList();
        foreach (var undefined in new[] { defined.Max() + 1, 99L, -1L })
        {
            var model = Parse(usage!, $"{member} = ({type.Name})({undefined})");
            var problem = Assert.Single(model.Problems, p => p.Source.ArgumentName == member);
            Assert.Equal(ProblemKind.InvalidValue, problem.Kind);
            Assert.Contains($"({type.Name}){undefined}, which is not a {type.Name} value", problem.Message);
            Assert.Null(GeneratorHarness.DockerfileText(GeneratorHarness.Run(Source(usage!, $"{member} = ({type.Name})({undefined})")).Result));
        }

        foreach (var name in Enum.GetNames(type))
        {
            var model = Parse(usage!, $"{member} = {type.Name}.{name}");
            Assert.DoesNotContain(model.Problems, p => p.Source.ArgumentName == member);
        }
    }

    private static string Source(string usage, string argument)
    {
        var declaration = string.Format(System.Globalization.CultureInfo.InvariantCulture, usage.Replace("{", "{{").Replace("}", "}}").Replace("{{0}}", "{0}"), argument);
        return GeneratedOutput.Usings + (usage.StartsWith("[Dockerfile(", StringComparison.Ordinal) ? declaration : "[Dockerfile(\"Dockerfile\")] public partial class D { " + declaration + " }");
    }

    private static DockerfileModel Parse(string usage, string argument) => GeneratorHarness.Parse(Source(usage, argument));
}
