using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using TraceFix.Core.Settings;

namespace TraceFix.Server.Hosting;

/// <summary><c>TraceFix:Instance</c>: how this server instance names itself in run leases and session handles.</summary>
public sealed class InstanceOptions : ISettingsSection
{
    public const string Section = "TraceFix:Instance";

    static string ISettingsSection.Section => Section;

    /// <summary>Unique among the instances on one database; default: host name, process id and a random suffix.</summary>
    [RegularExpression("^[A-Za-z0-9._-]{1,64}$", ErrorMessage = "TraceFix:Instance:Name may hold letters, digits, '.', '_' and '-' (1 to 64)")]
    public string? Name { get; set; }
}

/// <summary>This process's instance name.</summary>
public sealed class InstanceIdentity(IOptions<InstanceOptions> options)
{
    public string Name { get; } = options.Value.Name is { Length: > 0 } name
        ? name
        : $"{Sanitize(Environment.MachineName)}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";

    private static string Sanitize(string host)
    {
        var clean = new string([.. host.Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')]);
        return clean.Length == 0 ? "tracefix" : clean[..Math.Min(clean.Length, 40)];
    }
}
