using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TraceFix.Bench.Server;

/// <summary>
/// The server under load: either one already running (<c>--url</c>) or the Release build of src/Server started as a child
/// process on a free port with the given settings, and killed afterwards.
/// </summary>
public sealed class BenchServer : IAsyncDisposable
{
    private readonly Process? _process;

    private BenchServer(Uri address, Process? process)
    {
        Address = address;
        _process = process;
    }

    public Uri Address { get; }

    /// <summary>The child server's process id (null for <c>--url</c>), for memory sampling.</summary>
    public int? ProcessId => _process?.Id;

    public static async Task<BenchServer> StartAsync(string? url, IReadOnlyDictionary<string, string> settings)
    {
        if (url is not null)
        {
            return new BenchServer(new Uri(url), null);
        }
        var root = FindRepositoryRoot();
        var dll = Path.Combine(root, "src", "Server", "bin", "Release", "net10.0", "TraceFix.Server.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the server first: dotnet build src/Server -c Release (missing {dll})");
        }
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(root, "src", "Server"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (key, value) in settings.Append(new("Logging:LogLevel:Default", "Warning")).Append(new("Serilog:MinimumLevel:Default", "Warning")))
        {
            start.ArgumentList.Add($"--{key}={value}");
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[server] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new BenchServer(new Uri($"http://127.0.0.1:{port}"), process);
        await server.WaitHealthyAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(180);
        while (DateTime.UtcNow < deadline)
        {
            if (_process is { HasExited: true })
            {
                throw new InvalidOperationException($"the server exited with code {_process.ExitCode} during start-up");
            }
            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("the server did not become healthy within 180 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TraceFix.Web.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("TraceFix.Web.sln not found above " + AppContext.BaseDirectory);
    }
}
