using System.Text.Json.Serialization;

namespace TraceFix.Contracts.Episodes;

/// <summary>The verdict of one hidden test.</summary>
public sealed record TestResult(
    [property: JsonPropertyName("test_name")] string TestName,
    [property: JsonPropertyName("passed")] bool Passed,
    [property: JsonPropertyName("error_message")] string? ErrorMessage);
