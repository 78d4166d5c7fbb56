using TraceFix.Contracts.Environment;
using TraceFix.Core.Sandbox;
using TraceFix.Core.Tasks;

namespace TraceFix.Server.Tests.Environment;

/// <summary>
/// Stand-in for the sandbox while it is not registered by the host: a task's tests pass exactly when the code is the
/// task's reference fix, and a line containing <c>SYNTAX ERROR</c> is a syntax error.
/// </summary>
public sealed class FixedCodeTestRunner(TaskCatalog catalog) : ITestRunner
{
    public Task<TestRunReport> RunTestsAsync(TestRunRequest request, CancellationToken cancellationToken = default)
    {
        var task = catalog.All.Single(t => t.TestCode == request.TestCode);
        var names = task.TestCode.Split('\n').Where(l => l.StartsWith("def test_")).Select(l => l[4..l.IndexOf('(')]).ToList();
        var syntax = Check(request.SolutionCode);
        var fixedCode = Normalise(request.SolutionCode) == Normalise(task.FixedCode) && syntax is null;
        var results = names.Select(n => new TestResult(n, fixedCode, fixedCode ? null : $"AssertionError: Test failed: {n}")).ToList();
        return Task.FromResult(new TestRunReport(fixedCode ? names.Count : 0, names.Count, results, "", syntax, false, null, null, TimeSpan.Zero));
    }

    public Task<SyntaxCheck?> CheckSyntaxAsync(string code, CancellationToken cancellationToken = default) => Task.FromResult(Check(code));

    private static SyntaxCheck? Check(string code)
    {
        var lines = SourceText.SplitLines(code);
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Contains("SYNTAX ERROR"))
            {
                return new SyntaxCheck(i + 1, "invalid syntax", lines[i]);
            }
        }
        return null;
    }

    private static string Normalise(string code) => string.Join("\n", SourceText.SplitLines(code).Select(l => l.TrimEnd()));
}
