namespace TraceFix.Cli.Tests;

/// <summary>`tracefix tasks validate` and time limits: buggy code that hangs is a valid task; a fix that hangs is not.</summary>
public sealed class TasksValidateTimeLimitTests : IDisposable
{
    private const string Tests = """
        from solution import find

        def test_present():
            assert find([1, 3, 5], 3) == 1

        def test_absent():
            assert find([1, 3, 5], 4) == -1
        """;

    private const string Fixed = """
        def find(items, target):
            low, high = 0, len(items) - 1
            while low <= high:
                mid = (low + high) // 2
                if items[mid] == target:
                    return mid
                if items[mid] < target:
                    low = mid + 1
                else:
                    high = mid - 1
            return -1
        """;

    private readonly DirectoryInfo _pack = Directory.CreateTempSubdirectory("tracefix-cli-hang");

    [Fact]
    public async Task TasksValidate_AcceptsBuggyCodeThatHangs_AndRejectsAFixThatHangs()
    {
        var hanging = Fixed.Replace("low = mid + 1", "low = mid");
        Write("buggy_hangs", hanging, Fixed, """, "timeout_s": 3, "test_timeout_s": 0.5""");
        Write("fix_hangs", Fixed.Replace("return mid", "return mid + 1"), hanging, """, "timeout_s": 3, "test_timeout_s": 0.5""");
        Write("bad_limit", hanging, Fixed, """, "timeout_s": 2, "test_timeout_s": 5""");

        var run = await CliRun.RunAsync("tasks", "validate", _pack.FullName);

        run.AssertExitCode(1);
        Assert.Contains(run.OutLines, l => l.StartsWith("buggy_hangs", StringComparison.Ordinal) && l.Contains("1/2 (1 hung)", StringComparison.Ordinal)
            && l.EndsWith("ok", StringComparison.Ordinal));
        Assert.Contains(run.OutLines, l => l.StartsWith("fix_hangs", StringComparison.Ordinal)
            && l.Contains("INVALID: the fix fails 1 test(s), e.g. test_absent: input=find([1, 3, 5], 4), timed out after 0.5 s", StringComparison.Ordinal));
        Assert.Contains(run.OutLines, l => l.StartsWith("bad_limit", StringComparison.Ordinal) && l.Contains("\"test_timeout_s\"", StringComparison.Ordinal));
        Assert.Equal("2 of 3 tasks invalid", run.OutLines[^1]);
    }

    private void Write(string name, string solution, string fixedCode, string extra)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_pack.FullName, name)).FullName;
        File.WriteAllText(Path.Combine(dir, "task.json"), $$"""{"name": "{{name}}", "difficulty": "easy"{{extra}}}""");
        File.WriteAllText(Path.Combine(dir, "solution.py"), solution);
        File.WriteAllText(Path.Combine(dir, "test_solution.py"), Tests);
        File.WriteAllText(Path.Combine(dir, "fixed.py"), fixedCode);
    }

    public void Dispose() => _pack.Delete(recursive: true);
}
