namespace TraceFix.Server.Tests.OpenEnv;

/// <summary>One server (and one sandbox pool) for a test class whose tests do not depend on session counts.</summary>
public sealed class SharedServer : IAsyncLifetime
{
    public EnvironmentServer Server { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Server = new EnvironmentServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
