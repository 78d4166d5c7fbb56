namespace TraceFix.Core.Tasks;

public enum Difficulty
{
    Easy,
    Medium,
    Hard,
}

public static class DifficultyNames
{
    public static string ToWire(this Difficulty difficulty) => difficulty.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out Difficulty difficulty) =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out difficulty) && Enum.IsDefined(difficulty);
}
