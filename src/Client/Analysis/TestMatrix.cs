using TraceFix.Client.Model;

namespace TraceFix.Client.Analysis;

/// <summary>Pass/fail of every test at every step that ran tests, with the cells where a verdict flipped.</summary>
public sealed class TestMatrix
{
    private readonly Dictionary<(string Test, int Step), TestCell> _cells = [];

    public TestMatrix(IEnumerable<StepView> steps)
    {
        var names = new List<string>();
        var columns = new List<int>();
        var previous = new Dictionary<string, bool>();
        foreach (var step in steps)
        {
            if (step.Tests.Count == 0)
            {
                continue;
            }
            columns.Add(step.Number);
            foreach (var test in step.Tests)
            {
                if (!previous.TryGetValue(test.TestName, out var before))
                {
                    names.Add(test.TestName);
                }
                var flipped = previous.ContainsKey(test.TestName) && before != test.Passed;
                _cells[(test.TestName, step.Number)] = new TestCell(test.Passed, flipped, test.ErrorMessage);
                previous[test.TestName] = test.Passed;
            }
        }
        Tests = names;
        Steps = columns;
    }

    public IReadOnlyList<string> Tests { get; }

    /// <summary>Numbers of the steps that ran tests, in order.</summary>
    public IReadOnlyList<int> Steps { get; }

    public TestCell? this[string test, int step] => _cells.GetValueOrDefault((test, step));
}

public sealed record TestCell(bool Passed, bool Flipped, string? Message);
