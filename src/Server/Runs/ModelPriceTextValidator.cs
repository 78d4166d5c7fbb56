using System.Globalization;
using Microsoft.Extensions.Options;
using TraceFix.Core.Agents.Llm;

namespace TraceFix.Server.Runs;

/// <summary>
/// The configuration binder skips a dictionary entry's value that does not convert (a price of "free" would silently be 0),
/// so the prices of <c>TraceFix:Models</c> are checked as text too.
/// </summary>
public sealed class ModelPriceTextValidator(IConfiguration configuration) : IValidateOptions<ModelEndpointsOptions>
{
    private static readonly string[] Prices = [nameof(ModelEndpointOptions.InputPricePerMTok), nameof(ModelEndpointOptions.OutputPricePerMTok)];

    public ValidateOptionsResult Validate(string? name, ModelEndpointsOptions options)
    {
        var failures = new List<string>();
        foreach (var endpoint in configuration.GetSection(ModelEndpointsOptions.Section).GetChildren())
        {
            foreach (var price in Prices)
            {
                var text = endpoint[price];
                if (text is not null && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    failures.Add($"{endpoint.Path}:{price}: '{text}' is not a number (USD per million tokens)");
                }
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
