using System.ComponentModel.DataAnnotations;
using TraceFix.Contracts.Runs;

namespace TraceFix.Client.Forms;

/// <summary>What the "New run" form edits; validated in the browser before it becomes a <see cref="StartRunRequest"/>.</summary>
public sealed class NewRunModel : IValidatableObject
{
    public const string ByTier = "tier";
    public const string ByTasks = "tasks";

    [Required(ErrorMessage = "Choose an agent.")]
    public string Agent { get; set; } = AgentKinds.Offline;

    [StringLength(200, ErrorMessage = "The model name is too long.")]
    public string? Model { get; set; }

    public string Selection { get; set; } = ByTier;

    public string Tier { get; set; } = "easy";

    public List<string> Tasks { get; set; } = [];

    /// <summary>Whether the server names model endpoints, so the llm agent's models are picked (<see cref="Models"/>) rather than typed.</summary>
    public bool PickModels { get; set; }

    /// <summary>The endpoints picked for the llm agent: one run each.</summary>
    public List<string> Models { get; set; } = [];

    [Range(1, 50, ErrorMessage = "The step budget must be between 1 and 50.")]
    public int MaxSteps { get; set; } = 20;

    [Range(0, int.MaxValue, ErrorMessage = "The seed must not be negative.")]
    public int? Seed { get; set; }

    public string? ReplaySource { get; set; }

    /// <summary>The stored step the run forks from; its task replaces the task selection.</summary>
    public ForkPoint? ForkFrom { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ForkFrom is null && Selection == ByTasks && Tasks.Count == 0)
        {
            yield return new ValidationResult("Pick at least one task, or choose a tier.", [nameof(Tasks)]);
        }
        if (Agent == AgentKinds.Llm && PickModels && Models.Count == 0)
        {
            yield return new ValidationResult("Pick at least one model.", [nameof(Models)]);
        }
        else if (Agent == AgentKinds.Llm && !PickModels && string.IsNullOrWhiteSpace(Model))
        {
            yield return new ValidationResult("Name the model the LLM agent should call.", [nameof(Model)]);
        }
        if (Agent == AgentKinds.Replay && !Guid.TryParse(ReplaySource, out _))
        {
            yield return new ValidationResult("Give the id of the stored run to replay.", [nameof(ReplaySource)]);
        }
    }

    public StartRunRequest ToRequest() => new(
        Agent,
        Agent == AgentKinds.Llm && PickModels ? (Models.Count == 1 ? Models[0] : null)
            : string.IsNullOrWhiteSpace(Model) ? null : Model.Trim(),
        ForkFrom is null && Selection == ByTasks ? [.. Tasks] : null,
        ForkFrom is null && Selection == ByTier ? Tier : null,
        MaxSteps,
        Seed,
        Agent == AgentKinds.Replay && Guid.TryParse(ReplaySource, out var source) ? source : null,
        ForkFrom,
        Agent == AgentKinds.Llm && PickModels && Models.Count > 1 ? [.. Models] : null);
}
