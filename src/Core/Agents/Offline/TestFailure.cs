namespace TraceFix.Core.Agents.Offline;

/// <summary>One failing test as the output describes it; Input, Expected and Got are Python reprs when the message has them.</summary>
public sealed record TestFailure(string TestName, string Message, string? Input, string? Expected, string? Got, string? ExceptionType);
