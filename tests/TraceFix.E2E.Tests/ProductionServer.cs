using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace TraceFix.E2E.Tests;

/// <summary>
/// The server as an operator starts it: <c>dotnet src/Server/bin/&lt;configuration&gt;/net10.0/TraceFix.Server.dll</c> in
/// Production, from a working directory that holds no web files, on a random loopback port, with its own SQLite file.
/// </summary>
internal sealed partial class ProductionServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder = Directory.CreateTempSubdirectory("tracefix-prod-").FullName;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile Uri? _address;

    private ProductionServer(string serverDll)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(serverDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["ConnectionStrings__TraceFix"] = $"Data Source={Path.Combine(_folder, "tracefix.db")}";
        start.Environment["TraceFix__Logging__File"] = "false";
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Collect(e.Data);
        _process.ErrorDataReceived += (_, e) => Collect(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri BaseAddress => _listening.Task.Result;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The server project's own build output, in the configuration these tests were built in.</summary>
    public static string BuildOutputDll()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory);
        return Path.Combine(RepositoryRoot.Path, "src", "Server", "bin", testBin.Parent!.Name, testBin.Name, "TraceFix.Server.dll");
    }

    /// <summary>
    /// <c>dotnet publish</c> of the server, from the build these tests run against (<c>--no-build</c>), into
    /// artifacts/publish-e2e: the folder an operator copies to a machine or a container image.
    /// </summary>
    public static async Task<string> PublishedDllAsync()
    {
        var root = RepositoryRoot.Path;
        var output = Path.Combine(root, "artifacts", "publish-e2e");
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "publish", "src/Server", "-c", configuration, "--no-build", "-nologo", "-o", output })
        {
            start.ArgumentList.Add(arg);
        }
        using var publish = Process.Start(start)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}):\n{await stdout}{await stderr}");
        }
        return Path.Combine(output, "TraceFix.Server.dll");
    }

    public static async Task<ProductionServer> StartAsync(string serverDll)
    {
        var server = new ProductionServer(serverDll);
        var exited = server._process.WaitForExitAsync();
        if (await Task.WhenAny(server._listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(180))) != server._listening.Task)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException("the server did not start listening:\n" + server.Output);
        }
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
        if (Listening().Match(line) is { Success: true } match)
        {
            _address ??= new Uri(match.Groups[1].Value);
        }
        // The host's last start-up line: after it, "Hosting environment" is in the output too.
        if (line.Contains("Content root path:", StringComparison.Ordinal) && _address is not null)
        {
            _listening.TrySetResult(_address);
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();
}
