using System.Diagnostics;
using System.Text.Json;
using TraceFix.Contracts.Environment;
using TraceFix.Core.Sandbox;

namespace TraceFix.Server.Tests;

/// <summary>
/// Stand-in test runner for builds where the sandboxed runner is not part of Core yet: runs the hidden tests with the
/// system Python, unconfined. Only trusted code reaches it here (the built-in tasks and the test agents' edits).
/// <see cref="TraceFixApp"/> uses the real sandbox as soon as Core provides it.
/// </summary>
internal sealed class LocalPythonRunner : ITestRunner
{
    private const string Marker = "@@TRACEFIX-VERDICTS@@";

    private const string Harness = """
        import sys, json, io, contextlib, traceback
        sys.path.insert(0, sys.argv[1])
        out = io.StringIO()
        results = []
        try:
            with contextlib.redirect_stdout(out):
                import test_solution as t
            names = sorted(n for n in dir(t) if n.startswith("test_") and callable(getattr(t, n)))
            for n in names:
                try:
                    with contextlib.redirect_stdout(out):
                        getattr(t, n)()
                    results.append([n, True, None])
                except BaseException as e:
                    results.append([n, False, f"{type(e).__name__}: {e}"])
        except BaseException as e:
            results.append(["import", False, f"{type(e).__name__}: {e}"])
        sys.stdout.write("\n@@TRACEFIX-VERDICTS@@" + json.dumps({"results": results, "output": out.getvalue()[-4000:]}))
        """;

    private const string SyntaxProbe = """
        import sys, json
        try:
            compile(open(sys.argv[1]).read(), "solution.py", "exec")
            print("null")
        except SyntaxError as e:
            print(json.dumps({"line": e.lineno or 1, "msg": e.msg, "text": e.text}))
        """;

    public async Task<TestRunReport> RunTestsAsync(TestRunRequest request, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var dir = Directory.CreateTempSubdirectory("tracefix-run-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir, "solution.py"), request.SolutionCode, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(dir, "test_solution.py"), request.TestCode, cancellationToken);
            var syntax = await CheckSyntaxAsync(request.SolutionCode, cancellationToken);
            var (stdout, timedOut) = await PythonAsync(["-c", Harness, dir], request.Timeout, cancellationToken);
            var at = stdout.LastIndexOf(Marker, StringComparison.Ordinal);
            var results = new List<TestResult>();
            var output = "";
            if (at >= 0)
            {
                using var doc = JsonDocument.Parse(stdout[(at + Marker.Length)..]);
                foreach (var row in doc.RootElement.GetProperty("results").EnumerateArray())
                {
                    results.Add(new TestResult(row[0].GetString()!, row[1].GetBoolean(), row[2].ValueKind == JsonValueKind.Null ? null : row[2].GetString()));
                }
                output = doc.RootElement.GetProperty("output").GetString() ?? "";
            }
            var passed = results.Count(r => r.Passed);
            return new TestRunReport(passed, results.Count(r => r.TestName != "import"), results, output, syntax, timedOut, null, null,
                Stopwatch.GetElapsedTime(started));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    public async Task<SyntaxCheck?> CheckSyntaxAsync(string code, CancellationToken cancellationToken = default)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, code, cancellationToken);
            var (stdout, _) = await PythonAsync(["-c", SyntaxProbe, file], TimeSpan.FromSeconds(10), cancellationToken);
            using var doc = JsonDocument.Parse(stdout.Trim());
            return doc.RootElement.ValueKind == JsonValueKind.Null
                ? null
                : new SyntaxCheck(doc.RootElement.GetProperty("line").GetInt32(), doc.RootElement.GetProperty("msg").GetString() ?? "",
                    doc.RootElement.GetProperty("text").GetString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(string Stdout, bool TimedOut)> PythonAsync(string[] args, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        _ = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            return ("", true);
        }
        return (await stdout, false);
    }
}
