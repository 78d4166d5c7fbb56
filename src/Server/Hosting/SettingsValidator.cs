using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Options;
using TraceFix.Core.Settings;

namespace TraceFix.Server.Hosting;

/// <summary>
/// Checks a settings section's data annotations (and <see cref="IValidatableObject"/>) and words every failure with the
/// value's full configuration key, e.g. "TraceFix:Sandbox:PoolSize: must be between 1 and 1024".
/// </summary>
public sealed class SettingsValidator<T> : IValidateOptions<T> where T : class, ISettingsSection
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = new List<string>();
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || !property.IsDefined(typeof(ValidationAttribute), inherit: true))
            {
                continue;
            }
            var key = $"{T.Section}:{property.Name}";
            var results = new List<ValidationResult>();
            var context = new ValidationContext(options) { MemberName = property.Name, DisplayName = key };
            if (!Validator.TryValidateProperty(property.GetValue(options), context, results))
            {
                failures.AddRange(results.Select(result => Describe(key, result.ErrorMessage)));
            }
        }
        if (failures.Count == 0 && options is IValidatableObject validatable)
        {
            foreach (var result in validatable.Validate(new ValidationContext(options)))
            {
                var members = result.MemberNames.DefaultIfEmpty(null);
                failures.AddRange(members.Select(member =>
                    Describe(member is null ? T.Section : $"{T.Section}:{member}", result.ErrorMessage)));
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>
    /// "The field KEY must be ..." and "The KEY field is ..." become "KEY: must be ..." and "KEY: is ..."; a message naming
    /// no key gets it in front.
    /// </summary>
    private static string Describe(string key, string? message)
    {
        var text = (message ?? "is not valid").TrimEnd('.');
        if (text.StartsWith($"The field {key} ", StringComparison.Ordinal))
        {
            return $"{key}: {text[$"The field {key} ".Length..]}";
        }
        if (text.StartsWith($"The {key} field ", StringComparison.Ordinal))
        {
            return $"{key}: {text[$"The {key} field ".Length..]}";
        }
        return text.Contains(key, StringComparison.Ordinal) ? text : $"{key}: {text}";
    }
}
