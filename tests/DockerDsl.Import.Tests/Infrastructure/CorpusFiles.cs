using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DockerDsl.Tests.Shared;

namespace DockerDsl.Import.Tests.Infrastructure;

/// <summary>The Dockerfiles the import is proven on, relative to the corpus folder: the real files and BuildKit's parser cases.</summary>
internal static class CorpusFiles
{
    public static IEnumerable<string> All() => Real().Concat(ParserCases());

    public static IEnumerable<string> Real() =>
        Directory.GetFiles(Corpus.Path("real"))
            .Select(f => "real/" + Path.GetFileName(f))
            .OrderBy(f => f, StringComparer.Ordinal);

    public static IEnumerable<string> ParserCases() =>
        Corpus.Cases("buildkit-parser").Select(c => "buildkit-parser/" + Path.GetFileName(c) + "/Dockerfile");
}
