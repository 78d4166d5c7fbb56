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

    /// <summary>Accepts only the tier names (any case); numbers and flag combinations such as "1" or "easy,hard" are rejected.</summary>
    public static bool TryParse(string? text, out Difficulty difficulty)
    {
        difficulty = default;
        var name = text?.Trim();
        if (string.IsNullOrEmpty(name) || !name.All(char.IsAsciiLetter))
        {
            return false;
        }
        return Enum.TryParse(name, ignoreCase: true, out difficulty) && Enum.IsDefined(difficulty);
    }
}
