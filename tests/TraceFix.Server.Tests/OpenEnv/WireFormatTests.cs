using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TraceFix.Contracts.Episodes;
using TraceFix.Server.OpenEnv.Validation;
using TraceFix.Server.OpenEnv.Wire;

namespace TraceFix.Server.Tests.OpenEnv;

public sealed class WireFormatTests
{
    private static readonly Observation SampleObservation = new()
    {
        CodeDict = new() { ["1"] = "def f():", ["2"] = "    return \"<&>\"" },
        LastExecutionOutput = "Tests Passed: 1/2.",
        TestResults = [new TestResult("test_a", true, null), new TestResult("test_b", false, "AssertionError: Test failed: input=1, expected=2, got=3")],
        StepCount = 3,
        StepsRemaining = 47,
        RewardLastStep = -0.01,
        Info = new() { ["task_name"] = "t", ["final_score"] = 0.5 },
        Metadata = new() { ["step"] = 3, ["last_action_error"] = null },
        Done = true,
        Reward = 0.5,
    };

    [Fact]
    public void StepResponseWriter_WritesExactlyWhatTheRecordSerializesTo()
    {
        var result = new StepResult(SampleObservation, 0.5, true);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = WireJson.Options.Encoder }))
        {
            StepResponseWriter.Write(writer, result);
        }

        var written = Encoding.UTF8.GetString(buffer.WrittenSpan);

        Assert.Equal(JsonSerializer.Serialize(StepResponse.From(result), WireJson.Options), written);
        var json = JsonNode.Parse(written)!;
        Assert.False(json["observation"]!.AsObject().ContainsKey("done"));
        Assert.False(json["observation"]!.AsObject().ContainsKey("reward"));
        Assert.Equal(3, (int)json["metadata"]!["step"]!);
        Assert.Equal(3, (int)json["observation"]!["metadata"]!["step"]!);
    }

    [Fact]
    public void ResetObservation_HasNullRewardAndNoTopLevelMetadataWhenEmpty()
    {
        var result = new StepResult(SampleObservation with { Metadata = [] }, null, false);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            StepResponseWriter.Write(writer, result);
        }

        var json = JsonNode.Parse(buffer.WrittenSpan)!.AsObject();

        Assert.True(json.ContainsKey("reward"));
        Assert.Null(json["reward"]);
        Assert.False(json.ContainsKey("metadata"));
    }

    [Fact]
    public void ActionValidator_AcceptsAWellFormedReplace()
    {
        using var document = JsonDocument.Parse("""{"thought":"t","action_type":"REPLACE_LINES","start_line":2,"end_line":3,"new_code_block":"x = 1","metadata":{"k":1}}""");

        var action = ActionValidator.Validate(document.RootElement);

        Assert.True(action.IsValid);
        Assert.Equal(new { Type = ActionType.REPLACE_LINES, Start = (int?)2, End = (int?)3, Block = "x = 1" },
            new { Type = action.Value!.ActionType, Start = action.Value.StartLine, End = action.Value.EndLine, Block = action.Value.NewCodeBlock! });
    }

    [Theory]
    [InlineData("""{"thought":"t","action_type":"VIEW_CODE","start_line":1e1}""", "int_type")]
    [InlineData("""{"thought":"t","action_type":"VIEW_CODE","start_line":99999999999}""", "int_parsing_size")]
    [InlineData("""{"thought":null,"action_type":"VIEW_CODE"}""", "string_type")]
    [InlineData("""{"thought":"t","action_type":"1"}""", "enum")]
    public void ActionValidator_RejectsLooseValues(string json, string errorType)
    {
        using var document = JsonDocument.Parse(json);

        var action = ActionValidator.Validate(document.RootElement);

        Assert.False(action.IsValid);
        Assert.Equal(errorType, action.Errors.Single().Type);
    }
}
