using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;

namespace TraceFix.Server.Api;

/// <summary>
/// Query of <c>GET /api/runs/{id}/steps</c>: the page (<c>after</c>, <c>limit</c>) and, optionally, a search
/// (<c>q</c>, <c>action</c>, <c>reward</c>, <c>flips</c>, <c>errors</c>; see <see cref="StepSearch"/>).
/// </summary>
public sealed record StepsQuery(long? After, int? Limit, string? Q, string? Action, string? Reward, string? Flips, bool? Errors)
{
    public const int MaxLimit = 10_000;
    public const int MaxTextLength = 200;

    public Dictionary<string, string[]> Validate(out StepSearch search)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (After is < 0)
        {
            errors["after"] = ["after must not be negative"];
        }
        if (Limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxLimit}"];
        }
        if (Q is { Length: > MaxTextLength })
        {
            errors["q"] = [$"q is longer than {MaxTextLength} characters"];
        }
        var actions = new List<ActionType>();
        foreach (var part in (Action ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Enum.TryParse<ActionType>(part, ignoreCase: true, out var type) && Enum.IsDefined(type) && !int.TryParse(part, out _))
            {
                actions.Add(type);
            }
            else
            {
                errors["action"] = [$"unknown action '{part}': use one of {string.Join(", ", Enum.GetNames<ActionType>())}"];
            }
        }
        var reward = Normalize(Reward);
        if (reward is not null && !StepSearch.RewardSigns.Contains(reward))
        {
            errors["reward"] = [$"unknown reward sign '{Reward}': use one of {string.Join(", ", StepSearch.RewardSigns)}"];
        }
        var flips = Normalize(Flips);
        if (flips is not null && !StepSearch.FlipKinds.Contains(flips))
        {
            errors["flips"] = [$"unknown flip '{Flips}': use one of {string.Join(", ", StepSearch.FlipKinds)}"];
        }
        search = new StepSearch(string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(), actions, reward, flips, Errors ?? false);
        return errors;
    }

    private static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();
}
