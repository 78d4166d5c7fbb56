using TraceFix.Core.Sandbox;

namespace TraceFix.Server.Tests.Environment;

/// <summary>Holds every test run until the test lets it go, so a client can disconnect while a step is running.</summary>
public sealed class GatedTestRunner(ITestRunner inner) : ITestRunner
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Started => _started.Task;

    public void Release() => _release.TrySetResult();

    public async Task<TestRunReport> RunTestsAsync(TestRunRequest request, CancellationToken cancellationToken = default)
    {
        _started.TrySetResult();
        await _release.Task.WaitAsync(cancellationToken);
        return await inner.RunTestsAsync(request, cancellationToken);
    }

    public Task<SyntaxCheck?> CheckSyntaxAsync(string code, CancellationToken cancellationToken = default) =>
        inner.CheckSyntaxAsync(code, cancellationToken);
}
