namespace TraceFix.Core.Episodes;

/// <summary>
/// The episode score. By default the passing fraction of the final code, with no per-step deduction (efficiency is reported
/// on its own); the compatibility formula subtracts 0.01 per step like the original. Both are clamped to [0.01, 0.98].
/// </summary>
internal static class FinalScore
{
    public static double Compute(int passed, int total, int stepsTaken, bool compatibility)
    {
        var fraction = total > 0 ? (double)passed / total : 0.0;
        var raw = compatibility ? fraction - 0.01 * stepsTaken : fraction;
        return Rewards.Round(Math.Clamp(raw, Rewards.MinScore, Rewards.MaxScore));
    }

    /// <summary>Share of the step budget used: 0.02 for a one-step solve in 50, 1.0 when the budget ran out.</summary>
    public static double Efficiency(int stepsTaken, int maxSteps) => Rewards.Round((double)stepsTaken / maxSteps);
}
