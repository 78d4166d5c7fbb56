using TraceFix.Contracts.Runs;

namespace TraceFix.Server.Store;

/// <summary>What a run will do, as stored when it was accepted.</summary>
public sealed record RunPlan(
    Guid RunId,
    string AgentKind,
    string Model,
    IReadOnlyList<string> Tasks,
    int MaxSteps,
    int Seed,
    Guid? ReplaySourceRunId,
    ForkPoint? ForkFrom = null,
    string? ModelEndpoint = null);
