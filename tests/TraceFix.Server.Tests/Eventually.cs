namespace TraceFix.Server.Tests;

/// <summary>Polls a condition that another thread makes true (a server-side cleanup after a socket closes).</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string? because = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail(because ?? "condition not met within 30 s");
            }
            await Task.Delay(20);
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> condition, string? because = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail(because ?? "condition not met within 30 s");
            }
            await Task.Delay(20);
        }
    }
}
