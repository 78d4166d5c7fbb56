using Microsoft.Extensions.Options;
using TraceFix.Core.Sandbox;
using TraceFix.Core.Tasks;

namespace TraceFix.Server.Hosting;

/// <summary>
/// Builds and runs the host and turns a refused start-up into a plain exit code instead of an unhandled-exception abort.
/// The reason is logged as critical by <see cref="CoreStartup"/> and written to standard error here (options validation
/// names the full key of every bad value).
/// </summary>
public static class HostExit
{
    /// <summary>sysexits EX_UNAVAILABLE: the sandbox cannot confine agent code.</summary>
    public const int SandboxUnavailable = 69;

    /// <summary>sysexits EX_CONFIG: tasks or options are unusable.</summary>
    public const int ConfigurationError = 78;

    /// <summary>Building counts too: a settings section read before the container exists fails the same way.</summary>
    public static int RunTraceFix(Func<WebApplication> build)
    {
        try
        {
            build().Run();
            return 0;
        }
        catch (SandboxUnavailableException ex)
        {
            Console.Error.WriteLine($"TraceFix did not start: the sandbox is unusable ({ex.Message}).");
            return SandboxUnavailable;
        }
        catch (Exception ex) when (IsConfigurationError(ex))
        {
            Console.Error.WriteLine($"TraceFix did not start: {Describe(ex)}");
            return ConfigurationError;
        }
    }

    private static bool IsConfigurationError(Exception ex) => ex switch
    {
        TaskPackException or OptionsValidationException or StartupRefusedException => true,
        // Several sections failing at once arrive together.
        AggregateException all => all.InnerExceptions.All(IsConfigurationError),
        _ => false,
    };

    private static string Describe(Exception ex) =>
        ex is AggregateException all ? string.Join("; ", all.InnerExceptions.Select(Describe)) : ex.Message;
}
