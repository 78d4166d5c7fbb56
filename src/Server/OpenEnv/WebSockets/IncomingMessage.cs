namespace TraceFix.Server.OpenEnv.WebSockets;

public enum IncomingKind
{
    Text,
    Binary,
    TooLarge,
    Close,
}

/// <summary>One complete client message. <see cref="Payload"/> is only valid until the next receive.</summary>
public readonly record struct IncomingMessage(IncomingKind Kind, ReadOnlyMemory<byte> Payload, long Size);
