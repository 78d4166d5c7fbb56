using TraceFix.Core.Sandbox;

namespace TraceFix.Server.Tests.OpenEnv;

/// <summary>The real sandbox, except that once armed it holds the next test run until released (or cancelled).</summary>
public sealed class GatedTestRunner(SandboxTestRunner inner) : ITestRunner, IAsyncDisposable
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _armed;

    public Task Started => _started.Task;

    public void Arm() => _armed = true;

    public void Release() => _release.TrySetResult();

    public async Task<TestRunReport> RunTestsAsync(TestRunRequest request, CancellationToken cancellationToken = default)
    {
        if (_armed)
        {
            _started.TrySetResult();
            await _release.Task.WaitAsync(cancellationToken);
        }
        return await inner.RunTestsAsync(request, cancellationToken);
    }

    public Task<SyntaxCheck?> CheckSyntaxAsync(string code, CancellationToken cancellationToken = default) =>
        inner.CheckSyntaxAsync(code, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
