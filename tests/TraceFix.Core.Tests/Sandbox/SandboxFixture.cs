using TraceFix.Core.Sandbox;
using TraceFix.Core.Tasks;

namespace TraceFix.Core.Tests.Sandbox;

/// <summary>One real sandbox pool shared by every sandbox test class, plus the built-in tasks.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public SandboxTestRunner Runner { get; } = new(new SandboxOptions { PoolSize = 3 });

    public TaskCatalog Tasks { get; } = TaskCatalog.Load([TaskCatalog.FindBuiltInDirectory() ?? throw new InvalidOperationException("tasks/ not found")]);

    /// <summary>Fake secrets placed in the host's environment before the pool starts; no run may ever see them.</summary>
    public static readonly IReadOnlyDictionary<string, string> FakeSecrets = new Dictionary<string, string>
    {
        ["HF_TOKEN"] = "hf_fakeSecretValue_0123456789",
        ["API_KEY"] = "sk-fake-api-key-9876543210",
        ["OPENAI_API_KEY"] = "sk-fake-openai-key-5555",
    };

    public Task InitializeAsync()
    {
        foreach (var (name, value) in FakeSecrets)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
        return Runner.StartAsync();
    }

    public async Task DisposeAsync() => await Runner.DisposeAsync();

    public Task<TestRunReport> RunAsync(string taskName, string solution, TimeSpan? timeout = null)
    {
        var task = Tasks.Get(taskName);
        return Runner.RunTestsAsync(new TestRunRequest(solution, task.TestCode, timeout ?? task.Timeout));
    }
}

[CollectionDefinition(Name)]
public sealed class SandboxCollection : ICollectionFixture<SandboxFixture>
{
    public const string Name = "sandbox";
}
