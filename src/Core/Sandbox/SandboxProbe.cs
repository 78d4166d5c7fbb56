namespace TraceFix.Core.Sandbox;

/// <summary>Checks, before any agent code runs, that the sandbox can be built here and really gives verdicts.</summary>
internal static class SandboxProbe
{
    private const string ProbeSolution = """
        def double(x):
            return x * 2

        def filtered():
            import ctypes
            with open("/proc/self/status") as f:
                mode = f.read().split("Seccomp:")[1].split()[0]
            denied = ctypes.CDLL(None, use_errno=True).syscall(272, 0) == -1 and ctypes.get_errno() == 1  # unshare(0)
            return [mode, denied]
        """;

    private const string ProbeTests = "from solution import double, filtered\n\ndef test_ok():\n    assert double(2) == 4\n\ndef test_wrong():\n    assert double(2) == 5\n";
    private const string SeccompProbeTest = "\ndef test_filtered():\n    assert filtered() == ['2', True]\n";

    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public static void CheckPrerequisites(SandboxOptions options)
    {
        RequireExecutable(options.PythonPath, "the Python interpreter", "apt-get install python3");
        if (options.Unconfined)
        {
            return;
        }
        RequireExecutable(options.BwrapPath, "bubblewrap", "apt-get install bubblewrap");
        if (RunningAsRoot())
        {
            RequireExecutable(options.SetprivPath, "setpriv (needed to drop root before sandboxing)", "apt-get install util-linux");
        }
    }

    /// <summary>Starts one sandbox and runs a known passing and a known failing test through it.</summary>
    public static async Task VerifyAsync(SandboxPool pool, SandboxOptions options, bool seccomp, CancellationToken cancellationToken)
    {
        SandboxSlot slot;
        try
        {
            slot = await pool.StartWithRetryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SandboxUnavailableException e)
        {
            throw new SandboxUnavailableException(Explain(e.Message, options), e);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new SandboxUnavailableException($"could not start the sandbox: {e.Message}", e);
        }
        await using (slot.ConfigureAwait(false))
        {
            var tests = seccomp ? ProbeTests + SeccompProbeTest : ProbeTests;
            var frames = new[]
            {
                SandboxSlot.Encode(new Dictionary<string, object> { ["op"] = "run", ["solution"] = ProbeSolution, ["timeout"] = 10.0 }),
                SandboxSlot.Encode(new Dictionary<string, object> { ["tests"] = tests }),
            };
            var reply = await slot.ExchangeAsync(frames, TimeSpan.FromSeconds(20), cancellationToken).ConfigureAwait(false);
            var report = ReportBuilder.FromReply(reply is null ? null : HarnessReply.Parse(reply), tests, 1000, TimeSpan.FromSeconds(10), TimeSpan.Zero);
            var expected = report.Total == (seccomp ? 3 : 2) && report.Passed == report.Total - 1
                && report.Results[0].Passed && !report.Results[1].Passed;
            if (seccomp && expected is false && report.Results is [_, _, { Passed: false } filter])
            {
                throw new SandboxUnavailableException(
                    $"the seccomp filter is not in force inside the sandbox ({filter.ErrorMessage}); " +
                    "set TraceFix:Sandbox:Seccomp=false only if this host cannot have it");
            }
            if (!expected)
            {
                var detail = string.Join("; ", report.Results.Select(r => $"{r.TestName}={(r.Passed ? "pass" : r.ErrorMessage)}"));
                throw new SandboxUnavailableException(
                    $"the sandbox started but a known test run gave wrong verdicts ({report.Passed}/{report.Total}: {detail}). {slot.Diagnostics}".Trim());
            }
        }
    }

    public static bool RunningAsRoot()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
            var fields = line?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return fields is { Length: > 2 } && fields[2] == "0";
        }
        catch (IOException)
        {
            return false;
        }
    }

    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private static void RequireExecutable(string path, string what, string install)
    {
        if (!File.Exists(path))
        {
            throw new SandboxUnavailableException($"{what} not found at {path}: install it with `{install}` or set its path in the sandbox options");
        }
        if ((File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) == 0)
        {
            throw new SandboxUnavailableException($"{what} at {path} is not executable");
        }
    }

    private static string Explain(string message, SandboxOptions options)
    {
        var lower = message.ToLowerInvariant();
        if (lower.Contains("namespace") || lower.Contains("uid map") || lower.Contains("operation not permitted"))
        {
            return "user namespaces are not available to unprivileged users, which bubblewrap needs: "
                + "enable them (`sysctl -w kernel.unprivileged_userns_clone=1` on Debian, "
                + "`sysctl -w kernel.apparmor_restrict_unprivileged_userns=0` on Ubuntu 24.04+, `sysctl -w user.max_user_namespaces=10000`), "
                + "or in a container allow them (e.g. docker --security-opt seccomp=unconfined --security-opt apparmor=unconfined). "
                + $"bubblewrap said: {message}";
        }
        if (lower.Contains("can't find source path") || lower.Contains("permission denied"))
        {
            return $"the sandbox user cannot read a path it needs (the harness is extracted under {Path.GetTempPath()}; "
                + $"set TMPDIR to a directory every user can traverse, such as /tmp): {message}";
        }
        if (lower.Contains("seccomp"))
        {
            return $"bubblewrap could not install the seccomp filter ({message}); set TraceFix:Sandbox:Seccomp=false only if this host cannot have it";
        }
        if (lower.Contains("setpriv"))
        {
            return $"could not drop privileges with {options.SetprivPath}: {message}";
        }
        return message;
    }
}
