using System.Diagnostics;

namespace TraceFix.Server.Tests.Hosting;

/// <summary>Runs the real server binary as a child process until it exits, for start-up behaviour that ends the process.</summary>
internal static class ServerProcess
{
    public static async Task<(int ExitCode, string Output)> RunUntilExitAsync(IEnumerable<string> args, string environmentName = "Production")
    {
        var workingDirectory = Directory.CreateTempSubdirectory("tracefix-server-").FullName;
        var start = ServerCommand.Create(workingDirectory, environmentName);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the server did not exit: " + await stdout);
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
