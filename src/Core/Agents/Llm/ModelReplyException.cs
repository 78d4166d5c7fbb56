namespace TraceFix.Core.Agents.Llm;

/// <summary>The model's answer could not become an action; <see cref="RawReply"/> is what it said, if anything.</summary>
public sealed class ModelReplyException(string message, string rawReply = "", Exception? inner = null) : Exception(message, inner)
{
    public string RawReply { get; } = rawReply;
}
