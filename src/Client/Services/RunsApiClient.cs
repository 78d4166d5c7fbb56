using System.Net.Http.Json;
using System.Text.Json;
using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;

namespace TraceFix.Client.Services;

/// <summary>
/// Typed calls to the /api minimal API; a non-success answer becomes an <see cref="ApiException"/> with the problem's text.
/// Writes carry the stored operator key (if any) in a header; reads never do, as the server does not ask for it there.
/// </summary>
public sealed class RunsApiClient(HttpClient http, OperatorKeyStore operatorKey) : IRunsApi
{
    internal const string KeyRequiredMessage =
        "An operator key is required for this action. Enter it with the Operator key button in the top bar.";

    internal const string KeyRejectedMessage =
        "The server refused the stored operator key. Check it with the Operator key button in the top bar.";

    private static readonly RunsJsonContext Json = RunsJsonContext.Default;

    public Task<PagedResult<RunSummary>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken = default)
    {
        var parts = new List<string> { $"page={query.Page}", $"pageSize={query.PageSize}" };
        AddFilter(parts, "status", query.Status);
        AddFilter(parts, "agent", query.Agent);
        AddFilter(parts, "task", query.Task);
        return GetAsync($"api/runs?{string.Join('&', parts)}", Json.PagedResultRunSummary, cancellationToken);
    }

    public Task<RunDetail> GetRunAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync($"api/runs/{id}", Json.RunDetail, cancellationToken);

    public Task<RunDetail> GetRunHeaderAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync($"api/runs/{id}?steps=false", Json.RunDetail, cancellationToken);

    public async Task<IReadOnlyList<StepDto>> GetStepsAsync(Guid id, long afterSequence, int limit, CancellationToken cancellationToken = default) =>
        await GetAsync($"api/runs/{id}/steps?after={afterSequence}&limit={limit}", ClientJsonContext.Default.ListStepDto, cancellationToken);

    public async Task<IReadOnlyList<StepDto>> SearchStepsAsync(Guid id, StepSearch search, long afterSequence, int limit,
        CancellationToken cancellationToken = default) =>
        await GetAsync($"api/runs/{id}/steps?after={afterSequence}&limit={limit}&{search.ToQuery()}", ClientJsonContext.Default.ListStepDto, cancellationToken);

    public async Task<ModelExchange?> GetExchangeAsync(Guid id, long sequence, CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetAsync($"api/runs/{id}/steps/{sequence}/exchange", Json.ModelExchange, cancellationToken);
        }
        catch (ApiException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public Task<ShareLink> ShareRunAsync(Guid id, int? expiresInHours = null, CancellationToken cancellationToken = default) =>
        PostAsync($"api/runs/{id}/share", JsonContent.Create(new ShareRequest(expiresInHours), Json.ShareRequest), Json.ShareLink, cancellationToken);

    public async Task RevokeShareAsync(Guid id, Guid linkId, CancellationToken cancellationToken = default)
    {
        using var response = await SendWriteAsync(HttpMethod.Delete, $"api/runs/{id}/share/{linkId}", null, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    public Task<SharedRun> OpenShareAsync(string token, CancellationToken cancellationToken = default) =>
        GetAsync($"api/shared/{Uri.EscapeDataString(token)}", Json.SharedRun, cancellationToken);

    public Task<RunAccepted> StartRunAsync(StartRunRequest request, CancellationToken cancellationToken = default) =>
        PostAsync("api/runs", JsonContent.Create(request, Json.StartRunRequest), Json.RunAccepted, cancellationToken);

    public async Task CancelRunAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var response = await SendWriteAsync($"api/runs/{id}/cancel", null, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    public async Task DeleteRunAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var response = await SendWriteAsync(HttpMethod.Delete, $"api/runs/{id}", null, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    public Task<RunAccepted> ImportRunAsync(Stream jsonl, CancellationToken cancellationToken = default)
    {
        var content = new StreamContent(jsonl);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-ndjson");
        return PostAsync("api/runs/import", content, Json.RunAccepted, cancellationToken);
    }

    public async Task<IReadOnlyList<TaskSummary>> ListTasksAsync(CancellationToken cancellationToken = default) =>
        await GetAsync("api/tasks", Json.ListTaskSummary, cancellationToken);

    public async Task<IReadOnlyList<ModelInfo>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        await GetAsync("api/models", Json.ListModelInfo, cancellationToken);

    public Task<TaskDetail> GetTaskAsync(string name, CancellationToken cancellationToken = default) =>
        GetAsync($"api/tasks/{Uri.EscapeDataString(name)}", Json.TaskDetail, cancellationToken);

    public async Task<IReadOnlyList<LeaderboardRow>> GetLeaderboardAsync(CancellationToken cancellationToken = default) =>
        await GetAsync("api/leaderboard", Json.ListLeaderboardRow, cancellationToken);

    public Task<PlaySession> StartPlayAsync(StartPlayRequest request, CancellationToken cancellationToken = default) =>
        PostAsync("api/play", JsonContent.Create(request, Json.StartPlayRequest), Json.PlaySession, cancellationToken);

    public Task<PlayStepResult> PlayStepAsync(Guid sessionId, CodeAction action, CancellationToken cancellationToken = default) =>
        PostAsync($"api/play/{sessionId}/step", JsonContent.Create(action, Json.CodeAction), Json.PlayStepResult, cancellationToken);

    private static void AddFilter(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }

    private async Task<T> GetAsync<T>(string url, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, cancellationToken);
        return await ReadAsync(response, type, cancellationToken);
    }

    private async Task<T> PostAsync<T>(string url, HttpContent body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var response = await SendWriteAsync(url, body, cancellationToken);
        return await ReadAsync(response, type, cancellationToken);
    }

    private Task<HttpResponseMessage> SendWriteAsync(string url, HttpContent? body, CancellationToken cancellationToken) =>
        SendWriteAsync(HttpMethod.Post, url, body, cancellationToken);

    private async Task<HttpResponseMessage> SendWriteAsync(HttpMethod method, string url, HttpContent? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body };
        if (await operatorKey.GetAsync() is { } key)
        {
            request.Headers.TryAddWithoutValidation(OperatorKeyStore.HeaderName, key);
        }
        return await http.SendAsync(request, cancellationToken);
    }

    private async Task<T> ReadAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync(type, cancellationToken)
            ?? throw new ApiException("The server sent an empty answer.", (int)response.StatusCode);
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var status = (int)response.StatusCode;
        if (status == 401)
        {
            throw new ApiException(operatorKey.HasKey ? KeyRejectedMessage : KeyRequiredMessage, status);
        }
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        ProblemDocument? problem = null;
        try
        {
            problem = JsonSerializer.Deserialize(text, ClientJsonContext.Default.ProblemDocument);
        }
        catch (JsonException)
        {
        }
        var message = problem?.Detail ?? problem?.Title ?? (text.Length is > 0 and < 300 ? text : $"{status} {response.ReasonPhrase}");
        throw new ApiException(message, status, problem?.Errors);
    }
}
