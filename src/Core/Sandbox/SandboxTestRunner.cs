using System.Diagnostics;
using System.Text.Json.Serialization;

namespace TraceFix.Core.Sandbox;

/// <summary>
/// Runs hidden tests in a pool of warm bubblewrap sandboxes (see docs/sandbox.md). Call <see cref="StartAsync"/> at
/// start-up: it verifies that the sandbox works (throwing <see cref="SandboxUnavailableException"/> with what to fix if
/// not) and fills the pool. Untrusted code is never run unconfined unless <see cref="SandboxOptions.Unconfined"/> is set.
/// </summary>
public sealed class SandboxTestRunner(SandboxOptions options) : ITestRunner, IAsyncDisposable
{
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private HarnessFiles? _harness;
    private SandboxPool? _pool;
    private bool _disposed;

    public SandboxOptions Options => options;

    public bool IsStarted => _pool is not null;

    /// <summary>The defences in force once started (null before): for the start-up log and readiness checks.</summary>
    public SandboxDefences? Defences { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _startLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_pool is not null)
            {
                return;
            }
            if (!OperatingSystem.IsLinux())
            {
                throw new SandboxUnavailableException("the sandbox needs Linux (bubblewrap and user namespaces); untrusted code cannot run on this OS");
            }
            SandboxProbe.CheckPrerequisites(options);
            var harness = HarnessFiles.Extract();
            var confined = !options.Unconfined;
            var seccomp = confined && options.Seccomp;
            if (seccomp && !SeccompFilter.Supported)
            {
                harness.Dispose();
                throw new SandboxUnavailableException(
                    "the seccomp filter is built for x86_64 Linux only; on this machine set TraceFix:Sandbox:Seccomp=false to run without it");
            }
            var seccompFile = seccomp ? harness.WriteFile("seccomp.bpf", SeccompFilter.Build()) : null;
            string cgroupReason = "off in the sandbox options";
            var cgroups = confined && options.Cgroups ? CgroupLimits.TryCreate(options, out cgroupReason) : null;
            var root = SandboxProbe.RunningAsRoot();
            var pool = new SandboxPool(() => Launch(harness, root, seccompFile, cgroups), Math.Max(1, options.PoolSize));
            try
            {
                await SandboxProbe.VerifyAsync(pool, options, seccomp, cancellationToken).ConfigureAwait(false);
                await pool.FillAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await pool.DisposeAsync().ConfigureAwait(false);
                harness.Dispose();
                throw;
            }
            _harness = harness;
            _pool = pool;
            Defences = new SandboxDefences(confined, seccomp,
                cgroups is null ? SandboxDefences.Watchdog : SandboxDefences.CgroupV2,
                cgroups is null ? cgroupReason : $"under {cgroups.Parent}", IpcCleanup: confined);
        }
        finally
        {
            _startLock.Release();
        }
    }

    private SlotLaunch Launch(HarnessFiles harness, bool root, string? seccompFile, CgroupLimits? cgroups)
    {
        if (cgroups is null)
        {
            return new SlotLaunch(SandboxCommand.Create(options, harness, root, seccompFile, cgroup: null));
        }
        string group;
        try
        {
            group = cgroups.CreateGroup();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SandboxUnavailableException($"could not create the sandbox's cgroup: {e.Message}", e);
        }
        return new SlotLaunch(SandboxCommand.Create(options, harness, root, seccompFile, group), () => CgroupLimits.Remove(group));
    }

    public async Task<TestRunReport> RunTestsAsync(TestRunRequest request, CancellationToken cancellationToken = default)
    {
        var pool = await EnsureStartedAsync(cancellationToken).ConfigureAwait(false);
        var frames = new[]
        {
            SandboxSlot.Encode(new RunFrame("run", request.SolutionCode, request.Timeout.TotalSeconds, TestSeconds(request))),
            SandboxSlot.Encode(new TestsFrame(request.TestCode)),
        };
        var started = Stopwatch.GetTimestamp();
        var slot = await pool.RentAsync(options.QueueTimeout, cancellationToken).ConfigureAwait(false);
        byte[]? reply = null;
        try
        {
            reply = await slot.ExchangeAsync(frames, request.Timeout + options.HostTimeoutMargin, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            pool.Return(slot, healthy: reply is not null);
            SandboxMetrics.RunFinished("tests", reply is not null);
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (reply is null)
        {
            var timedOut = elapsed >= request.Timeout;
            var reason = timedOut ? $"timed out (the run is limited to {request.Timeout.TotalSeconds:0.##}s)" : "the sandbox stopped unexpectedly";
            return ReportBuilder.Failed(request.TestCode, reason, timedOut, elapsed);
        }
        return ReportBuilder.FromReply(HarnessReply.Parse(reply), request.TestCode, options.MaxOutputChars, request.Timeout, elapsed);
    }

    public async Task<SyntaxCheck?> CheckSyntaxAsync(string code, CancellationToken cancellationToken = default)
    {
        var pool = await EnsureStartedAsync(cancellationToken).ConfigureAwait(false);
        var frame = SandboxSlot.Encode(new SyntaxFrame("syntax", code));
        var slot = await pool.RentAsync(options.QueueTimeout, cancellationToken).ConfigureAwait(false);
        byte[]? reply = null;
        try
        {
            reply = await slot.ExchangeAsync([frame], TimeSpan.FromSeconds(3) + options.HostTimeoutMargin, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            pool.Return(slot, healthy: reply is not null);
            SandboxMetrics.RunFinished("syntax", reply is not null);
        }
        var parsed = reply is null ? null : HarnessReply.Parse(reply);
        if (parsed is not { Status: "ok", Result: not null })
        {
            return new SyntaxCheck(0, "the syntax check did not finish", null);
        }
        return parsed.Result.Syntax?.ToCheck();
    }

    private async ValueTask<SandboxPool> EnsureStartedAsync(CancellationToken cancellationToken)
    {
        if (_pool is { } pool)
        {
            return pool;
        }
        await StartAsync(cancellationToken).ConfigureAwait(false);
        return _pool!;
    }

    public async ValueTask DisposeAsync()
    {
        await _startLock.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            if (_pool is not null)
            {
                await _pool.DisposeAsync().ConfigureAwait(false);
                _pool = null;
            }
            _harness?.Dispose();
            _harness = null;
        }
        finally
        {
            _startLock.Release();
        }
    }

    private static double TestSeconds(TestRunRequest request) =>
        request.TestTimeout is { } limit && limit > TimeSpan.Zero && limit < request.Timeout ? limit.TotalSeconds : request.Timeout.TotalSeconds;

    private sealed record RunFrame(
        [property: JsonPropertyName("op")] string Op,
        [property: JsonPropertyName("solution")] string Solution,
        [property: JsonPropertyName("timeout")] double Timeout,
        [property: JsonPropertyName("test_timeout")] double TestTimeout);

    private sealed record TestsFrame([property: JsonPropertyName("tests")] string Tests);

    private sealed record SyntaxFrame(
        [property: JsonPropertyName("op")] string Op,
        [property: JsonPropertyName("code")] string Code);
}
