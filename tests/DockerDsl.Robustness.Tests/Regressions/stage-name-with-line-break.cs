// Found by the escaping tests: a stage name with a line break went into the generated C#'s XML doc comment and broke the compilation.
using DockerDsl;

[Dockerfile("Dockerfile")]
public partial class Broken
{
    [Stage(From = "alpine:3.20\n<c>", Name = "a\nb </summary>")]
    [Cmd("x")]
    public partial class S;
}
