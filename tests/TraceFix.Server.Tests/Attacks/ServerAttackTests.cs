using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TraceFix.Server.Tests.OpenEnv;

namespace TraceFix.Server.Tests.Attacks;

/// <summary>
/// A part of the attack suite as an agent would send it: over HTTP, /reset, REPLACE_LINES with the hostile program,
/// RUN_TESTS and SUBMIT. The episode must end unsolved, no answer may carry a breach or a forged marker, and the same
/// server must then solve a normal episode.
/// </summary>
public sealed class ServerAttackTests
{
    public static TheoryData<string> Attacks() => [.. AttackCatalog.ThroughServer];

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task HostileProgram_OverHttp_EndsUnsolved(string name)
    {
        var attack = AttackCatalog.All.Single(a => a.Name == name);
        using var host = new AttackHost();
        await using var app = new TraceFixApp();
        var http = app.CreateClient();

        var texts = new List<string>();
        var last = await PlayAsync(http, host.Render(attack), texts);

        var metadata = last.GetProperty("observation").GetProperty("metadata");
        Assert.True(last.GetProperty("done").GetBoolean());
        Assert.True(metadata.GetProperty("tests_passed").GetInt32() < metadata.GetProperty("tests_total").GetInt32());
        Assert.True(metadata.GetProperty("final_score").GetDouble() < 1.0);
        if (attack.Category == "forgery")
        {
            Assert.Equal(0, metadata.GetProperty("tests_passed").GetInt32());
        }
        host.AssertUntouched(string.Join("\n", texts));

        var normal = await PlayAsync(http, TaskFiles.Fixed(AttackCatalog.Task), []);
        var normalMeta = normal.GetProperty("observation").GetProperty("metadata");
        Assert.Equal(normalMeta.GetProperty("tests_total").GetInt32(), normalMeta.GetProperty("tests_passed").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
    }

    private static async Task<JsonElement> PlayAsync(HttpClient http, string code, List<string> texts)
    {
        var reset = await http.PostAsJsonAsync("/reset", new { task_name = AttackCatalog.Task });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        JsonElement last = default;
        foreach (var action in new[]
        {
            Actions.Replace(1, TaskFiles.LineCount(AttackCatalog.Task), code),
            Actions.Of("RUN_TESTS"),
            Actions.Of("SUBMIT"),
        })
        {
            var response = await http.PostAsJsonAsync("/step", new { action });
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action["action_type"]} answered {response.StatusCode}: {text}");
            last = JsonDocument.Parse(text).RootElement.Clone();
            // What the run produced (the code itself is echoed back in code_dict, attack source included).
            var observation = last.GetProperty("observation");
            texts.Add(observation.GetProperty("last_execution_output").ToString());
            texts.Add(observation.GetProperty("test_results").GetRawText());
        }
        return last;
    }
}
