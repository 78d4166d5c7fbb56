namespace TraceFix.Server.Api;

/// <summary>Endpoint metadata: the largest request body this endpoint accepts, in bytes.</summary>
public sealed record BodyLimit(long Bytes);
