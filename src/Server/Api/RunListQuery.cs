using TraceFix.Contracts.Runs;
using TraceFix.Server.Store;

namespace TraceFix.Server.Api;

/// <summary>Query of <c>GET /api/runs</c>: <c>?status=running&amp;agent=offline&amp;model=..&amp;task=..&amp;page=1&amp;pageSize=50</c>.</summary>
public sealed record RunListQuery(string? Status, string? Agent, string? Model, string? Task, int? Page, int? PageSize)
{
    public Dictionary<string, string[]> Validate(out RunListFilter? filter)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        RunStatus? status = null;
        if (!string.IsNullOrWhiteSpace(Status))
        {
            var match = Enum.GetValues<RunStatus>().Where(s => s.ToWire() == Status.Trim().ToLowerInvariant()).ToList();
            if (match.Count == 0)
            {
                errors["status"] = [$"unknown status '{Status}': use one of {string.Join(", ", Enum.GetValues<RunStatus>().Select(s => s.ToWire()))}"];
            }
            else
            {
                status = match[0];
            }
        }
        if (Agent is { } agent && !string.IsNullOrWhiteSpace(agent) && !AgentKinds.All.Contains(agent.Trim()))
        {
            errors["agent"] = [$"unknown agent '{agent}': use one of {string.Join(", ", AgentKinds.All)}"];
        }
        if (Page is < 1)
        {
            errors["page"] = ["page starts at 1"];
        }
        if (PageSize is < 1 or > RunsApi.MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {RunsApi.MaxPageSize}"];
        }
        filter = errors.Count > 0 ? null : new RunListFilter(status, Agent?.Trim(), Model?.Trim(), Task?.Trim(), Page ?? 1, PageSize ?? 50);
        return errors;
    }
}
