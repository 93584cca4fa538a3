namespace DockerDsl.Core.Text.Syntax;

/// <summary>
/// A parser directive (<c># syntax=</c>, <c># escape=</c>, <c># check=</c>) as BuildKit reads it: the name
/// lower-cased, the value as written with surrounding white space removed, and the 1-based line it is on.
/// </summary>
/// <param name="Name">The directive name in lower case: <c>syntax</c>, <c>escape</c> or <c>check</c>.</param>
/// <param name="Value">The text after <c>=</c>, kept as written (the <c>check</c> value is not interpreted here).</param>
/// <param name="Line">The 1-based line; 0 for a JSON <c>{"syntax": ...}</c> document without a shebang, as BuildKit reports it.</param>
public sealed record ParserDirective(string Name, string Value, int Line);
