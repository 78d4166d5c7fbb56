using TraceFix.Cli.Running;
using TraceFix.Contracts.Episodes;
using TraceFix.Core.Agents;
using TraceFix.Core.Episodes;
using TraceFix.Core.Remote;
using TraceFix.Core.Sandbox;

namespace TraceFix.Cli.Commands;

/// <summary>
/// `tracefix infer`: the seed inference script. Runs the three seed tasks in order against ENV_BASE_URL over /ws (or
/// in-process) and prints [START]/[STEP]/[END] on stdout, thoughts on stderr with --thought.
/// </summary>
public static class InferCommand
{
    public const string Help = """
        usage: tracefix infer [--easy|--medium|--hard] [--thought] [--agent llm|offline] [--in-process]

        Runs task1_easy, task2_medium and task3_hard like the seed inference script and prints its
        [START]/[STEP]/[END] lines on stdout.

          --easy, --medium, --hard   also send this difficulty with each reset (at most one)
          --thought                  print each action's thought (and the model's view) on stderr
          --agent llm|offline        the policy: the LLM (default) or the built-in offline repair agent
          --in-process               use an in-process environment instead of ENV_BASE_URL

        Environment: API_BASE_URL, MODEL_NAME, HF_TOKEN or API_KEY, ENV_BASE_URL, BENCHMARK, TASK_NAME,
        MAX_STEPS, SUCCESS_SCORE_THRESHOLD (same defaults as the seed).

        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken)
    {
        var parsed = Arguments.Parse("infer", args, ["--easy", "--medium", "--hard", "--thought", "--in-process", "--help"], ["--agent"]);
        if (parsed.Has("--help"))
        {
            await context.Out.WriteAsync(Help);
            return CliApp.Ok;
        }
        parsed.NoPositionals("infer");
        var tiers = new[] { "easy", "medium", "hard" }.Where(t => parsed.Has("--" + t)).ToList();
        if (tiers.Count > 1)
        {
            throw new UsageException($"choose at most one of --easy, --medium, --hard (got --{string.Join(" and --", tiers)})");
        }
        var difficulty = tiers.SingleOrDefault();
        var settings = Settings(context);
        var makeAgent = AgentFactory.For(parsed.OneOf("--agent", "llm", AgentFactory.Kinds), context);

        LocalEnvironment? local = null;
        if (parsed.Has("--in-process"))
        {
            if (LocalEnvironment.BuiltInPack() is not { } pack)
            {
                await context.Error.WriteLineAsync("tracefix: the built-in task pack was not found (set TRACEFIX_TASKS_DIR)");
                return CliApp.Failure;
            }
            try
            {
                local = await LocalEnvironment.StartAsync(Core.Tasks.TaskCatalog.Load([pack]), settings.MaxSteps, 1, cancellationToken);
            }
            catch (SandboxUnavailableException ex)
            {
                await context.Error.WriteLineAsync($"tracefix: the sandbox is unavailable: {ex.Message}");
                return CliApp.Failure;
            }
        }

        await using (local)
        {
            // One session for all three tasks, as the seed keeps one client open.
            await using IEnvironmentSession session = local?.NewSession() ?? new OpenEnvWebSocketSession(settings.EnvBaseUrl);
            var options = new EpisodeRunOptions { MaxSteps = settings.MaxSteps, SuccessThreshold = settings.SuccessThreshold };
            foreach (var (id, resetName) in InferenceSettings.SeedTasks)
            {
                var agent = makeAgent();
                if (parsed.Has("--thought"))
                {
                    agent = new ThoughtEchoAgent(agent, context.Error);
                }
                var reset = new ResetOptions(TaskName: resetName, Difficulty: difficulty);
                await EpisodePrinter.RunAsync(agent, session, reset, id, settings.Benchmark, options, context.Out, context.Error, cancellationToken);
            }
        }
        return CliApp.Ok;
    }

    internal static InferenceSettings Settings(CliContext context)
    {
        try
        {
            return InferenceSettings.FromEnvironment(context.Variable);
        }
        catch (FormatException ex)
        {
            throw new UsageException(ex.Message);
        }
    }
}
