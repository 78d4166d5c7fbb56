namespace TraceFix.Core.Sandbox;

/// <summary>
/// The agent's module source, the trusted test source, the wall-clock limit for the whole run, and each test's own limit
/// (null = the whole run's; never more than it). A test over its limit fails alone and the others still run.
/// </summary>
public sealed record TestRunRequest(string SolutionCode, string TestCode, TimeSpan Timeout, TimeSpan? TestTimeout = null);
