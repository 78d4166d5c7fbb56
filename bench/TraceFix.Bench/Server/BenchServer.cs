using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TraceFix.Bench.Server;

/// <summary>
/// The server under load: either one already running (<c>--url</c>) or a Release build (src/Server, or the bare ceiling
/// app) started as a child process on a free port with the given settings, and killed afterwards.
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

    public static async Task<BenchServer> StartAsync(string? url, IReadOnlyDictionary<string, string> settings,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        if (url is not null)
        {
            return new BenchServer(new Uri(url), null);
        }
        var dll = BenchPaths.ReleaseDll("src/Server", "TraceFix.Server");
        var arguments = settings.Append(new("Logging:LogLevel:Default", "Warning")).Append(new("Serilog:MinimumLevel:Default", "Warning"))
            .Select(s => $"--{s.Key}={s.Value}");
        return await StartProcessAsync(dll, Path.Combine(BenchPaths.RepositoryRoot(), "src", "Server"), arguments,
            environment ?? new Dictionary<string, string>());
    }

    /// <summary>The bare minimal API of bench/TraceFix.Ceiling, answering POST /step with the given JSON file.</summary>
    public static Task<BenchServer> StartCeilingAsync(string responseFile)
    {
        var dll = BenchPaths.ReleaseDll("bench/TraceFix.Ceiling", "TraceFix.Ceiling");
        return StartProcessAsync(dll, Path.GetDirectoryName(dll)!, [$"--response={responseFile}", "--Logging:LogLevel:Default=Warning"],
            new Dictionary<string, string>());
    }

    /// <summary>Any Release build started as a child process on a free loopback port; extra environment variables allowed.</summary>
    public static async Task<BenchServer> StartProcessAsync(string dll, string workingDirectory, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
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
}
