using System.Diagnostics;
using TraceFix.Cli.Output;

namespace TraceFix.Cli.Tests;

/// <summary>Golden test: the seed's own Python format strings, run by the real interpreter, against <see cref="SeedLog"/>.</summary>
public sealed class SeedFormatTests
{
    private static readonly (int Step, string Action, double Reward, bool Done, string? Error)[] Steps =
    [
        (1, "VIEW_CODE", -0.01, false, null),
        (2, "RUN_TESTS", 0.125, false, ""),
        (3, "REPLACE_LINES", -0.001, false, "Line 99 is out of range"),
        (12, "SUBMIT", 0.975, true, "PARSE_ERROR: reply is not valid JSON"),
        (50, "UNDO_EDIT", -0.16, true, null),
    ];

    private const string Python = """
        import sys
        def log_start(task, env, model):
            print(f"[START] task={task} env={env} model={model}", flush=True)
        def log_step(step, action, reward, done, error):
            error_value = error if error else "null"
            print(f"[STEP] step={step} action={action} reward={reward:.2f} done={str(done).lower()} error={error_value}", flush=True)
        def log_end(success, steps, score, rewards):
            rewards_str = ",".join(f"{r:.2f}" for r in rewards)
            print(f"[END] success={str(success).lower()} steps={steps} score={score:.2f} rewards={rewards_str}", flush=True)
        log_start("task1_easy", "tracefix_rl", "openai/gpt-oss-20b")
        for step, action, reward, done, error in [(1, "VIEW_CODE", -0.01, False, None), (2, "RUN_TESTS", 0.125, False, ""), (3, "REPLACE_LINES", -0.001, False, "Line 99 is out of range"), (12, "SUBMIT", 0.975, True, "PARSE_ERROR: reply is not valid JSON"), (50, "UNDO_EDIT", -0.16, True, None)]:
            log_step(step, action, reward, done, error)
        log_end(True, 12, 0.98, [-0.01, 0.125, -0.001, 0.975])
        log_end(False, 0, 0.0, [])
        """;

    [Fact]
    public void SeedLog_MatchesThePythonFormatStrings()
    {
        var expected = RunPython(Python);

        var actual = new List<string> { SeedLog.Start("task1_easy", "tracefix_rl", "openai/gpt-oss-20b") };
        actual.AddRange(Steps.Select(s => SeedLog.Step(s.Step, s.Action, s.Reward, s.Done, s.Error)));
        actual.Add(SeedLog.End(true, 12, 0.98, [-0.01, 0.125, -0.001, 0.975]));
        actual.Add(SeedLog.End(false, 0, 0.0, []));

        Assert.Equal(expected, actual);
    }

    private static List<string> RunPython(string code)
    {
        var start = new ProcessStartInfo("/usr/bin/python3", ["-c", code]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}
