namespace TraceFix.Core.Sandbox;

/// <summary>The first syntax error of a source, as Python's compile() reports it. Line is 1-based.</summary>
public sealed record SyntaxCheck(int Line, string Message, string? Text)
{
    public string Describe() => Text is { Length: > 0 } text
        ? $"SyntaxError at line {Line}: {Message}\n  >> {text.TrimEnd()}"
        : $"SyntaxError at line {Line}: {Message}";
}
