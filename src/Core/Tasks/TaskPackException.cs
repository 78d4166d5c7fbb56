namespace TraceFix.Core.Tasks;

/// <summary>A task directory is malformed; the message says which file and what is wrong.</summary>
public sealed class TaskPackException(string message) : Exception(message);
