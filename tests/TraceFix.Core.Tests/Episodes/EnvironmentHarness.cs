using TraceFix.Contracts.Episodes;
using TraceFix.Core.Episodes;
using TraceFix.Core.Tasks;
using TraceFix.Core.Tests.Sandbox;

namespace TraceFix.Core.Tests.Episodes;

/// <summary>Builds environments over the real sandbox and reads observation fields the way a client would.</summary>
internal static class EnvironmentHarness
{
    public static DebugEnvironment Create(SandboxFixture sandbox, EnvironmentOptions? options = null, TaskCatalog? catalog = null) =>
        new(catalog ?? BuiltInTasks.Catalog, sandbox.Runner, options ?? new EnvironmentOptions());

    public static async Task<DebugEnvironment> StartAsync(SandboxFixture sandbox, string task, EnvironmentOptions? options = null)
    {
        var environment = Create(sandbox, options);
        await environment.ResetAsync(new ResetOptions(TaskName: task));
        return environment;
    }

    public static Task<StepResult> Do(this DebugEnvironment environment, ActionType type) =>
        environment.StepAsync(CodeAction.Of(type));

    public static Task<StepResult> Replace(this DebugEnvironment environment, int start, int end, string block) =>
        environment.StepAsync(CodeAction.Replace(start, end, block));

    public static object? Meta(this StepResult result, string key) => result.Observation.Metadata.GetValueOrDefault(key);

    public static object? Info(this StepResult result, string key) => result.Observation.Info.GetValueOrDefault(key);

    public static string[] Code(this StepResult result) =>
        result.Observation.CodeDict.OrderBy(pair => int.Parse(pair.Key)).Select(pair => pair.Value).ToArray();
}
