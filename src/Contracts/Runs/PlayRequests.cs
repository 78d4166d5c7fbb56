using System.Text.Json.Serialization;
using TraceFix.Contracts.Episodes;

namespace TraceFix.Contracts.Runs;

/// <summary>Body of <c>POST /api/play</c>: a person plays one episode. A task name wins over a tier.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record StartPlayRequest(string? Task = null, string? Difficulty = null, int? Seed = null, int? MaxSteps = null);

/// <summary>Answer of <c>POST /api/play</c>: the manual run, its episode and the reset observation.</summary>
/// <param name="SessionId">Pass it to <c>POST /api/play/{sessionId}/step</c>; it is also the run id.</param>
public sealed record PlaySession(Guid SessionId, Guid RunId, long EpisodeId, string TaskName, string Difficulty, int MaxSteps, StepResult Reset);

/// <summary>Answer of <c>POST /api/play/{sessionId}/step</c>: the stored step and the full environment result.</summary>
public sealed record PlayStepResult(StepDto Step, StepResult Result);
