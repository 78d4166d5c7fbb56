namespace TraceFix.Server.OpenEnv.Wire;

/// <summary>The <c>data.code</c> values of OpenEnv error frames; HTTP problem responses carry the same codes.</summary>
public static class ErrorCodes
{
    public const string InvalidJson = "INVALID_JSON";
    public const string UnknownType = "UNKNOWN_TYPE";
    public const string ValidationError = "VALIDATION_ERROR";
    public const string ExecutionError = "EXECUTION_ERROR";
    public const string CapacityReached = "CAPACITY_REACHED";
    public const string FactoryError = "FACTORY_ERROR";
    public const string SessionError = "SESSION_ERROR";
}
