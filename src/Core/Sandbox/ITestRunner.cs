namespace TraceFix.Core.Sandbox;

/// <summary>Runs hidden tests against agent-written code, and checks syntax (null = valid), without trusting that code.</summary>
public interface ITestRunner
{
    Task<TestRunReport> RunTestsAsync(TestRunRequest request, CancellationToken cancellationToken = default);

    Task<SyntaxCheck?> CheckSyntaxAsync(string code, CancellationToken cancellationToken = default);
}
