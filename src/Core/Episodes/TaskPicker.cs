using TraceFix.Contracts.Episodes;
using TraceFix.Core.Tasks;

namespace TraceFix.Core.Episodes;

/// <summary>Chooses the task of a reset: a named task wins, then a difficulty tier, then any task; a seed makes the choice repeatable.</summary>
internal static class TaskPicker
{
    public static DebugTask Pick(TaskCatalog catalog, ResetOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.TaskName))
        {
            return catalog.Get(options.TaskName);
        }
        if (catalog.All.Count == 0)
        {
            throw new InvalidOperationException("No tasks are loaded, so no episode can start. Check the configured task directories.");
        }

        var pool = catalog.All;
        if (!string.IsNullOrWhiteSpace(options.Difficulty))
        {
            if (!DifficultyNames.TryParse(options.Difficulty, out var tier))
            {
                throw new ArgumentException(
                    $"Unknown difficulty '{options.Difficulty}'. Use easy, medium or hard.", nameof(options));
            }
            pool = catalog.InTier(tier);
            if (pool.Count == 0)
            {
                throw new ArgumentException($"No task of difficulty '{tier.ToWire()}' is loaded.", nameof(options));
            }
        }

        var random = options.Seed is { } seed ? new Random(seed) : Random.Shared;
        return pool[random.Next(pool.Count)];
    }
}
