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
