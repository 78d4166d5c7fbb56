using System.Text.Json;
using TraceFix.Contracts.Runs;

namespace TraceFix.Server.Tests.Runs;

internal static class StepJson
{
    /// <summary>Steps compared by value, as the wire shows them (records compare nested lists by reference).</summary>
    public static List<string> Of(IEnumerable<StepDto> steps) =>
        [.. steps.Select(s => JsonSerializer.Serialize(s, RunsJsonContext.Default.StepDto))];

    public static List<string> WithoutEpisodeIds(IEnumerable<StepDto> steps) => Of(steps.Select(s => s with { EpisodeId = 0 }));
}
