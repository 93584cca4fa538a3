using System;
using System.Collections.Generic;
using System.Text;

namespace DockerDsl.Benchmarks;

/// <summary>
/// Writes the benchmark inputs: <c>stages</c> stages as Dockerfile classes of at most
/// <see cref="StagesPerDockerfile"/> stages each, one class per file (1 and 10 stages: one class;
/// 100: ten classes; 1,000: a hundred), plus one unrelated file. A project with many Dockerfiles of
/// ordinary size is the realistic large case, and it is the one where incrementality matters: an
/// edit to one Dockerfile should leave the other 99 alone.
/// </summary>
public static class Declarations
{
    public const int StagesPerDockerfile = 10;

    /// <summary>The file the one-character edit inside a declaration changes.</summary>
    public const int EditedDockerfile = 0;

    /// <summary>The Run command whose <c>-j2</c> becomes <c>-j3</c> in the edited Dockerfile.</summary>
    public const string RunCommand = "cmake --build build -j2";
    public const string EditedRunCommand = "cmake --build build -j3";

    public const string UnrelatedFile = "Unrelated.cs";
    public const string UnrelatedSource = """
        namespace Bench.App;

        public static class Clock
        {
            public static int Next(int ticks)
            {
                var step = 1;
                return ticks + step;
            }
        }
        """;

    /// <summary>The unrelated file after a one-character edit in a method body.</summary>
    public static readonly string EditedUnrelatedSource = UnrelatedSource.Replace("var step = 1;", "var step = 2;", StringComparison.Ordinal);

    public static int DockerfileCount(int stages) => (stages + StagesPerDockerfile - 1) / StagesPerDockerfile;

    public static string FileName(int dockerfile) => $"Image{dockerfile:D3}.cs";

    public static string ClassName(int dockerfile) => $"Image{dockerfile:D3}";

    /// <summary>The hint name the generator gives a Dockerfile class's C# file.</summary>
    public static string HintName(int dockerfile) => $"Bench.App.{ClassName(dockerfile)}.Dockerfile.g.cs";

    /// <summary>(file name, source) of every input file.</summary>
    public static IReadOnlyList<(string Path, string Source)> Files(int stages)
    {
        var files = new List<(string, string)>();
        var remaining = stages;
        for (var i = 0; remaining > 0; i++)
        {
            var count = Math.Min(StagesPerDockerfile, remaining);
            files.Add((FileName(i), Dockerfile(i, count, edited: false)));
            remaining -= count;
        }

        files.Add((UnrelatedFile, UnrelatedSource));
        return files;
    }

    /// <summary>
    /// One Dockerfile class: a base stage (pinned image, apt packages), build stages chained on it
    /// (work dir, copy, RUN with a locked cache mount), and a final stage from the base (non-root user,
    /// files from the last build stage, health check, exec-form command). A single-stage file has all
    /// of it in one stage.
    /// </summary>
    public static string Dockerfile(int index, int stages, bool edited)
    {
        var run = edited ? EditedRunCommand : RunCommand;
        var s = new StringBuilder();
        s.Append("using DockerDsl;\n\nnamespace Bench.App;\n\n");
        s.Append($"[Dockerfile(\"images/{index:D3}/Dockerfile\")]\n");
        s.Append($"public partial class {ClassName(index)}\n{{\n");
        s.Append($"    [CacheMount(\"/root/.cache/build\", Id = \"build-{index}\", Sharing = CacheSharing.Locked)]\n");
        s.Append("    public partial class BuildCache;\n\n");

        if (stages == 1)
        {
            s.Append("    [Stage(From = \"debian:bookworm-slim\")]\n");
            s.Append("    [AptInstall(\"curl=7.88.1-10+deb12u12\", \"ca-certificates=20230311\", \"cmake=3.25.1-1\", \"g++=4:12.2.0-3\")]\n");
            s.Append("    [WorkDir(\"/src\")]\n");
            s.Append("    [Copy(\"src/\", \"/src/\")]\n");
            s.Append($"    [Run(\"{run}\", Mounts = new[] {{ typeof(BuildCache) }})]\n");
            s.Append("    [NonRootUser(\"app\", Uid = 1001)]\n");
            s.Append("    [HealthCheck(\"curl -fsS http://localhost:8080/health\", Interval = \"10s\", StartPeriod = \"5s\")]\n");
            s.Append("    [Cmd(\"/src/build/app\", \"--port\", \"8080\")]\n");
            s.Append("    public partial class Single;\n");
            s.Append("}\n");
            return s.ToString();
        }

        s.Append("    [Stage(From = \"debian:bookworm-slim\")]\n");
        s.Append("    [AptInstall(\"curl=7.88.1-10+deb12u12\", \"ca-certificates=20230311\")]\n");
        s.Append("    public partial class Base;\n");

        var previous = "Base";
        for (var b = 1; b < stages - 1; b++)
        {
            var name = $"Build{b:D2}";
            s.Append('\n');
            s.Append($"    [Stage(From = typeof({previous}))]\n");
            if (b == 1)
            {
                s.Append("    [AptInstall(\"cmake=3.25.1-1\", \"g++=4:12.2.0-3\", \"make=4.3-4.1\")]\n");
            }

            s.Append($"    [WorkDir(\"/src/part{b}\")]\n");
            s.Append($"    [Copy(\"part{b}/\", \"./\")]\n");
            // The edit lands on the first build stage's command; the others carry their own number.
            var command = b == 1 ? run : $"cmake --build build --target part{b} -j2";
            s.Append($"    [Run(\"{command}\", Mounts = new[] {{ typeof(BuildCache) }})]\n");
            s.Append($"    public partial class {name};\n");
            previous = name;
        }

        s.Append('\n');
        s.Append("    [Stage(From = typeof(Base))]\n");
        s.Append("    [NonRootUser(\"app\", Uid = 1001)]\n");
        s.Append("    [WorkDir(\"/app\")]\n");
        if (stages > 2)
        {
            s.Append($"    [CopyFrom(typeof({previous}), \"/src/part{stages - 2}/build/\", \"/app/\")]\n");
        }
        else
        {
            // Two stages: base and final; the final stage builds for itself.
            s.Append("    [Copy(\"src/\", \"/app/\")]\n");
            s.Append($"    [Run(\"{run}\", Mounts = new[] {{ typeof(BuildCache) }})]\n");
        }

        s.Append("    [Expose(8080)]\n");
        s.Append("    [HealthCheck(\"curl -fsS http://localhost:8080/health\", Interval = \"10s\", StartPeriod = \"5s\")]\n");
        s.Append("    [Cmd(\"/app/server\", \"--port\", \"8080\")]\n");
        s.Append("    public partial class Final;\n");
        s.Append("}\n");
        return s.ToString();
    }
}
