using System.Linq;
using DockerDsl.Core.Model;
using DockerDsl.Tests.Infrastructure;

namespace DockerDsl.Tests;

/// <summary>Declarations that cannot become a Dockerfile: the parser names the problem and the generator withholds the text.</summary>
public class ProblemTests
{
    public static TheoryData<string, ProblemKind, string> Cases => new()
    {
        { "[Dockerfile(\"\")] public partial class D { [Stage(From = \"a:1\")] public partial class S; }", ProblemKind.InvalidOutputPath, "is empty" },
        { "[Dockerfile(\"/etc/Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] public partial class S; }", ProblemKind.InvalidOutputPath, "absolute" },
        { "[Dockerfile(\"Dockerfile\")] public class D { [Stage(From = \"a:1\")] public partial class S; }", ProblemKind.TypeCannotBeExtended, "must be partial" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D<T> { [Stage(From = \"a:1\")] public partial class S; }", ProblemKind.TypeCannotBeExtended, "generic" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { }", ProblemKind.NoStages, "declares no stage" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage] public partial class S; }", ProblemKind.InvalidStageBase, "has no base" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"Not An Image\")] public partial class S; }", ProblemKind.InvalidStageBase, "is not an image reference" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = typeof(string))] public partial class S; }", ProblemKind.InvalidReference, "String is not a stage" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = typeof(B))] public partial class A; [Stage(From = typeof(A))] public partial class B; }", ProblemKind.StageCycle, "depends on itself" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\", Name = \"x\")] public partial class A; [Stage(From = \"a:1\", Name = \"x\")] public partial class B; }", ProblemKind.InvalidStageName, "Two stages are named 'x'" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] public partial class Scratch; }", ProblemKind.InvalidStageName, "reserved" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\", Name = \"bad name\")] public partial class S; }", ProblemKind.InvalidStageName, "is not a stage name" },
        { "[Dockerfile(\"Dockerfile\")] [Run(\"x\")] public partial class D { [Stage(From = \"a:1\")] public partial class S; }", ProblemKind.MisplacedAttribute, "move it to a stage class" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [Run(\"echo a\\necho b\")] public partial class S; }", ProblemKind.UnsafeValue, "Command 1 contains a line break" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [Run(\"echo \\\\\")] public partial class S; }", ProblemKind.UnsafeValue, "escape character" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [Run(\"cat <<EOF\")] public partial class S; }", ProblemKind.UnsafeValue, "heredoc" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [WorkDir(\"/my dir\")] public partial class S; }", ProblemKind.UnsafeValue, "white space" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [WorkDir(\"/cost$\")] public partial class S; }", ProblemKind.UnsafeValue, "a literal '$' cannot be written here" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [Copy(\"a\", \"/x\", Exclude = new[] { \"$X\" })] public partial class S; }", ProblemKind.UnsafeValue, "contains '$'" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [Copy(new[] { \"--link\", \"a\" }, \"/x\")] public partial class S; }", ProblemKind.UnsafeValue, "reads as a flag" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"${BASE\")] public partial class S; }", ProblemKind.InvalidStageBase, "closing '}'" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [Expose(70000)] public partial class S; }", ProblemKind.InvalidValue, "from 1 to 65535" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [Expose(80, 70000)] public partial class S; }", ProblemKind.InvalidValue, "The port 70000 is not a port number" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [Expose(\"80/http\")] public partial class S; }", ProblemKind.InvalidValue, "The port '80/http' is not a port such as" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [Expose(\"9000-8000\")] public partial class S; }", ProblemKind.InvalidValue, "a range that ends before it starts" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [Expose(\"80 81\")] public partial class S; }", ProblemKind.UnsafeValue, "white space" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [Expose(\"53\", Protocol = ExposeProtocol.Udp)] public partial class S; }", ProblemKind.InvalidValue, "write it in each port" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [Run(\"x\", Devices = new[] { \"a,b\" })] public partial class S; }", ProblemKind.InvalidValue, "Device 1 invalid field 'b' must be a key=value pair" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [RunExec(\"x\", Devices = new[] { \"ok\", \"required\" })] public partial class S; }", ProblemKind.InvalidValue, "Device 2 names no device" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [RunHeredoc(\"x\", Devices = new[] { \"name=required\" })] public partial class S; }", ProblemKind.InvalidValue, "which BuildKit would read otherwise" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [Run(\"x\", Devices = new[] { \"$GPU\" })] public partial class S; }", ProblemKind.UnsafeValue, "Device 1 contains '$'" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [Env(\"A\", \"1\", \"B\")] public partial class S; }", ProblemKind.InvalidValue, "[Env] has 3 strings; give a variable name and a value for each, in pairs" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [Label(\"a\", \"1\", \"b c\", \"2\")] public partial class S; }", ProblemKind.InvalidValue, "The label key 2 is not a label key" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [Env(\"A\", \"1\", \"B\", \"x\\ny\")] public partial class S; }", ProblemKind.UnsafeValue, "The value 2 contains a line break" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [HealthCheck(\"true\", Interval = \"30\")] public partial class S; }", ProblemKind.InvalidValue, "not a duration" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [HealthCheck(\"true\", Retries = -1)] public partial class S; }", ProblemKind.InvalidValue, "Retries is -1" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [Copy(\"a\", \"/a\", Chmod = \"rwx\")] public partial class S; }", ProblemKind.InvalidValue, "is not a file mode such as '0755' or 'u+x'" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [NonRootUser(\"app\", Uid = 0)] public partial class S; }", ProblemKind.InvalidValue, "0 is root" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [NonRootUser(\"app\")] public partial class S; }", ProblemKind.UnknownBaseFamily, "cannot tell from the base image 'a:1' which those are; state it with Family = BaseFamily." },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] public partial class B; [Stage(From = typeof(B))] [NonRootUser(\"app\")] public partial class S; }", ProblemKind.UnknownBaseFamily, "the base image 'a:1'" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"alpine:${V}\")] [NonRootUser(\"app\")] public partial class S; }", ProblemKind.UnknownBaseFamily, "'alpine:${V}'" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"gcr.io/distroless/static-debian12\")] [NonRootUser(\"app\", Home = \"/home/app\")] public partial class S; }", ProblemKind.HelperNotForBase, "cannot create the home directory '/home/app' on a base without a shell" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"debian:12\")] public partial class B; [Stage(From = \"scratch\")] [NonRootUser(\"app\", Home = \"/home/app\", CreateHome = true)] public partial class S; }", ProblemKind.HelperNotForBase, "set CreateHome = false" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"debian:12\")] [ApkInstall(\"curl\")] public partial class S; }", ProblemKind.HelperNotForBase, "[ApkInstall] runs apk, which 'debian:12' (a Debian or Ubuntu base) does not have; use the helper of that family ([AptInstall])" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"alpine:3.21\")] public partial class B; [Stage(From = typeof(B))] [AptInstall(\"curl\")] public partial class S; }", ProblemKind.HelperNotForBase, "[AptInstall] runs apt-get, which 'alpine:3.21' (an Alpine base) does not have; use the helper of that family ([ApkInstall])" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"ubuntu:24.04\")] [DnfInstall(\"curl\")] public partial class S; }", ProblemKind.HelperNotForBase, "[DnfInstall] runs dnf" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"busybox:1.36\")] [ApkInstall(\"curl\")] public partial class S; }", ProblemKind.HelperNotForBase, "busybox has no package manager" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [ApkInstall(\"curl\", Family = BaseFamily.Distroless)] public partial class S; }", ProblemKind.HelperNotForBase, "the base has no shell" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"alpine:3.21\")] [ApkInstall(\"Curl;x\")] public partial class S; }", ProblemKind.InvalidValue, "not an Alpine package name" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"alpine:3.21\")] [ApkInstall(\"curl>=8\")] public partial class S; }", ProblemKind.InvalidValue, "not an Alpine package name" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"alpine:3.21\")] [ApkInstall] public partial class S; }", ProblemKind.InvalidValue, "[ApkInstall] needs at least one package" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"fedora:41\")] [DnfInstall(\"curl $(id)\")] public partial class S; }", ProblemKind.InvalidValue, "not an RPM package name" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"fedora:41\")] [DnfInstall(\"-y\")] public partial class S; }", ProblemKind.InvalidValue, "not an RPM package name" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"debian:12\")] [AptInstall(\"nginx\", Then = new[] { \"rm x\\nrm y\" })] public partial class S; }", ProblemKind.UnsafeValue, "Then command 1 contains a line break" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"debian:12\")] [AptInstall(\"nginx\", Then = new[] { \"cat <<EOF\" })] public partial class S; }", ProblemKind.UnsafeValue, "contains '<<EOF'" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"debian:12\")] [AptInstall(\"nginx\", Then = new[] { \"ok\", \" \" })] public partial class S; }", ProblemKind.UnsafeValue, "Then command 2 is empty" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [AptInstall(\"curl; rm -rf /\")] public partial class S; }", ProblemKind.InvalidValue, "not a Debian package name" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [Instruction(\"FROM alpine\")] public partial class S; }", ProblemKind.InvalidValue, "FROM is declared with [Stage]" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [Run(\"x\", Mounts = new[] { typeof(D) })] public partial class S; }", ProblemKind.InvalidReference, "is not a mount" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [CacheMount(\"/c,d\")] public partial class M; [Stage(From = \"a:1\")] [Run(\"x\", Mounts = new[] { typeof(M) })] public partial class S; }", ProblemKind.UnsafeValue, "separate mount options" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [SecretMount(\"npmrc\", Target = \"npmrc\")] public partial class M; [Stage(From = \"a:1\")] [Run(\"x\", Mounts = new[] { typeof(M) })] public partial class S; }", ProblemKind.UnsafeValue, "The mount option target is not an absolute path" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [BindMount(\"\")] public partial class M; [Stage(From = \"a:1\")] [Run(\"x\", Mounts = new[] { typeof(M) })] public partial class S; }", ProblemKind.UnsafeValue, "The mount option target is empty" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [Arg(typeof(D))] public partial class S; }", ProblemKind.InvalidReference, "is not a build argument" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [BuildArg(Default = \"${A\", Expand = true)] public partial class A; [Stage(From = \"a:1\")] [Arg(typeof(A))] public partial class S; }", ProblemKind.UnsafeValue, "The default value" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [RunHeredoc(\"make\\n\", Marker = \"E OF\")] public partial class S; }", ProblemKind.InvalidValue, "Marker 'E OF' is not a heredoc marker" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [CopyHeredoc(\"/a\", \"x\\n\\tEND\\n\", Marker = \"-END\")] public partial class S; }", ProblemKind.InvalidValue, "The content has a line 'END', which would end the heredoc early" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [RunHeredoc(\"x\\n\", Command = \"cat <<A\")] public partial class S; }", ProblemKind.UnsafeValue, "The command contains '<<A'" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [RunHeredoc(\"x\\n\", Command = \" \")] public partial class S; }", ProblemKind.UnsafeValue, "The command is empty" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [Instruction(\"ENV ONLYNAME\")] public partial class S; }", ProblemKind.UnsafeValue, "BuildKit's parser refuses: ENV must have two arguments" },
        { "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [CopyHeredoc(\"2<<X\", \"x\")] public partial class S; }", ProblemKind.UnsafeValue, "The destination contains '<<X'" },
        { "[Dockerfile(\"Dockerfile\", Escape = 'x')] public partial class D { [Stage(From = \"a:1\")] public partial class S; }", ProblemKind.InvalidValue, "Escape must be" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheParserNamesTheProblemAndTheDockerfileIsWithheld(string declaration, ProblemKind kind, string message)
    {
        var source = GeneratedOutput.Usings + declaration;
        var model = GeneratorHarness.Parse(source);

        Assert.Contains(model.Problems, p => p.Kind == kind && p.Message.Contains(message));
        var (result, output) = GeneratorHarness.Run(source);
        Assert.Empty(result.Diagnostics);
        Assert.Null(GeneratorHarness.DockerfileText(result));
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal) == true);
    }

    [Fact]
    public void InstructionsSpreadOverPartialDeclarationsAreRefused()
    {
        var first = GeneratedOutput.Usings + "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"a:1\")] [Run(\"one\")] public partial class S; }";
        var second = GeneratedOutput.Usings + "public partial class D { [Run(\"two\")] public partial class S; }";
        var compilation = GeneratorHarness.Compile(first, second);
        var type = compilation.GetTypeByMetadataName("D")!;

        var model = DockerDsl.Declarations.Parsing.DockerfileParser.Parse(type);

        var problem = Assert.Single(model.Problems);
        Assert.Equal(ProblemKind.SplitStage, problem.Kind);
        Assert.Equal("D+S", problem.Source.Origin);
    }

    [Theory]
    [InlineData("[Stage(From = typeof(Build))] public partial class Final;", "[Stage(From = \"a:1\")] public partial class Build;")]
    [InlineData("[Stage(From = \"a:1\")] public partial class One;", "[Stage(From = \"b:1\")] public partial class Two;")]
    [InlineData("[Stage(From = \"a:1\")] public partial class One;", "")]
    public void StagesOrArgumentsSpreadOverPartialDeclarationsInSeveralFilesAreRefusedInEitherFileOrder(string firstStages, string secondStages)
    {
        // The second file holds stages, or a global [Arg]: either would be ordered by the order of the files.
        var first = GeneratedOutput.Usings + "[BuildArg] public partial class Version; [Dockerfile(\"Dockerfile\")] public partial class D { " + firstStages + " }";
        var second = GeneratedOutput.Usings + (secondStages.Length == 0 ? "[Arg(typeof(Version))] public partial class D { }" : "public partial class D { " + secondStages + " }");
        foreach (var files in new[] { new[] { first, second }, new[] { second, first } })
        {
            var model = DockerDsl.Declarations.Parsing.DockerfileParser.Parse(GeneratorHarness.Compile(files).GetTypeByMetadataName("D")!);

            var problem = Assert.Single(model.Problems);
            Assert.Equal(ProblemKind.SplitStage, problem.Kind);
            Assert.Equal("D", problem.Source.Origin);
            Assert.Contains("2 partial declarations", problem.Message);
        }
    }

    [Fact]
    public void OtherMembersInOtherFilesLeaveTheOrderAndTheDockerfileAsTheyAre()
    {
        // Stages in one declaration; the Dockerfile class and a stage class have more members elsewhere.
        var stages = GeneratedOutput.Usings + "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"b:1\")] [Run(\"two\")] public partial class Two; [Stage(From = \"a:1\")] [Run(\"one\")] public partial class One; }";
        var members = GeneratedOutput.Usings + "public partial class D { public const int Answer = 42; public partial class One { public static int Helper() => 1; } }";
        var texts = new[] { new[] { stages, members }, new[] { members, stages } }
            .Select(files => GeneratorHarness.Driver().RunGenerators(GeneratorHarness.Compile(files)).GetRunResult())
            .Select(result => GeneratorHarness.DockerfileText(result))
            .ToList();

        Assert.NotNull(texts[0]);
        Assert.Equal(texts[0], texts[1]);
        Assert.True(texts[0]!.IndexOf("FROM b:1", System.StringComparison.Ordinal) < texts[0]!.IndexOf("FROM a:1", System.StringComparison.Ordinal));
    }

    [Fact]
    public void ProblemsPointAtTheAttributeAndArgumentAtFault()
    {
        var model = GeneratorHarness.Parse(GeneratedOutput.Usings + """
            [Dockerfile("Dockerfile")]
            public partial class D
            {
                [Stage(From = "a:1")]
                [Run("ok")]
                [HealthCheck("true", Timeout = "soon")]
                public partial class S;
            }
            """);

        var problem = Assert.Single(model.Problems);
        Assert.Equal(new SourceRef("D+S", 2, -1, "Timeout"), problem.Source);
    }

    [Theory]
    [InlineData("[NonRootUser(\"app\")]", -1, null)]
    [InlineData("[NonRootUser(\"app\", Home = \"/h\", Family = BaseFamily.Distroless)]", -1, "Home")]
    [InlineData("[NonRootUser(\"app\", Home = \"/h\", CreateHome = true, Family = BaseFamily.Distroless)]", -1, "CreateHome")]
    public void BaseFamilyProblemsPointAtTheHelper(string helper, int position, string? argument)
    {
        var model = GeneratorHarness.Parse(GeneratedOutput.Usings + "[Dockerfile(\"Dockerfile\")] public partial class D { [Stage(From = \"registry.example.com/base:1\")] " + helper + " public partial class S; }");

        var problem = Assert.Single(model.Problems);
        Assert.Equal(new SourceRef("D+S", 1, position, argument), problem.Source);
    }
}
