using TraceFix.Contracts.Episodes;

namespace TraceFix.Core.Tests.Agents;

/// <summary>Builds observations shaped like the environment's, for driving agents directly.</summary>
internal static class Observations
{
    public static StepResult Result(string output, params string[] code) => new(new Observation
    {
        CodeDict = code.Select((line, i) => (line, i)).ToDictionary(e => (e.i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), e => e.line),
        LastExecutionOutput = output,
        StepCount = 1,
        StepsRemaining = 49,
    }, 0.0, false);

    public static readonly string[] Code = ["def add(a, b):", "    return a - b"];
}
