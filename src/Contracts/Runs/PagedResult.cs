namespace TraceFix.Contracts.Runs;

/// <summary>One page of a list. <see cref="Page"/> is 1-based.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
