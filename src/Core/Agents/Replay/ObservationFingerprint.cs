using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TraceFix.Contracts.Episodes;

namespace TraceFix.Core.Agents.Replay;

/// <summary>
/// A short stable digest of what an observation says about the episode: code, output, test verdicts, syntax flag,
/// counters and done. Episode ids, timings and free-form metadata are left out, so two faithful runs match.
/// </summary>
public static class ObservationFingerprint
{
    public static string Compute(Observation observation)
    {
        var canonical = JsonSerializer.Serialize(new
        {
            code = ObservationDigestLines(observation),
            output = observation.LastExecutionOutput,
            tests = observation.TestResults.Select(t => new { t.TestName, t.Passed, t.ErrorMessage }),
            syntax = observation.SyntaxError,
            step = observation.StepCount,
            remaining = observation.StepsRemaining,
            done = observation.Done,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..16];
    }

    private static IEnumerable<string> ObservationDigestLines(Observation observation) =>
        Llm.ObservationDigest.NumberedLines(observation.CodeDict).Select(l => $"{l.Number}:{l.Text}");
}
