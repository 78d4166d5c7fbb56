namespace TraceFix.Core.Agents;

/// <summary>A piece of the text a model is generating for a step, before the step exists.</summary>
/// <param name="Step">The step the text will become (1-based within the episode).</param>
/// <param name="Text">New text to append.</param>
/// <param name="Restart">The model call started again (a retry or the plain fallback): discard the text shown so far.</param>
public sealed record LiveText(int Step, string Text, bool Restart);

/// <summary>An agent whose model text can be watched while it is generated (the LLM agent, streaming).</summary>
public interface ILiveTextSource
{
    /// <summary>Where generated text goes while a decision is made; null (the default) means no streaming.</summary>
    Action<LiveText>? LiveText { get; set; }
}
