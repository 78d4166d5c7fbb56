using TraceFix.Core.Sandbox;

namespace TraceFix.Core.Tests.Episodes;

/// <summary>Passes every call to the real sandbox and counts them, so tests can see which steps reached it.</summary>
internal sealed class CountingRunner(ITestRunner inner) : ITestRunner
{
    private int _runs;
    private int _syntaxChecks;

    public int Runs => _runs;

    public int SyntaxChecks => _syntaxChecks;

    public Task<TestRunReport> RunTestsAsync(TestRunRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _runs);
        return inner.RunTestsAsync(request, cancellationToken);
    }

    public Task<SyntaxCheck?> CheckSyntaxAsync(string code, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _syntaxChecks);
        return inner.CheckSyntaxAsync(code, cancellationToken);
    }
}
