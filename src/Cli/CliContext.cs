namespace TraceFix.Cli;

/// <summary>What a command may touch: its output streams, the environment variables, and whether stderr is a terminal.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, Func<string, string?> Variable, bool ErrorIsTerminal = false)
{
    public static CliContext FromConsole() => new(Console.Out, Console.Error, Environment.GetEnvironmentVariable, !Console.IsErrorRedirected);
}
