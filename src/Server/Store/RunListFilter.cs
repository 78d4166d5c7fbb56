using TraceFix.Contracts.Runs;

namespace TraceFix.Server.Store;

/// <summary>Filters and page of the runs list. Page is 1-based.</summary>
public sealed record RunListFilter(RunStatus? Status, string? Agent, string? Model, string? Task, int Page, int PageSize);
