using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace TraceFix.Core.Sandbox;

/// <summary>What one sandboxed script run gave back: its stdout (capped), whether it was cut off, its exit code.</summary>
public sealed record ScriptRunResult(string Output, bool TimedOut, int? ExitCode, TimeSpan Elapsed);

/// <summary>
/// Runs a trusted Python script (given as text, fed its input on stdin) in a fresh bubblewrap sandbox with the same
/// confinement as the test harness (read-only root, private /tmp, no network, own PID namespace, scrubbed
/// environment, unprivileged uid when the host is root), a wall-clock limit after which the whole sandbox is killed,
/// and capped output. Unlike <see cref="SandboxTestRunner"/> there is no warm pool and no harness: it is for tools,
/// such as the offline agent's repair engine, that must execute untrusted code and are written to survive it.
/// </summary>
public static class SandboxScript
{
    private const int MaxOutputBytes = 4 * 1024 * 1024;

    public static async Task<ScriptRunResult> RunAsync(SandboxOptions options, string script, string input, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var info = Command(options, script);
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(info) ?? throw new SandboxUnavailableException($"could not start {info.FileName}");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var stdout = ReadCappedAsync(process.StandardOutput.BaseStream);
        var drainErrors = process.StandardError.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
        var timedOut = false;
        try
        {
            try
            {
                await process.StandardInput.WriteAsync(input.AsMemory(), limit.Token);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The script exited before reading all of its input; its output still says why.
            }
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = !cancellationToken.IsCancellationRequested;
            Kill(process);
            if (!timedOut)
            {
                throw;
            }
        }
        var output = await stdout;
        await drainErrors;
        return new ScriptRunResult(output, timedOut, process.HasExited ? process.ExitCode : null, Stopwatch.GetElapsedTime(started));
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(2000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static async Task<string> ReadCappedAsync(Stream stream)
    {
        using var kept = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            var room = MaxOutputBytes - (int)kept.Length;
            if (room > 0)
            {
                kept.Write(buffer, 0, Math.Min(room, read));
            }
        }
        return Encoding.UTF8.GetString(kept.GetBuffer(), 0, (int)kept.Length);
    }

    private static ProcessStartInfo Command(SandboxOptions options, string script)
    {
        var info = SandboxCommand.BareStartInfo();
        info.StandardInputEncoding = new UTF8Encoding(false);
        var python = new[] { options.PythonPath, "-I", "-S", "-B", "-c", script };
        if (options.Unconfined)
        {
            info.FileName = python[0];
            Add(info, python[1..]);
            return info;
        }
        if (!File.Exists(options.BwrapPath))
        {
            throw new SandboxUnavailableException($"bubblewrap not found at {options.BwrapPath}");
        }
        if (SandboxProbe.RunningAsRoot())
        {
            var id = options.SandboxUid.ToString(CultureInfo.InvariantCulture);
            info.FileName = options.SetprivPath;
            Add(info, [$"--reuid={id}", $"--regid={id}", "--clear-groups", "--inh-caps=-all", options.BwrapPath]);
        }
        else
        {
            info.FileName = options.BwrapPath;
        }
        Add(info, ["--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent", "--new-session",
            "--clearenv", "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "HOME", "/tmp", "--setenv", "LANG", "C.UTF-8",
            "--ro-bind", "/usr", "/usr"]);
        foreach (var path in new[] { "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32" })
        {
            var entry = new DirectoryInfo(path);
            if (entry.Exists)
            {
                Add(info, entry.LinkTarget is { } target ? ["--symlink", target, path] : ["--ro-bind", path, path]);
            }
        }
        foreach (var extra in options.ExtraReadOnlyPaths)
        {
            Add(info, ["--ro-bind", extra, extra]);
        }
        var tmpBytes = ((long)options.TmpSizeMb * 1024 * 1024).ToString(CultureInfo.InvariantCulture);
        Add(info, ["--proc", "/proc", "--dev", "/dev", "--size", tmpBytes, "--tmpfs", "/tmp", "--remount-ro", "/"]);
        Add(info, python);
        return info;
    }

    private static void Add(ProcessStartInfo info, IEnumerable<string> args)
    {
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
    }
}
