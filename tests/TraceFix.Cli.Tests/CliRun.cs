namespace TraceFix.Cli.Tests;

/// <summary>Runs the CLI in-process with captured streams and a private set of environment variables.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?>? variables, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var env = variables ?? new Dictionary<string, string?>();
        var code = await CliApp.RunAsync(args, new CliContext(output, error, name => env.GetValueOrDefault(name)));
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(null, args);

    /// <summary>Asserts the exit code and, when it differs, shows what the command printed.</summary>
    public void AssertExitCode(int expected) =>
        Assert.True(ExitCode == expected, $"exit code {ExitCode}, expected {expected}\n--- stdout ---\n{Out}\n--- stderr ---\n{Error}");
}
