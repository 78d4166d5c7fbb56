using Microsoft.Extensions.Options;
using TraceFix.Core.Sandbox;
using TraceFix.Core.Tasks;

namespace TraceFix.Server.Hosting;

/// <summary>
/// Runs the host and turns a refused start-up into a plain exit code instead of an unhandled-exception abort. The reason
/// has already been logged as critical by <see cref="CoreStartup"/> or by options validation.
/// </summary>
public static class HostExit
{
    /// <summary>sysexits EX_UNAVAILABLE: the sandbox cannot confine agent code.</summary>
    public const int SandboxUnavailable = 69;

    /// <summary>sysexits EX_CONFIG: tasks or options are unusable.</summary>
    public const int ConfigurationError = 78;

    public static int RunTraceFix(this WebApplication app)
    {
        try
        {
            app.Run();
            return 0;
        }
        catch (SandboxUnavailableException ex)
        {
            Console.Error.WriteLine($"TraceFix did not start: the sandbox is unusable ({ex.Message}).");
            return SandboxUnavailable;
        }
        catch (Exception ex) when (ex is TaskPackException or OptionsValidationException or StartupRefusedException)
        {
            Console.Error.WriteLine($"TraceFix did not start: {ex.Message}");
            return ConfigurationError;
        }
    }
}
