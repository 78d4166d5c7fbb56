namespace TraceFix.Cli;

/// <summary>Dispatches `tracefix &lt;command&gt;`; each command lives in its own type.</summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await stdout.WriteAsync(HelpText);
            return args.Length == 0 ? Usage : Ok;
        }
        await stderr.WriteLineAsync($"tracefix: unknown command '{args[0]}'. Run 'tracefix --help' for the list.");
        return Usage;
    }

    public const string HelpText = """
        tracefix — run, check and evaluate TraceFix debugging tasks

        Commands:
          tasks list [--tasks DIR]...        list the tasks of the built-in pack and extra packs
          tasks validate <DIR>               check a task pack: fix passes, buggy fails, within limits

        """;
}
