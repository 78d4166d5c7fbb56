using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TraceFix.Core.Settings;

namespace TraceFix.Server.Hosting;

/// <summary>
/// The one way a settings section is bound: from <c>T.Section</c>, validated by <see cref="SettingsValidator{T}"/>, and
/// checked before the server accepts requests. A bad value stops start-up (exit code <see cref="HostExit.ConfigurationError"/>)
/// with a message naming its full key.
/// </summary>
public static class SettingsExtensions
{
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services) where T : class, ISettingsSection
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, SettingsValidator<T>>());
        return services.AddOptions<T>()
            .Configure<IConfiguration>((options, configuration) => Bind(configuration, options))
            .ValidateOnStart();
    }

    /// <summary>
    /// The same binding and validation for the few values needed before the container exists (logging's folder);
    /// a bad value throws the same <see cref="OptionsValidationException"/> as at start-up.
    /// </summary>
    public static T ReadSettings<T>(this IConfiguration configuration) where T : class, ISettingsSection, new()
    {
        var options = new T();
        Bind(configuration, options);
        var result = new SettingsValidator<T>().Validate(Options.DefaultName, options);
        return result.Failed ? throw new OptionsValidationException(T.Section, typeof(T), result.Failures) : options;
    }

    /// <summary>A value that does not convert (e.g. PoolSize=many) is a validation failure too, so it exits the same way.</summary>
    private static void Bind<T>(IConfiguration configuration, T options) where T : class, ISettingsSection
    {
        try
        {
            configuration.GetSection(T.Section).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new OptionsValidationException(T.Section, typeof(T), [ex.Message]);
        }
    }
}
