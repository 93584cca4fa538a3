using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DockerDsl.Core.Model;
using Microsoft.CodeAnalysis;

namespace DockerDsl.Declarations.Parsing;

/// <summary>Typed, forgiving access to one attribute's arguments; a value of the wrong kind reads as missing.</summary>
internal readonly struct AttributeReader
{
    private readonly AttributeData _data;

    public AttributeReader(AttributeData data, SourceRef source)
    {
        _data = data;
        Source = source;
    }

    public SourceRef Source { get; }

    public string Name => _data.AttributeClass?.Name ?? string.Empty;

    public int PositionalCount => _data.ConstructorArguments.Length;

    public TypedConstant Positional(int position) =>
        position < _data.ConstructorArguments.Length ? _data.ConstructorArguments[position] : default;

    public bool IsArray(int position) => Positional(position).Kind == TypedConstantKind.Array;

    public string? String(int position) => AsString(Positional(position));

    public ImmutableArray<string?> Strings(int position) => AsStrings(Positional(position));

    public int? Int(int position) => Positional(position).Value is int value ? value : null;

    /// <summary>
    /// Every enum-typed argument whose value is not one the enum defines (a cast int such as <c>(RunNetwork)9</c>),
    /// with where it is and what to write instead. A <c>[Flags]</c> enum takes any combination of its flags.
    /// </summary>
    public IEnumerable<(SourceRef Source, string Message)> UndefinedEnumValues()
    {
        var at = Source;
        for (var i = 0; i < _data.ConstructorArguments.Length; i++)
        {
            var position = i;
            var name = _data.AttributeConstructor is { } constructor && i < constructor.Parameters.Length ? constructor.Parameters[i].Name : "Argument " + (i + 1);
            foreach (var problem in UndefinedEnumValues(_data.ConstructorArguments[i], name, at.WithArgument(i), element => at.WithElement(position, element)))
            {
                yield return problem;
            }
        }

        foreach (var pair in _data.NamedArguments)
        {
            var source = Source.WithArgument(pair.Key);
            foreach (var problem in UndefinedEnumValues(pair.Value, pair.Key, source, _ => source))
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<(SourceRef Source, string Message)> UndefinedEnumValues(TypedConstant constant, string name, SourceRef source, System.Func<int, SourceRef> element)
    {
        if (constant.Kind == TypedConstantKind.Array && !constant.IsNull)
        {
            for (var j = 0; j < constant.Values.Length; j++)
            {
                foreach (var problem in UndefinedEnumValues(constant.Values[j], name, element(j), element))
                {
                    yield return problem;
                }
            }
        }
        else if (constant.Kind == TypedConstantKind.Enum && constant.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } type && constant.Value is { } raw
            && !IsDefined(type, System.Convert.ToInt64(raw, System.Globalization.CultureInfo.InvariantCulture), out var members))
        {
            yield return (source, $"{name} is ({type.Name}){System.Convert.ToString(raw, System.Globalization.CultureInfo.InvariantCulture)}, which is not a {type.Name} value; use one of {string.Join(", ", members.Select(m => type.Name + "." + m))}.");
        }
    }

    private static bool IsDefined(INamedTypeSymbol type, long value, out List<string> members)
    {
        members = new List<string>();
        var values = new List<long>();
        foreach (var field in type.GetMembers().OfType<IFieldSymbol>())
        {
            if (field.HasConstantValue && field.ConstantValue is { } constantValue)
            {
                members.Add(field.Name);
                values.Add(System.Convert.ToInt64(constantValue, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (values.Contains(value))
        {
            return true;
        }

        var flags = type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.FlagsAttribute");
        return flags && (value & ~values.Aggregate(0L, (all, v) => all | v)) == 0;
    }

    /// <summary>The element type's special type of the array at <paramref name="position"/>, such as <c>System_Int32</c>.</summary>
    public SpecialType ArrayElementType(int position) =>
        Positional(position).Type is IArrayTypeSymbol array ? array.ElementType.SpecialType : SpecialType.None;

    public ImmutableArray<int?> Ints(int position)
    {
        var constant = Positional(position);
        if (constant.Kind != TypedConstantKind.Array || constant.IsNull)
        {
            return ImmutableArray<int?>.Empty;
        }

        return constant.Values.Select(v => v.Value is int value ? value : (int?)null).ToImmutableArray();
    }

    /// <summary>
    /// Whether the constructor argument at <paramref name="position"/> is written as one verbatim (<c>@"..."</c>) or
    /// raw (<c>"""..."""</c>) string literal: every line break in its value is then a line break of the source file,
    /// CRLF or LF as the file was checked out, not a character its author wrote.
    /// </summary>
    public bool IsVerbatimOrRawLiteral(int position)
    {
        if (_data.ApplicationSyntaxReference?.GetSyntax() is not Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax { ArgumentList: { } list })
        {
            return false;
        }

        var positional = list.Arguments.Where(a => a.NameEquals is null && a.NameColon is null).ToList();
        if (position >= positional.Count || positional[position].Expression is not Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax literal)
        {
            return false;
        }

        var token = literal.Token;
        return token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.MultiLineRawStringLiteralToken)
            || token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SingleLineRawStringLiteralToken)
            || (token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.StringLiteralToken) && token.Text.StartsWith("@", System.StringComparison.Ordinal));
    }

    public bool HasNamed(string name) => _data.NamedArguments.Any(pair => pair.Key == name);

    public TypedConstant Named(string name)
    {
        foreach (var pair in _data.NamedArguments)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }

        return default;
    }

    public string? NamedString(string name) => AsString(Named(name));

    public ImmutableArray<string?> NamedStrings(string name) => AsStrings(Named(name));

    public bool? NamedBool(string name) => Named(name).Value is bool value ? value : null;

    public int? NamedInt(string name) => Named(name).Value is int value ? value : null;

    public long? NamedLong(string name) => Named(name).Value switch
    {
        long value => value,
        int value => value,
        _ => null,
    };

    public char? NamedChar(string name) => Named(name).Value is char value ? value : null;

    /// <summary>An enum property as its underlying number; null when not set.</summary>
    public int? NamedEnum(string name)
    {
        var constant = Named(name);
        return constant.Kind == TypedConstantKind.Enum && constant.Value is not null ? System.Convert.ToInt32(constant.Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    public ImmutableArray<INamedTypeSymbol?> NamedTypes(string name)
    {
        var constant = Named(name);
        if (constant.Kind != TypedConstantKind.Array || constant.IsNull)
        {
            return ImmutableArray<INamedTypeSymbol?>.Empty;
        }

        return constant.Values.Select(v => v.Value as INamedTypeSymbol).ToImmutableArray();
    }

    public INamedTypeSymbol? Type(int position) => Positional(position).Value as INamedTypeSymbol;

    private static string? AsString(TypedConstant constant) =>
        constant.Kind == TypedConstantKind.Primitive ? constant.Value as string : null;

    private static ImmutableArray<string?> AsStrings(TypedConstant constant)
    {
        if (constant.Kind != TypedConstantKind.Array || constant.IsNull)
        {
            return ImmutableArray<string?>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<string?>(constant.Values.Length);
        foreach (var value in constant.Values)
        {
            builder.Add(AsString(value));
        }

        return builder.MoveToImmutable();
    }
}

internal static class SymbolNames
{
    /// <summary>The name <c>Compilation.GetTypeByMetadataName</c> understands (<c>Ns.Outer+Inner</c>).</summary>
    public static string MetadataName(INamedTypeSymbol type)
    {
        var parts = new Stack<string>();
        ISymbol? current = type;
        while (current is INamedTypeSymbol named)
        {
            parts.Push(named.MetadataName);
            current = named.ContainingType;
            if (current is not null)
            {
                parts.Push("+");
            }
        }

        var ns = type.ContainingNamespace;
        var prefix = ns is null || ns.IsGlobalNamespace ? string.Empty : ns.ToDisplayString() + ".";
        return prefix + string.Concat(parts);
    }
}
