using System.Text.Json;
using TraceFix.Contracts.Runs;
using TraceFix.Server.Store;

namespace TraceFix.Server.Runs.Transfer;

/// <summary>What an export starts from: the run and its episodes, without their steps.</summary>
public sealed record RunExportHead(RunSummary Run, IReadOnlyList<EpisodeDto> Episodes);

/// <summary>
/// Writes a run as JSONL (<see cref="RunExportRecord"/>: a run line, then each episode line followed by its step lines).
/// Steps are read from the store a page at a time and written as they are read, so memory stays bounded by one page
/// however long the run. No secret is part of a run, so none can be in an export.
/// </summary>
public sealed class RunExporter(RunStore store)
{
    public const int StepPageSize = 200;
    private const int BufferBytes = 64 * 1024;
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    /// <summary>The run's header, or null when it does not exist (checked before any byte is written).</summary>
    public async Task<RunExportHead?> OpenAsync(Guid runId, CancellationToken cancellationToken) =>
        await store.GetDetailAsync(runId, cancellationToken, includeSteps: false) is { } detail
            ? new RunExportHead(detail.Run, detail.Episodes)
            : null;

    public async Task WriteAsync(RunExportHead head, Stream destination, CancellationToken cancellationToken)
    {
        await using var output = new BufferedStream(destination, BufferBytes);
        await WriteLineAsync(output, new RunExportRecord(RunExportRecord.RunKind, Run: head.Run) { Version = RunExportRecord.Format },
            cancellationToken);
        foreach (var episode in head.Episodes)
        {
            await WriteLineAsync(output, new RunExportRecord(RunExportRecord.EpisodeKind, Episode: episode with { Steps = [] }),
                cancellationToken);
            await foreach (var page in store.ReadEpisodeStepPagesAsync(head.Run.Id, episode.Id, StepPageSize, cancellationToken))
            {
                foreach (var step in page)
                {
                    await WriteLineAsync(output, new RunExportRecord(RunExportRecord.StepKind, Step: step), cancellationToken);
                }
                // Hand each page to the client now rather than when the buffer happens to fill.
                await output.FlushAsync(cancellationToken);
            }
        }
        await output.FlushAsync(cancellationToken);
    }

    private static async Task WriteLineAsync(Stream output, RunExportRecord record, CancellationToken cancellationToken)
    {
        await output.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(record, RunsJsonContext.Default.RunExportRecord), cancellationToken);
        await output.WriteAsync(NewLine, cancellationToken);
    }
}
