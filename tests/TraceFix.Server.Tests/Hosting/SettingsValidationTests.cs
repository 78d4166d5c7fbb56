using TraceFix.Server.Hosting;

namespace TraceFix.Server.Tests.Hosting;

/// <summary>
/// One bad value per settings section, given to the real server binary: it must not start, must exit with
/// <see cref="HostExit.ConfigurationError"/>, and must name the full key of the value to fix.
/// </summary>
public sealed class SettingsValidationTests
{
    public static TheoryData<string, string> BadValues => new()
    {
        { "--TraceFix:Environment:MaxSteps=0", "TraceFix:Environment:MaxSteps: must be between 1 and 10000" },
        { "--TraceFix:Runs:MaxConcurrentRuns=0", "TraceFix:Runs:MaxConcurrentRuns: must be between 1 and 64" },
        { "--TraceFix:Sandbox:PoolSize=-1", "TraceFix:Sandbox:PoolSize: must be between 1 and 1024" },
        { "--TraceFix:Sandbox:QueueTimeout=00:00:00", "TraceFix:Sandbox:QueueTimeout: must be between" },
        { "--TraceFix:Database:Provider=oracle", "TraceFix:Database:Provider: must be 'sqlite' or 'postgres'" },
        { "--TraceFix:Agents:Llm:Temperature=3", "TraceFix:Agents:Llm:Temperature: must be between 0 and 2" },
        { "--TraceFix:Agents:Llm:ApiBaseUrl=not a url", "TraceFix:Agents:Llm:ApiBaseUrl: is not a valid fully-qualified http, https, or ftp URL" },
        { "--TraceFix:Agents:Offline:ChecksPerStep=0", "TraceFix:Agents:Offline:ChecksPerStep: must be between 1 and 100000" },
        { "--TraceFix:Security:RunStartWindowSeconds=0", "TraceFix:Security:RunStartWindowSeconds: must be between 1 and 86400" },
        { "--TraceFix:Sessions:MaxSessions=0", "TraceFix:Sessions:MaxSessions: must be between 1 and 100000" },
        { "--TraceFix:Instance:Name=two words", "TraceFix:Instance:Name may hold letters" },
        { "--TraceFix:Logging:File=sometimes", "'TraceFix:Logging:File'" },
        { "--TraceFix:Sandbox:PoolSize=many", "'TraceFix:Sandbox:PoolSize'" },
        { "--TraceFix:Agents:Llm:InputPricePerMTok=-1", "TraceFix:Agents:Llm:InputPricePerMTok: must be 0 or more" },
        { "--TraceFix:Models:cheap:OutputPricePerMTok=-0.5", "TraceFix:Models:cheap:OutputPricePerMTok: must be a price in USD per million tokens, 0 or more" },
        { "--TraceFix:Models:cheap:Model=m", "TraceFix:Models:cheap:BaseUrl: is required" },
        { "--TraceFix:Models:cheap:BaseUrl=ftp://x", "TraceFix:Models:cheap:BaseUrl: must be an absolute http or https URL" },
        { "--TraceFix:Models:cheap:BaseUrl=http://localhost:1/v1", "TraceFix:Models:cheap:Model: is required" },
        { "--TraceFix:Models:default:Model=m", "TraceFix:Models:default: is reserved for TraceFix:Agents:Llm" },
        { "--TraceFix:Models:cheap:InputPricePerMTok=free", "TraceFix:Models:cheap:InputPricePerMTok: 'free' is not a number" },
        { "--Agents:Llm:ApiKey=old-place", "Agents:Llm is no longer read: move these settings to TraceFix:Agents:Llm" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task ABadValue_StopsStartUp_NamingItsKey(string setting, string message)
    {
        var (exitCode, output) = await ServerProcess.RunUntilExitAsync([setting]);

        Assert.Equal(HostExit.ConfigurationError, exitCode);
        Assert.Contains("TraceFix did not start: ", output);
        Assert.Contains(message, output);
        Assert.DoesNotContain("Now listening", output);
    }

    [Fact]
    public async Task PostgresWithoutAConnectionString_StopsStartUp_NamingBothKeys()
    {
        var (exitCode, output) = await ServerProcess.RunUntilExitAsync(["--TraceFix:Database:Provider=postgres"]);

        Assert.Equal(HostExit.ConfigurationError, exitCode);
        Assert.Contains("TraceFix:Database:Provider is 'postgres' but ConnectionStrings:TraceFix is empty", output);
    }
}
