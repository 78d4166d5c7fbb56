namespace TraceFix.Core.Sandbox;

/// <summary>
/// The Python harness, shipped as embedded resources and written to a private directory that the sandbox mounts
/// read-only at /harness. The directory holds nothing else: no tests, no reference fixes.
/// </summary>
internal sealed class HarnessFiles : IDisposable
{
    private const string Prefix = "TraceFix.Sandbox.Harness.";
    private const string DirectoryPrefix = "tracefix-harness-";

    private HarnessFiles(string directory) => Directory = directory;

    public string Directory { get; }

    public string ZygotePath => Path.Combine(Directory, "zygote.py");

    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public static HarnessFiles Extract()
    {
        var assembly = typeof(HarnessFiles).Assembly;
        RemoveLeftovers();
        var directory = Path.Combine(Path.GetTempPath(), $"{DirectoryPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        const UnixFileMode readable = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        const UnixFileMode traversable = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(directory, readable | traversable | UnixFileMode.UserWrite);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var path = Path.Combine(directory, name[Prefix.Length..]);
            using (var source = assembly.GetManifestResourceStream(name)!)
            using (var target = File.Create(path))
            {
                source.CopyTo(target);
            }
            File.SetUnixFileMode(path, readable | UnixFileMode.UserWrite);
        }
        if (!File.Exists(Path.Combine(directory, "zygote.py")))
        {
            throw new SandboxUnavailableException("the sandbox harness is missing from TraceFix.Core (embedded resource zygote.py not found)");
        }
        return new HarnessFiles(directory);
    }

    /// <summary>Writes a file beside the harness (readable by the sandbox user; nothing secret goes here).</summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public string WriteFile(string name, byte[] content)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllBytes(path, content);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        return path;
    }

    /// <summary>Deletes harness directories of processes that no longer exist (killed hosts never dispose).</summary>
    private static void RemoveLeftovers()
    {
        try
        {
            foreach (var path in System.IO.Directory.EnumerateDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
            {
                var pid = Path.GetFileName(path)[DirectoryPrefix.Length..].Split('-')[0];
                if (int.TryParse(pid, out _) && !System.IO.Directory.Exists($"/proc/{pid}"))
                {
                    new HarnessFiles(path).Dispose();
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
