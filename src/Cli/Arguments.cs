namespace TraceFix.Cli;

/// <summary>
/// A command's parsed arguments. Every option must be declared: an unknown one is a usage error, as is a missing
/// value or a value option given twice where only one makes sense.
/// </summary>
public sealed class Arguments
{
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Positionals { get; }

    private Arguments(List<string> positionals) => Positionals = positionals;

    public static Arguments Parse(string command, IReadOnlyList<string> args, IReadOnlyCollection<string> flags, IReadOnlyCollection<string> options)
    {
        var positionals = new List<string>();
        var parsed = new Arguments(positionals);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                if (arg.StartsWith('-') && arg.Length > 1 && arg != "--")
                {
                    throw new UsageException($"unknown option '{arg}' for '{command}'");
                }
                positionals.Add(arg);
                continue;
            }
            var (name, inline) = arg.IndexOf('=') is var eq and > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
            if (flags.Contains(name))
            {
                if (inline is not null)
                {
                    throw new UsageException($"option '{name}' takes no value");
                }
                parsed._flags.Add(name);
            }
            else if (options.Contains(name))
            {
                var value = inline ?? (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null);
                if (string.IsNullOrWhiteSpace(value))
                {
                    throw new UsageException($"option '{name}' needs a value");
                }
                if (!parsed._values.TryGetValue(name, out var list))
                {
                    parsed._values[name] = list = [];
                }
                list.Add(value);
            }
            else
            {
                throw new UsageException($"unknown option '{name}' for '{command}'");
            }
        }
        return parsed;
    }

    public bool Has(string flag) => _flags.Contains(flag);

    public IReadOnlyList<string> All(string option) => _values.GetValueOrDefault(option) ?? [];

    public string? Single(string option) => All(option) switch
    {
        [] => null,
        [var one] => one,
        _ => throw new UsageException($"option '{option}' may be given only once"),
    };

    public int? Integer(string option, int min, int max)
    {
        if (Single(option) is not { } text)
        {
            return null;
        }
        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"option '{option}' must be a whole number from {min} to {max} (got '{text}')");
    }

    public string OneOf(string option, string fallback, params string[] allowed)
    {
        var value = Single(option) ?? fallback;
        return allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw new UsageException($"option '{option}' must be one of {string.Join(", ", allowed)} (got '{value}')");
    }

    public void NoPositionals(string command)
    {
        if (Positionals.Count > 0)
        {
            throw new UsageException($"unexpected argument '{Positionals[0]}' for '{command}'");
        }
    }
}
