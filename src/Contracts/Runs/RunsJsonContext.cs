using System.Text.Json;
using System.Text.Json.Serialization;
using TraceFix.Contracts.Episodes;

namespace TraceFix.Contracts.Runs;

/// <summary>Source-generated JSON metadata for the dashboard API and hub (web defaults: camelCase, enums as strings).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RunSummary))]
[JsonSerializable(typeof(RunDetail))]
[JsonSerializable(typeof(EpisodeDto))]
[JsonSerializable(typeof(StepDto))]
[JsonSerializable(typeof(StartRunRequest))]
[JsonSerializable(typeof(RunAccepted))]
[JsonSerializable(typeof(PagedResult<RunSummary>))]
[JsonSerializable(typeof(List<LeaderboardRow>))]
[JsonSerializable(typeof(List<TaskSummary>))]
[JsonSerializable(typeof(TaskDetail))]
[JsonSerializable(typeof(IReadOnlyList<ModelInfo>))]
[JsonSerializable(typeof(List<ModelInfo>))]
[JsonSerializable(typeof(StartPlayRequest))]
[JsonSerializable(typeof(PlaySession))]
[JsonSerializable(typeof(PlayStepResult))]
[JsonSerializable(typeof(CodeAction))]
[JsonSerializable(typeof(StepResult))]
[JsonSerializable(typeof(StepRecorded))]
[JsonSerializable(typeof(RunStatusChanged))]
[JsonSerializable(typeof(EpisodeStarted))]
[JsonSerializable(typeof(ModelTextStreamed))]
[JsonSerializable(typeof(EpisodeFinished))]
[JsonSerializable(typeof(RunDeleted))]
[JsonSerializable(typeof(RunExportRecord))]
[JsonSerializable(typeof(ModelExchange))]
[JsonSerializable(typeof(ShareRequest))]
[JsonSerializable(typeof(ShareLink))]
[JsonSerializable(typeof(SharedRun))]
[JsonSerializable(typeof(StepSearch))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(string))]
public sealed partial class RunsJsonContext : JsonSerializerContext;
