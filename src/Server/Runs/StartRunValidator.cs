using TraceFix.Contracts.Runs;
using TraceFix.Core.Tasks;

namespace TraceFix.Server.Runs;

/// <summary>Checks every field of a start request; the messages are keyed by field name for a ValidationProblem.</summary>
public static class StartRunValidator
{
    public const int MaxModelLength = 200;
    public static readonly IReadOnlyList<string> Tiers = ["easy", "medium", "hard", "all"];

    public static Dictionary<string, string[]> Validate(StartRunRequest request, TaskCatalog catalog, IRunAgentFactory agents,
        RunEngineOptions limits, bool replaySourceExists)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var agent = request.Agent?.Trim();
        if (string.IsNullOrEmpty(agent))
        {
            errors["agent"] = [$"agent is required: one of {string.Join(", ", AgentKinds.Startable)}"];
        }
        else if (!AgentKinds.Startable.Contains(agent))
        {
            errors["agent"] = [$"unknown agent '{agent}': use one of {string.Join(", ", AgentKinds.Startable)}"];
        }
        else if (!agents.Supports(agent, out var reason))
        {
            errors["agent"] = [reason ?? $"agent '{agent}' is not available"];
        }

        if (request.Model is { } model && (model.Length > MaxModelLength || model.Any(char.IsControl)))
        {
            errors["model"] = [$"model must be at most {MaxModelLength} printable characters"];
        }

        if (request.Tasks is { Count: > 0 } && !string.IsNullOrWhiteSpace(request.Difficulty))
        {
            errors["tasks"] = ["give either tasks or difficulty, not both"];
        }
        else if (request.Tasks is { } tasks)
        {
            ValidateTasks(tasks, catalog, limits, errors);
        }
        if (request.Difficulty is { } tier && !Tiers.Contains(tier.Trim().ToLowerInvariant()))
        {
            errors["difficulty"] = [$"unknown difficulty '{tier}': use one of {string.Join(", ", Tiers)}"];
        }

        if (request.ForkFrom is not null && (request.Tasks is { Count: > 0 } || !string.IsNullOrWhiteSpace(request.Difficulty)))
        {
            errors["forkFrom"] = ["a fork plays the task of the step it forks from: give no tasks or difficulty"];
        }

        if (request.MaxSteps is { } budget && (budget < 1 || budget > limits.MaxStepsPerEpisode))
        {
            errors["maxSteps"] = [$"maxSteps must be between 1 and {limits.MaxStepsPerEpisode}"];
        }
        if (request.Seed is < 0)
        {
            errors["seed"] = ["seed must not be negative"];
        }

        if (agent == AgentKinds.Replay && request.ReplaySourceRunId is null)
        {
            errors["replaySourceRunId"] = ["a replay needs replaySourceRunId, the run whose actions it repeats"];
        }
        else if (agent == AgentKinds.Replay && !replaySourceExists)
        {
            errors["replaySourceRunId"] = [$"run {request.ReplaySourceRunId} does not exist"];
        }
        else if (agent != AgentKinds.Replay && request.ReplaySourceRunId is not null)
        {
            errors["replaySourceRunId"] = ["replaySourceRunId is only for the replay agent"];
        }
        return errors;
    }

    private static void ValidateTasks(IReadOnlyList<string> tasks, TaskCatalog catalog, RunEngineOptions limits, Dictionary<string, string[]> errors)
    {
        if (tasks.Count > limits.MaxEpisodesPerRun)
        {
            errors["tasks"] = [$"at most {limits.MaxEpisodesPerRun} tasks per run"];
            return;
        }
        var unknown = tasks.Where(t => string.IsNullOrWhiteSpace(t) || catalog.Find(t) is null).ToList();
        if (unknown.Count > 0)
        {
            var known = string.Join(", ", catalog.All.Select(t => t.Name));
            errors["tasks"] = [.. unknown.Select(t => $"unknown task '{t}'; known tasks: {known}")];
        }
    }

    /// <summary>The task names a valid request plays, in order; null when the selection is empty.</summary>
    public static (IReadOnlyList<string> Tasks, string Selection) Resolve(StartRunRequest request, TaskCatalog catalog)
    {
        if (request.Tasks is { Count: > 0 } tasks)
        {
            var names = tasks.Select(t => catalog.Get(t).Name).ToList();
            return (names, string.Join(",", names));
        }
        var tier = string.IsNullOrWhiteSpace(request.Difficulty) ? "all" : request.Difficulty.Trim().ToLowerInvariant();
        var chosen = tier == "all" ? catalog.All : DifficultyNames.TryParse(tier, out var d) ? catalog.InTier(d) : [];
        return ([.. chosen.Select(t => t.Name)], tier);
    }
}
