namespace TraceFix.Core.Sandbox;

/// <summary>The agent's module source, the trusted test source, and the wall-clock limit for the whole run.</summary>
public sealed record TestRunRequest(string SolutionCode, string TestCode, TimeSpan Timeout);
