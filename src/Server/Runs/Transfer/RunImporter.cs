using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TraceFix.Contracts.Runs;
using TraceFix.Server.Store;

namespace TraceFix.Server.Runs.Transfer;

/// <summary>The result of an import: the new run's id, or the problems found, keyed by line ("line 3") or "body".</summary>
public sealed record ImportOutcome(Guid? RunId, IDictionary<string, string[]> Errors)
{
    public static ImportOutcome Invalid(IDictionary<string, string[]> errors) => new(null, errors);
}

/// <summary>
/// Reads a run export (JSONL, see <see cref="RunExportRecord"/>), checks every line and stores the run under a new id in one
/// transaction. A file with any bad line stores nothing; at most <see cref="MaxErrors"/> problems are reported.
/// </summary>
public sealed class RunImporter(RunStore store)
{
    public const int MaxErrors = 20;

    public async Task<ImportOutcome> ImportAsync(Stream body, CancellationToken cancellationToken)
    {
        var file = await ReadAsync(body, cancellationToken);
        if (file.Errors.Count > 0 || file.Run is null)
        {
            return ImportOutcome.Invalid(file.Errors);
        }
        try
        {
            var id = await store.ImportAsync(file.Run, [.. file.Episodes.Select(e => (e.Episode, (IReadOnlyList<StepDto>)e.Steps))],
                cancellationToken);
            return new ImportOutcome(id, new Dictionary<string, string[]>());
        }
        catch (DbUpdateException ex)
        {
            // One transaction: nothing was stored. A missing field or a clash the line checks do not cover.
            return ImportOutcome.Invalid(new Dictionary<string, string[]>
            {
                ["body"] = [$"the file's records are incomplete or inconsistent: {ex.InnerException?.Message ?? ex.Message}"],
            });
        }
    }

    private static async Task<ImportFile> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        var file = new ImportFile();
        using var reader = new StreamReader(body, Encoding.UTF8);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line && file.Errors.Count < MaxErrors)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            RunExportRecord? record;
            try
            {
                record = JsonSerializer.Deserialize(line, RunsJsonContext.Default.RunExportRecord);
            }
            catch (JsonException ex)
            {
                file.Errors[$"line {number}"] = [ex.Message];
                continue;
            }
            if (file.Add(record) is { } problem)
            {
                file.Errors[$"line {number}"] = [problem];
            }
        }
        if (file.Run is null && file.Errors.Count == 0)
        {
            file.Errors["body"] = ["the file is empty"];
        }
        return file;
    }

    /// <summary>The records read so far, and the rules on their order: the run line first, steps after their episode.</summary>
    private sealed class ImportFile
    {
        private long _lastSequence;

        public RunSummary? Run { get; private set; }
        public List<(EpisodeDto Episode, List<StepDto> Steps)> Episodes { get; } = [];
        public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

        /// <summary>Takes one record; returns what is wrong with it, if anything.</summary>
        public string? Add(RunExportRecord? record)
        {
            switch (record)
            {
                case { Kind: RunExportRecord.RunKind, Run: { } run } when Run is null:
                    Run = run;
                    return ImportRecordCheck.Run(run)
                        ?? (record.Version != RunExportRecord.Format
                            ? $"unsupported format '{record.Version}'; expected '{RunExportRecord.Format}'"
                            : null);
                case { Kind: RunExportRecord.EpisodeKind, Episode: { } episode } when Run is not null:
                    var duplicate = Episodes.Any(known => known.Episode.Index == episode.Index);
                    Episodes.Add((episode, []));
                    return ImportRecordCheck.Episode(episode)
                        ?? (duplicate ? $"episode index {episode.Index} appears twice" : null);
                case { Kind: RunExportRecord.StepKind, Step: { } step } when Episodes.Count > 0:
                    var previous = _lastSequence;
                    _lastSequence = step.Sequence;
                    Episodes[^1].Steps.Add(step);
                    return ImportRecordCheck.Step(step)
                        ?? (step.Sequence <= previous ? $"step sequence {step.Sequence} does not follow {previous}" : null);
                default:
                    return Run is null
                        ? "the first line must be the run line ({\"kind\":\"run\",...})"
                        : "expected an episode or step line after the run line (steps follow their episode)";
            }
        }
    }
}
