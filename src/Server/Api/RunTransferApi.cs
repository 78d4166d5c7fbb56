using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TraceFix.Contracts.Runs;
using TraceFix.Server.Runs;
using TraceFix.Server.Security;
using TraceFix.Server.Store;

namespace TraceFix.Server.Api;

/// <summary>
/// <c>GET /api/runs/{id}/export</c> writes a run as JSONL (<see cref="RunExportRecord"/>: a run line, then each episode line
/// followed by its step lines); <c>POST /api/runs/import</c> stores such a file as a new run. No secret is part of a run,
/// so none can be in an export.
/// </summary>
public static class RunTransferApi
{
    public const string JsonLines = "application/x-ndjson";
    private static readonly ReadOnlyMemory<byte> NewLine = "\n"u8.ToArray();

    /// <summary>The export on <paramref name="reads"/>, the import (a run start) on <paramref name="writes"/> (both under /api).</summary>
    public static void MapRunTransferApi(IEndpointRouteBuilder reads, IEndpointRouteBuilder writes)
    {
        var limits = reads.ServiceProvider.GetRequiredService<IOptions<RunEngineOptions>>().Value;
        reads.MapGet("/runs/{id:guid}/export", Export).WithTags("Runs");
        writes.MapPost("/runs/import", Import).WithTags("Runs").WithMetadata(new BodyLimit(limits.MaxImportBytes))
            .RequireRateLimiting(RunStartLimiter.Policy);
    }

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> Export(Guid id, RunStore store, CancellationToken cancellationToken)
    {
        if (await store.GetDetailAsync(id, cancellationToken) is not { } detail)
        {
            return ApiResults.NotFound($"run {id} does not exist");
        }
        return TypedResults.Stream(async stream =>
        {
            await WriteLineAsync(stream, new RunExportRecord(RunExportRecord.RunKind, Run: detail.Run) { Version = RunExportRecord.Format });
            foreach (var episode in detail.Episodes)
            {
                await WriteLineAsync(stream, new RunExportRecord(RunExportRecord.EpisodeKind, Episode: episode with { Steps = [] }));
                foreach (var step in episode.Steps)
                {
                    await WriteLineAsync(stream, new RunExportRecord(RunExportRecord.StepKind, Step: step));
                }
            }
        }, JsonLines, $"run-{id}.jsonl");
    }

    private static async Task<Results<Created<RunAccepted>, ValidationProblem>> Import(HttpRequest request, RunStore store,
        CancellationToken cancellationToken)
    {
        var (run, episodes, errors) = await ReadAsync(request.Body, cancellationToken);
        if (errors.Count > 0 || run is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The import file is not valid");
        }
        Guid id;
        try
        {
            id = await store.ImportAsync(run, episodes, cancellationToken);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException ex)
        {
            // One transaction: nothing was stored. A missing field or a clash the line checks above do not cover.
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"the file's records are incomplete or inconsistent: {ex.InnerException?.Message ?? ex.Message}"] },
                title: "The import file is not valid");
        }
        var url = ApiResults.RunUrl(id);
        return TypedResults.Created(url, new RunAccepted(id, url));
    }

    private static async Task WriteLineAsync(Stream stream, RunExportRecord record)
    {
        await JsonSerializer.SerializeAsync(stream, record, RunsJsonContext.Default.RunExportRecord);
        await stream.WriteAsync(NewLine);
    }

    private static async Task<(RunSummary?, List<(EpisodeDto, IReadOnlyList<StepDto>)>, Dictionary<string, string[]>)> ReadAsync(
        Stream body, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var episodes = new List<(EpisodeDto Episode, List<StepDto> Steps)>();
        RunSummary? run = null;
        var lastSequence = 0L;
        using var reader = new StreamReader(body, Encoding.UTF8);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line && errors.Count < 20)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var key = $"line {number}";
            RunExportRecord? record;
            try
            {
                record = JsonSerializer.Deserialize(line, RunsJsonContext.Default.RunExportRecord);
            }
            catch (JsonException ex)
            {
                errors[key] = [ex.Message];
                continue;
            }
            switch (record)
            {
                case { Kind: RunExportRecord.RunKind, Run: { } r } when run is null:
                    if (ImportRecordCheck.Run(r) is { } runProblem)
                    {
                        errors[key] = [runProblem];
                    }
                    else if (record.Version != RunExportRecord.Format)
                    {
                        errors[key] = [$"unsupported format '{record.Version}'; expected '{RunExportRecord.Format}'"];
                    }
                    run = r;
                    break;
                case { Kind: RunExportRecord.EpisodeKind, Episode: { } e } when run is not null:
                    if (ImportRecordCheck.Episode(e) is { } episodeProblem)
                    {
                        errors[key] = [episodeProblem];
                    }
                    else if (episodes.Any(known => known.Episode.Index == e.Index))
                    {
                        errors[key] = [$"episode index {e.Index} appears twice"];
                    }
                    episodes.Add((e, []));
                    break;
                case { Kind: RunExportRecord.StepKind, Step: { } s } when episodes.Count > 0:
                    if (ImportRecordCheck.Step(s) is { } stepProblem)
                    {
                        errors[key] = [stepProblem];
                    }
                    else if (s.Sequence <= lastSequence)
                    {
                        errors[key] = [$"step sequence {s.Sequence} does not follow {lastSequence}"];
                    }
                    lastSequence = s.Sequence;
                    episodes[^1].Steps.Add(s);
                    break;
                default:
                    errors[key] = [run is null
                        ? "the first line must be the run line ({\"kind\":\"run\",...})"
                        : "expected an episode or step line after the run line (steps follow their episode)"];
                    break;
            }
        }
        if (run is null && errors.Count == 0)
        {
            errors["body"] = ["the file is empty"];
        }
        return (run, [.. episodes.Select(e => (e.Episode, (IReadOnlyList<StepDto>)e.Steps))], errors);
    }
}
