using TraceFix.Contracts.Episodes;
using TraceFix.Core.Sandbox;
using TraceFix.Core.Tasks;

namespace TraceFix.Core.Episodes;

/// <summary>
/// The in-process environment: one session holding one episode at a time. Calls are serialised, so overlapping calls
/// from a misbehaving caller queue up instead of corrupting the episode.
/// </summary>
public sealed partial class DebugEnvironment : IEnvironmentSession
{
    private readonly TaskCatalog _catalog;
    private readonly ITestRunner _runner;
    private readonly EnvironmentOptions _options;
    private readonly TimeProvider _clock;
    private readonly SyntaxCache _syntax;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Episode? _episode;
    private bool _disposed;

    public DebugEnvironment(TaskCatalog catalog, ITestRunner runner, EnvironmentOptions options, TimeProvider? clock = null)
        : this(catalog, runner, options, clock, new SyntaxCache(runner))
    {
    }

    internal DebugEnvironment(TaskCatalog catalog, ITestRunner runner, EnvironmentOptions options, TimeProvider? clock, SyntaxCache syntax)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(options);
        _catalog = catalog;
        _runner = runner;
        _options = options;
        _clock = clock ?? TimeProvider.System;
        _syntax = syntax;
    }

    public async Task<StepResult> ResetAsync(ResetOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        await EnterAsync(cancellationToken);
        try
        {
            SnapshotRules.Check(options, _options.MaxSteps);
            var task = TaskPicker.Pick(_catalog, options);
            var code = await VersionOfAsync(task.SolutionLines, cancellationToken);
            var id = string.IsNullOrWhiteSpace(options.EpisodeId) ? NewEpisodeId() : options.EpisodeId.Trim();
            var episode = new Episode(id, task, code, _clock.GetUtcNow());
            if (options.Snapshot is { } snapshot)
            {
                var current = await VersionOfAsync(SourceText.SplitLines(snapshot.Code), cancellationToken);
                var history = (snapshot.UndoStack ?? []).Select(SourceText.SplitLines);
                episode.Restore(current, history, snapshot.StepCount, Rewards.Round(snapshot.CumulativeReward), snapshot.PassesAtLastRun);
            }
            // Only a reset that fully succeeded replaces the episode in progress.
            _episode = episode;
            return ObservationFactory.Reset(_episode, _options);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<StepResult> StepAsync(CodeAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        await EnterAsync(cancellationToken);
        try
        {
            var episode = _episode ?? throw new EpisodeNotStartedException();
            if (episode.Done)
            {
                throw new EpisodeFinishedException();
            }
            return await StepCoreAsync(episode, action, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<EpisodeState> GetStateAsync(CancellationToken cancellationToken = default)
    {
        await EnterAsync(cancellationToken);
        try
        {
            var episode = _episode;
            return new EpisodeState
            {
                EpisodeId = episode?.Id,
                StepCount = episode?.StepCount ?? 0,
                TaskName = episode?.Task.Name,
                TaskDifficulty = episode?.Task.Difficulty.ToWire(),
                Done = episode?.Done ?? false,
                MaxSteps = _options.MaxSteps,
                CumulativeReward = episode?.CumulativeReward ?? 0.0,
            };
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        // The runner is shared and owned by whoever created it; the gate holds no unmanaged resource.
        _disposed = true;
        _episode = null;
        return ValueTask.CompletedTask;
    }

    private async Task EnterAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken);
        if (_disposed)
        {
            _gate.Release();
            throw new ObjectDisposedException(nameof(DebugEnvironment));
        }
    }

    private async Task<CodeVersion> VersionOfAsync(IReadOnlyList<string> lines, CancellationToken cancellationToken)
    {
        var source = SourceText.Join(lines);
        return new CodeVersion(lines, await _syntax.CheckAsync(source, cancellationToken), source);
    }

    private Task<TestRunReport> RunTestsAsync(DebugTask task, CodeVersion code, CancellationToken cancellationToken) =>
        _runner.RunTestsAsync(new TestRunRequest(code.Source, task.TestCode, task.Timeout, task.TestTimeout), cancellationToken);

    private double Score(int passed, int total, int stepsTaken) =>
        FinalScore.Compute(passed, total, stepsTaken, _options.CompatibilityScoring);

    private static string NewEpisodeId() => Guid.NewGuid().ToString("N")[..8];
}
