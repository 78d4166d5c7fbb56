using TraceFix.Contracts.Episodes;

namespace TraceFix.Contracts.Runs;

/// <summary>
/// A search inside one run: <c>GET /api/runs/{id}/steps?q=&amp;action=&amp;reward=&amp;flips=&amp;errors=</c>. Every given filter
/// must hold. The answer pages like the plain step list (<c>after</c>, <c>limit</c>), so a long run is searched by the store.
/// </summary>
/// <param name="Text">Free text, case-insensitive, in the thought, the output, the error and the code the step wrote.</param>
/// <param name="Actions">Action types (any of them).</param>
/// <param name="Reward">positive, negative or zero.</param>
/// <param name="Flips">A test changed verdict since the episode's previous test run: fail_to_pass, pass_to_fail or any.</param>
/// <param name="ErrorsOnly">Only steps with an action error or a syntax error.</param>
public sealed record StepSearch(
    string? Text = null,
    IReadOnlyList<ActionType>? Actions = null,
    string? Reward = null,
    string? Flips = null,
    bool ErrorsOnly = false)
{
    public static readonly IReadOnlyList<string> RewardSigns = ["positive", "negative", "zero"];
    public static readonly IReadOnlyList<string> FlipKinds = [FailToPass, PassToFail, AnyFlip];

    public const string FailToPass = "fail_to_pass";
    public const string PassToFail = "pass_to_fail";
    public const string AnyFlip = "any";

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && (Actions is null || Actions.Count == 0) && Reward is null && Flips is null && !ErrorsOnly;

    /// <summary>The query string (without <c>?</c>) that carries this search.</summary>
    public string ToQuery()
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Text))
        {
            parts.Add("q=" + Uri.EscapeDataString(Text.Trim()));
        }
        if (Actions is { Count: > 0 })
        {
            parts.Add("action=" + string.Join(',', Actions));
        }
        if (Reward is not null)
        {
            parts.Add("reward=" + Reward);
        }
        if (Flips is not null)
        {
            parts.Add("flips=" + Flips);
        }
        if (ErrorsOnly)
        {
            parts.Add("errors=true");
        }
        return string.Join('&', parts);
    }
}
