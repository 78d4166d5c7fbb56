using Microsoft.Extensions.DependencyInjection;
using TraceFix.Server.OpenEnv.Sessions;

namespace TraceFix.Server.Tests.Mcp;

internal static class McpTestExtensions
{
    public static SessionManager GetRequiredServiceSessions(this IServiceProvider services) => services.GetRequiredService<SessionManager>();
}
