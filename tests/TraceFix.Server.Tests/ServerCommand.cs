using System.Diagnostics;

namespace TraceFix.Server.Tests;

/// <summary>The command line of the real server binary as a child process: `dotnet TraceFix.Server.dll` on a random loopback port.</summary>
internal static class ServerCommand
{
    public static ProcessStartInfo Create(string workingDirectory, string environmentName = "Production")
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environmentName;
        return start;
    }
}
