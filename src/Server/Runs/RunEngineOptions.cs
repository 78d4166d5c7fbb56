using System.ComponentModel.DataAnnotations;
using TraceFix.Core.Settings;

namespace TraceFix.Server.Runs;

/// <summary><c>TraceFix:Runs</c>: queue, concurrency and budget limits of the run engine.</summary>
public sealed class RunEngineOptions : ISettingsSection
{
    public const string Section = "TraceFix:Runs";

    static string ISettingsSection.Section => Section;

    /// <summary>Runs that may wait for a slot; a start beyond it is refused with 503.</summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 256;

    [Range(1, 64)]
    public int MaxConcurrentRuns { get; set; } = 2;

    /// <summary>Step budget of an episode when the request names none, and the largest one accepted.</summary>
    [Range(1, 10_000)]
    public int MaxStepsPerEpisode { get; set; } = 50;

    [Range(1, 10_000)]
    public int MaxEpisodesPerRun { get; set; } = 500;

    /// <summary>Largest accepted body of a dashboard API request, in bytes (imports have their own limit).</summary>
    [Range(1024, 1_073_741_824)]
    public long MaxRequestBytes { get; set; } = 64 * 1024;

    [Range(1024, 1_073_741_824)]
    public long MaxImportBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Manual play sessions idle longer than this are closed (their run becomes cancelled).</summary>
    [Range(1, 24 * 60)]
    public int PlayIdleMinutes { get; set; } = 30;

    /// <summary>How often idle play sessions are looked for.</summary>
    [Range(1, 3600)]
    public int PlayReapSeconds { get; set; } = 60;

    /// <summary>
    /// Lease of an instance on the runs it plays, renewed by its heartbeat every third of it. An instance that dies
    /// loses its runs (they become interrupted) once the lease runs out.
    /// </summary>
    [Range(3, 300)]
    public int LeaseSeconds { get; set; } = 15;

    /// <summary>How often an idle instance looks for runs queued through other instances.</summary>
    [Range(50, 60_000)]
    public int PollMilliseconds { get; set; } = 1000;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    public TimeSpan Heartbeat => TimeSpan.FromSeconds(LeaseSeconds / 3.0);

    public TimeSpan Poll => TimeSpan.FromMilliseconds(PollMilliseconds);

    /// <summary>Execution output kept per step, in characters.</summary>
    [Range(256, 1_000_000)]
    public int MaxStoredOutputChars { get; set; } = 16_000;
}
