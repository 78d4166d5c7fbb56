using TraceFix.Core.Episodes;

namespace TraceFix.Core.Tests.Episodes;

public sealed class FinalScoreTests
{
    [Theory]
    [InlineData(8, 8, 30, false, 0.98)]
    [InlineData(4, 8, 30, false, 0.5)]
    [InlineData(0, 8, 3, false, 0.01)]
    [InlineData(0, 0, 1, false, 0.01)]
    [InlineData(8, 8, 3, true, 0.97)]
    [InlineData(8, 8, 1, true, 0.98)]
    [InlineData(4, 8, 30, true, 0.2)]
    [InlineData(1, 8, 30, true, 0.01)]
    public void Compute_ClampsToTheScoreRange(int passed, int total, int steps, bool compatibility, double expected)
    {
        Assert.Equal(expected, FinalScore.Compute(passed, total, steps, compatibility));
    }

    [Fact]
    public void Efficiency_IsTheShareOfTheBudgetUsed()
    {
        Assert.Equal(0.06, FinalScore.Efficiency(3, 50));
        Assert.Equal(1.0, FinalScore.Efficiency(50, 50));
    }
}
