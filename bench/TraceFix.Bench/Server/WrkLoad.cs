using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace TraceFix.Bench.Server;

/// <summary>
/// POST /step load from wrk (Debian's wrk) with a Lua script that spreads requests over the given session handles.
/// <para>
/// <see cref="SessionSpread.PerThread"/> gives each wrk thread its own slice of the sessions, so that two requests
/// in flight almost never address the same session. <see cref="SessionSpread.Shared"/> is the first version of
/// this bench: every thread walks the whole list from the same start, so the threads keep hitting the same sessions at
/// the same moment and wait on each other's session lock; that halves the throughput (see docs/performance.md).
/// </para>
/// </summary>
public static partial class WrkLoad
{
    public const string StepBody = """{"action":{"thought":"bench","action_type":"VIEW_CODE","metadata":{}}}""";

    public enum SessionSpread
    {
        PerThread,
        Shared,
    }

    public sealed record Result(long Requests, long Errors, double Seconds, double P50Ms, double P99Ms)
    {
        public double PerSecond => Requests / Seconds;
    }

    public static async Task<Result> RunAsync(Uri address, IReadOnlyList<string> sessions, SessionSpread spread, int threads, int connections, int seconds)
    {
        var script = Path.Combine(Path.GetTempPath(), $"tracefix-wrk-{Environment.ProcessId}-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, Script(spread));
        try
        {
            var output = await RunOnceAsync(address, sessions, script, threads, connections, seconds);
            var match = Summary().Match(output);
            if (!match.Success)
            {
                throw new InvalidOperationException("unexpected wrk output:\n" + output);
            }
            long Value(string name) => long.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
            var errors = Value("status") + Value("connect") + Value("read") + Value("write") + Value("timeout");
            return new Result(Value("requests"), errors, Value("duration") / 1e6, Value("p50") / 1e3, Value("p99") / 1e3);
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static async Task<string> RunOnceAsync(Uri address, IReadOnlyList<string> sessions, string script, int threads, int connections, int seconds)
    {
        var start = new ProcessStartInfo("wrk", [$"-t{threads}", $"-c{connections}", $"-d{seconds}s", "-s", script, address.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["TRACEFIX_SESSIONS"] = string.Join(',', sessions);
        start.Environment["TRACEFIX_THREADS"] = threads.ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    private static string Script(SessionSpread spread) => ScriptTemplate
        .Replace("$SLICE", spread == SessionSpread.PerThread ? "true" : "false", StringComparison.Ordinal)
        .Replace("$BODY", StepBody, StringComparison.Ordinal);

    [GeneratedRegex(@"WRK requests=(?<requests>\d+) status=(?<status>\d+) connect=(?<connect>\d+) read=(?<read>\d+) write=(?<write>\d+) timeout=(?<timeout>\d+) p50=(?<p50>\d+) p99=(?<p99>\d+) duration=(?<duration>\d+)")]
    private static partial Regex Summary();

    // setup() runs once per wrk thread in the main Lua state and hands each thread its index; requests are pre-formatted
    // per session so that request() only picks one.
    private const string ScriptTemplate = """
        local slice = $SLICE
        local counter = 0
        function setup(thread)
          thread:set("index", counter)
          counter = counter + 1
        end
        function init(args)
          local all = {}
          for id in string.gmatch(os.getenv("TRACEFIX_SESSIONS"), "[^,]+") do all[#all + 1] = id end
          local threads = tonumber(os.getenv("TRACEFIX_THREADS"))
          local mine = {}
          for i, id in ipairs(all) do
            if not slice or (i - 1) % threads == index then mine[#mine + 1] = id end
          end
          requests = {}
          for i, id in ipairs(mine) do
            requests[i] = wrk.format("POST", "/step", { ["Content-Type"] = "application/json", ["X-Session-Id"] = id }, '$BODY')
          end
          n = 0
        end
        function request()
          n = n + 1
          return requests[(n % #requests) + 1]
        end
        function done(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("WRK requests=%d status=%d connect=%d read=%d write=%d timeout=%d p50=%d p99=%d duration=%d\n",
            summary.requests, e.status, e.connect, e.read, e.write, e.timeout, latency:percentile(50), latency:percentile(99), summary.duration))
        end
        """;
}
