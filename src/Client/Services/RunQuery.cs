namespace TraceFix.Client.Services;

/// <summary>Filters and page of the runs list.</summary>
public sealed record RunQuery(string? Status = null, string? Agent = null, string? Task = null, int Page = 1, int PageSize = 20);
