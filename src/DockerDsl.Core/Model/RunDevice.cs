namespace DockerDsl.Core.Model;

/// <summary>
/// One <c>RUN --device</c>: a CDI device the step asks for (<c>vendor.com/class=name</c>, <c>vendor.com/class=*</c>,
/// <c>vendor.com/class</c> or a device class), which the build fails without when <see cref="Required"/>.
/// BuildKit does not expand its variables.
/// </summary>
public readonly record struct RunDevice(string Name, bool Required)
{
    /// <summary>The flag value: the name, then <c>,required</c> when required.</summary>
    public string Text => Required ? Name + ",required" : Name;

    /// <summary>True when <see cref="Text"/> reads back as this device: a name that is not <c>required</c> or <c>name=...</c>.</summary>
    public bool IsWritable => Name.Length > 0 && Name.IndexOf(',') < 0 && Name.IndexOf('"') < 0 && Read(Text, out _) == this;

    /// <summary>
    /// Reads a <c>--device</c> value as BuildKit's ParseDevice does (instructions/commands_rundevice.go): comma
    /// separated fields, a bare <c>required</c>, <c>required=</c> a Go bool, <c>name=</c>, and otherwise the first
    /// field is the name. Null, with BuildKit's error, for a value it refuses. Fields are not unquoted: a value with
    /// quotes is for the caller to keep as written.
    /// </summary>
    public static RunDevice? Read(string value, out string? error)
    {
        var name = string.Empty;
        var required = false;
        foreach (var field in value.Split(','))
        {
            var equals = field.IndexOf('=');
            var key = (equals < 0 ? field : field.Substring(0, equals)).ToLowerInvariant();
            if (equals < 0)
            {
                if (key == "required")
                {
                    required = true;
                }
                else if (name.Length == 0)
                {
                    name = field;
                }
                else
                {
                    error = $"invalid field '{field}' must be a key=value pair";
                    return null;
                }

                continue;
            }

            var text = field.Substring(equals + 1);
            switch (key)
            {
                case "name" when name.Length > 0:
                    error = $"device name already set to {name}";
                    return null;
                case "name":
                    name = text;
                    break;
                case "required":
                    if (ParseBool(text) is not { } flag)
                    {
                        error = $"invalid value for {key}: {text}";
                        return null;
                    }

                    required = flag;
                    break;
                default:
                    if (name.Length > 0)
                    {
                        error = $"unexpected key '{key}' in '{field}'";
                        return null;
                    }

                    name = field;
                    break;
            }
        }

        error = null;
        return new RunDevice(name, required);
    }

    // Go's strconv.ParseBool.
    private static bool? ParseBool(string text) => text switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => null,
    };
}
