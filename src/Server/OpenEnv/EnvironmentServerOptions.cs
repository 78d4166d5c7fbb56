using System.ComponentModel.DataAnnotations;
using TraceFix.Core.Settings;

namespace TraceFix.Server.OpenEnv;

/// <summary>Limits of the environment server, bound from <c>TraceFix:Sessions</c>.</summary>
public sealed class EnvironmentServerOptions : ISettingsSection
{
    public const string Section = "TraceFix:Sessions";

    static string ISettingsSection.Section => Section;

    /// <summary>Concurrent sessions (WebSocket and HTTP together); one more is refused with CAPACITY_REACHED.</summary>
    [Range(1, 100_000)]
    public int MaxSessions { get; set; } = 512;

    /// <summary>A session that has not been used for this long is closed and its episode discarded.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "7.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle sessions are looked for; by default a quarter of the idle timeout, at most 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan? ReapInterval { get; set; }

    /// <summary>Largest accepted WebSocket message or HTTP body, in bytes.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 1024 * 1024;

    public TimeSpan EffectiveReapInterval =>
        ReapInterval ?? TimeSpan.FromTicks(Math.Clamp(IdleTimeout.Ticks / 4, TimeSpan.FromMilliseconds(10).Ticks, TimeSpan.FromSeconds(30).Ticks));
}
