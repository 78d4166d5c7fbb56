using System.Text.Json.Serialization;

namespace TraceFix.Core.Sandbox;

/// <summary>The limits as the zygote receives them on its command line.</summary>
internal sealed record SandboxLimits(
    [property: JsonPropertyName("memory_mb")] int MemoryMb,
    [property: JsonPropertyName("cpu_seconds")] int CpuSeconds,
    [property: JsonPropertyName("processes")] int Processes,
    [property: JsonPropertyName("file_size_mb")] int FileSizeMb,
    [property: JsonPropertyName("output_bytes")] int OutputBytes,
    [property: JsonPropertyName("sandbox_memory_mb")] int SandboxMemoryMb)
{
    /// <summary>Without <paramref name="watchdog"/> (a cgroup enforces the sandbox's memory) the zygote does not poll.</summary>
    public static SandboxLimits From(SandboxOptions options, bool watchdog = true) => new(
        options.MemoryLimitMb,
        options.CpuSeconds,
        options.MaxProcesses,
        options.MaxFileSizeMb,
        // Keep a few times the shown characters in bytes: UTF-8 text may use several bytes per character.
        Math.Max(4096, options.MaxOutputChars * 4),
        watchdog ? options.SandboxMemoryLimitMb : 0);
}
