using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace TraceFix.Server.Tests.Runs;

/// <summary>
/// The real server binary as a child process on a random port with a given database, for tests that must kill it the
/// hard way (SIGKILL, no shutdown code runs). Output is drained continuously so a full pipe never blocks the server.
/// </summary>
internal sealed partial class ServerChild : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerChild(TestDatabase database, IReadOnlyDictionary<string, string>? environment)
    {
        var start = ServerCommand.Create(database.Folder);
        foreach (var (name, value) in database.Environment)
        {
            start.Environment[name] = value;
        }
        start.Environment["TraceFix__Logging__Directory"] = Path.Combine(database.Folder, "logs");
        // A short lease: on a shared database the runs of a killed server are interrupted once it runs out.
        start.Environment["TraceFix__Runs__LeaseSeconds"] = "3";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
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

    public static async Task<ServerChild> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string>? environment = null)
    {
        var child = new ServerChild(database, environment);
        var exited = child._process.WaitForExitAsync();
        var first = await Task.WhenAny(child._listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(180)));
        if (first != child._listening.Task)
        {
            await child.DisposeAsync();
            throw new InvalidOperationException("the server did not start listening:\n" + child.Output);
        }
        return child;
    }

    /// <summary>SIGKILL: the process gets no chance to record anything.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }
        _process.Dispose();
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
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();
}
