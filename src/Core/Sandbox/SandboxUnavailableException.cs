namespace TraceFix.Core.Sandbox;

/// <summary>The sandbox cannot be set up on this machine; untrusted code must not run.</summary>
public sealed class SandboxUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
