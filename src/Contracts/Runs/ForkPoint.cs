using System.Text.Json.Serialization;

namespace TraceFix.Contracts.Runs;

/// <summary>A stored step a run forks from: its episode resumes from that step's code, step count and undo history.</summary>
/// <param name="RunId">The parent run.</param>
/// <param name="Sequence">The step's run-wide sequence number (<see cref="StepDto.Sequence"/>).</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ForkPoint(Guid RunId, long Sequence);
