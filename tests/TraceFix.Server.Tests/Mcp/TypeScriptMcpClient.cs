using System.Diagnostics;

namespace TraceFix.Server.Tests.Mcp;

/// <summary>
/// Runs scripts of the official TypeScript MCP client (<c>@modelcontextprotocol/sdk</c>), installed on first use by
/// <c>scripts/ensure-mcp-client.sh</c> into the git-ignored <c>artifacts/mcp-client</c>.
/// </summary>
internal static class TypeScriptMcpClient
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StdOut}\n--- stderr\n{StdErr}";
    }

    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Directory => Path.Combine(RepositoryRoot, "artifacts", "mcp-client");

    public static async Task<Result> RunAsync(string script, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        await EnsureInstalledAsync();
        return await RunProcessAsync("node", [script, .. arguments], Directory, environment);
    }

    private static async Task EnsureInstalledAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            // The script is idempotent and refreshes the copied client scripts, so it runs every time (fast when installed).
            var install = await RunProcessAsync("bash", [Path.Combine(RepositoryRoot, "scripts", "ensure-mcp-client.sh")], RepositoryRoot, null);
            Assert.True(install.ExitCode == 0, $"installing the TypeScript MCP client failed\n{install}");
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static async Task<Result> RunProcessAsync(string file, IReadOnlyList<string> arguments, string directory,
        IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TraceFix.Web.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("repository root (TraceFix.Web.sln) not found above " + AppContext.BaseDirectory);
    }
}
