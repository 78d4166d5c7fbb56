namespace TraceFix.Contracts.Runs;

/// <summary>What tokens cost at prices in USD per million tokens; the server's run totals and the dashboard's per-step figures.</summary>
public static class TokenCost
{
    /// <summary>The cost in USD, rounded to a millionth of a dollar; null when there is no price.</summary>
    public static double? Of(long promptTokens, long completionTokens, double? inputPricePerMTok, double? outputPricePerMTok) =>
        inputPricePerMTok is not { } input || outputPricePerMTok is not { } output
            ? null
            : Math.Round((promptTokens * input + completionTokens * output) / 1_000_000d, 6);

    /// <summary>"$0.0123": four decimals under a cent's hundredfold, two above; "—" without a price.</summary>
    public static string Format(double? cost) => cost switch
    {
        null => "—",
        >= 1 => FormattableString.Invariant($"${cost:0.00}"),
        _ => FormattableString.Invariant($"${cost:0.0000}"),
    };
}
