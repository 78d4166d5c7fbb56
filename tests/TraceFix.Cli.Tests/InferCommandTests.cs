using TraceFix.Testing.Fakes;

namespace TraceFix.Cli.Tests;

public sealed class InferCommandTests
{
    private const string Secret = "hf_cli-test-secret-0123456789";

    [Fact]
    public async Task OfflineInProcess_PrintsOnlySeedLines_ForTheThreeSeedTasks_AndSolvesThem()
    {
        var run = await CliRun.RunAsync("infer", "--agent", "offline", "--in-process");

        run.AssertExitCode(0);
        SeedLines.AssertAllSeedShaped(run.OutLines);
        Assert.Equal(
            ["[START] task=task1_easy env=tracefix_rl model=tracefix-offline-repair", "[START] task=task2_medium env=tracefix_rl model=tracefix-offline-repair", "[START] task=task3_hard env=tracefix_rl model=tracefix-offline-repair"],
            run.OutLines.Where(l => l.StartsWith("[START]", StringComparison.Ordinal)));
        Assert.All(run.OutLines.Where(l => l.StartsWith("[END]", StringComparison.Ordinal)), l => Assert.StartsWith("[END] success=true", l));
        Assert.DoesNotContain("[THOUGHT]", run.Error);
    }

    [Fact]
    public async Task LlmInProcess_UsesTheSeedVariables_PrintsThoughtsOnStderr_AndNeverTheKey()
    {
        await using var server = await FakeChatServer.StartAsync();
        server.Responder = _ => ScriptedReply.Action("SUBMIT", "Observation: looks fine. Diagnosis: none. Plan: submit.");
        var env = new Dictionary<string, string?>
        {
            ["API_BASE_URL"] = server.ApiBaseUrl,
            ["MODEL_NAME"] = "fake/model-1",
            ["HF_TOKEN"] = Secret,
            ["BENCHMARK"] = "bench_x",
        };

        var run = await CliRun.RunAsync(env, "infer", "--in-process", "--thought", "--medium");

        run.AssertExitCode(0);
        SeedLines.AssertAllSeedShaped(run.OutLines);
        Assert.Equal("[START] task=task1_easy env=bench_x model=fake/model-1", run.OutLines[0]);
        Assert.Equal("[STEP] step=1 action=VIEW_CODE reward=-0.01 done=false error=null", run.OutLines[1]);
        Assert.StartsWith("[STEP] step=2 action=SUBMIT reward=", run.OutLines[2]);
        Assert.StartsWith("[END] success=false steps=2 score=", run.OutLines[3]);
        Assert.Contains("[THOUGHT]\nObservation: looks fine. Diagnosis: none. Plan: submit.", run.Error.ReplaceLineEndings("\n"));
        Assert.Contains("[OBS_DEBUG]", run.Error);
        Assert.All(server.Requests, r => Assert.Equal($"Bearer {Secret}", r.Authorization));
        Assert.DoesNotContain(Secret, run.Out);
        Assert.DoesNotContain(Secret, run.Error);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Remote_SpeaksOpenEnvOverWebSocket_AndTakesTheScoreFromMetadata()
    {
        var frames = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            frames.Add(Observation(0, null, false, "{}"));
            frames.Add(Observation(1, -0.01, false, """{"last_action_error":null}"""));
            frames.Add(Observation(2, 0.97, true, """{"final_score":0.98}"""));
        }
        await using var envServer = await FakeOpenEnvServer.StartAsync([.. frames]);
        await using var chat = await FakeChatServer.StartAsync();
        chat.Responder = _ => ScriptedReply.Action("SUBMIT");
        var env = new Dictionary<string, string?> { ["ENV_BASE_URL"] = envServer.BaseUrl, ["API_BASE_URL"] = chat.ApiBaseUrl };

        var run = await CliRun.RunAsync(env, "infer", "--hard");

        run.AssertExitCode(0);
        Assert.Equal("[END] success=true steps=2 score=0.98 rewards=-0.01,0.97", run.OutLines[3]);
        Assert.Equal("""{"type":"reset","data":{"difficulty":"hard","task_name":"valid_parentheses_wrong_mapping"}}""", envServer.Received[0]);
        Assert.Contains("""{"type":"reset","data":{"difficulty":"hard","task_name":"binary_search_off_by_one"}}""", envServer.Received);
        Assert.Contains("""{"type":"reset","data":{"difficulty":"hard","task_name":"reverse_string_returns_original"}}""", envServer.Received);
        Assert.Equal(3, run.OutLines.Count(l => l.StartsWith("[END] success=true", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task UnreachableEnvironment_StillPrintsStartAndEndForEveryTask()
    {
        var env = new Dictionary<string, string?> { ["ENV_BASE_URL"] = "http://127.0.0.1:9" };

        var run = await CliRun.RunAsync(env, "infer", "--agent", "offline");

        run.AssertExitCode(0);
        Assert.Equal(6, run.OutLines.Length);
        Assert.Equal("[END] success=false steps=0 score=0.00 rewards=", run.OutLines[1]);
        Assert.Contains("ws://127.0.0.1:9/ws", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Theory]
    [InlineData("infer", "--easy", "--hard")]
    [InlineData("infer", "--fast")]
    [InlineData("infer", "--agent", "gpt")]
    [InlineData("infer", "extra")]
    [InlineData("eval", "--jobs", "0")]
    [InlineData("eval", "--max-steps")]
    [InlineData("eval", "--tasks", "/no/such/dir")]
    [InlineData("tasks", "validate")]
    [InlineData("tasks", "explode")]
    [InlineData("frobnicate")]
    public async Task UsageErrors_ExitWith2AndAMessage(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        run.AssertExitCode(2);
        Assert.StartsWith("tracefix: ", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task ABadMaxSteps_IsAUsageError()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string?> { ["MAX_STEPS"] = "lots" }, "infer", "--agent", "offline");

        run.AssertExitCode(2);
        Assert.Contains("MAX_STEPS", run.Error);
    }

    private static string Observation(int step, double? reward, bool done, string metadata)
    {
        var rewardText = reward is null ? "null" : reward.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var observation = "{\"code_dict\":{\"1\":\"def f():\",\"2\":\"    return 1\"},\"localized_context\":\"\",\"last_execution_output\":\"Tests Passed: 1/2.\","
            + $"\"syntax_error\":false,\"test_results\":[],\"step_count\":{step},\"steps_remaining\":{50 - step},\"reward_last_step\":0.0,\"info\":{{}},\"metadata\":{metadata}}}";
        return $"{{\"type\":\"observation\",\"data\":{{\"observation\":{observation},\"reward\":{rewardText},\"done\":{(done ? "true" : "false")}}}}}";
    }
}
