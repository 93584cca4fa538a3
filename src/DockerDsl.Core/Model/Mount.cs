namespace DockerDsl.Core.Model;

/// <summary>One <c>--mount=type=...</c> option of RUN, its options in emission order.</summary>
public sealed record Mount(string Type, EquatableArray<MountOption> Options, SourceRef Source)
{
    public string? Get(string key)
    {
        foreach (var option in Options)
        {
            if (option.Key == key)
            {
                return option.Value;
            }
        }

        return null;
    }

    public bool Has(string key) => Get(key) is not null;
}

/// <summary>A mount option: <c>key=value</c>, or a bare flag when <see cref="Value"/> is empty.</summary>
public readonly record struct MountOption(string Key, string Value);
