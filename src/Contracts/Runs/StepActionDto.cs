using TraceFix.Contracts.Episodes;

namespace TraceFix.Contracts.Runs;

/// <summary>The action a step took (the thought is on the step itself).</summary>
public sealed record StepActionDto(ActionType Type, int? StartLine, int? EndLine, string? CodeBlock);
