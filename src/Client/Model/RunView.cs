namespace TraceFix.Client.Model;

/// <summary>A run as the dashboard shows it.</summary>
public sealed record RunView
{
    public required string Id { get; init; }
    public required string Agent { get; init; }
    public string Model { get; init; } = "";
    public required RunStatus Status { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public int MaxSteps { get; init; } = 50;
    public string? Error { get; init; }
    public IReadOnlyList<EpisodeView> Episodes { get; init; } = [];

    public bool IsLive => Status is RunStatus.Queued or RunStatus.Running;
}
