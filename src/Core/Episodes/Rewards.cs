namespace TraceFix.Core.Episodes;

/// <summary>The original environment's reward table. Every figure here is documented in docs/environment.md.</summary>
internal static class Rewards
{
    public const double StepCost = -0.01;
    public const double RepeatPenaltyPerRepeat = -0.05;
    public const double RunTestsBonus = 0.10;
    public const double SyntaxErrorOnRun = -0.10;
    public const double PerNewlyPassingTest = 0.05;
    public const double InvalidEdit = -0.02;
    public const double MassDeletion = -0.20;
    public const double UndoOrReset = -0.10;
    public const double MinScore = 0.01;
    public const double MaxScore = 0.98;
    public const int MaxDeletedLines = 5;

    /// <summary>Rounds to 4 decimals; adding 0.0 turns a negative zero into 0 so the wire never shows "-0".</summary>
    public static double Round(double value) => Math.Round(value, 4, MidpointRounding.ToEven) + 0.0;
}
