using TraceFix.Cli.Commands;

namespace TraceFix.Cli;

/// <summary>Dispatches `tracefix &lt;command&gt;`; each command lives in its own type. Usage errors exit with 2.</summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, new CliContext(stdout, stderr, Environment.GetEnvironmentVariable));

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken = default)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            await (args.Count == 0 ? context.Error : context.Out).WriteAsync(HelpText);
            return args.Count == 0 ? Usage : Ok;
        }
        try
        {
            var rest = args.Skip(1).ToList();
            return args[0] switch
            {
                "infer" => await InferCommand.RunAsync(rest, context, cancellationToken),
                "eval" => await EvalCommand.RunAsync(rest, context, cancellationToken),
                "tasks" => await TasksCommand.RunAsync(rest, context, cancellationToken),
                _ => throw new UsageException($"unknown command '{args[0]}'"),
            };
        }
        catch (UsageException ex)
        {
            await context.Error.WriteLineAsync($"tracefix: {ex.Message}");
            await context.Error.WriteLineAsync($"Run 'tracefix {(args[0] is "infer" or "eval" or "tasks" ? args[0] + " " : "")}--help' for usage.");
            return Usage;
        }
    }

    public const string HelpText = """
        tracefix — run, check and evaluate TraceFix debugging tasks

        Commands:
          infer [--easy|--medium|--hard] [--thought] [--agent llm|offline] [--in-process]
                                             the seed inference run: three tasks, [START]/[STEP]/[END] lines
          eval [--tasks DIR] [--agent offline|llm] [--max-steps N] [--jobs N]
                                             run every task of a pack and report how many were solved
          tasks list [--tasks DIR]...        list the tasks of the built-in pack and extra packs
          tasks validate <DIR>               check a task pack: fix passes, buggy fails, within limits

        Run 'tracefix <command> --help' for the options of one command.

        """;
}
