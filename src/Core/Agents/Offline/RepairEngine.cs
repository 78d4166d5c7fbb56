using System.Text.Json;
using System.Text.Json.Nodes;
using TraceFix.Core.Sandbox;

namespace TraceFix.Core.Agents.Offline;

/// <summary>What the agent has seen of one hidden test's failure, and whether the code under repair produced it.</summary>
public sealed record SeenFailure(string Test, string Message, bool FromBase);

/// <summary>
/// Runs the stdlib-only Python repair engine (Engine/*.py, embedded in TraceFix.Core) in a fresh sandbox with the
/// same confinement as test runs, under the per-step compute limit, and reads its one-line JSON answer. The engine
/// executes candidate programs, so it never runs in the host process; if it crashes, hangs or floods its output the
/// sandbox is killed and the reply says so.
/// </summary>
public sealed class RepairEngine(SandboxOptions sandbox, TimeSpan limit, int checksPerStep)
{
    private const string Prefix = "TraceFix.Agents.Offline.Engine.";
    private static readonly Lazy<(string Boot, JsonObject Modules)> Files = new(LoadFiles);

    public async Task<EngineReply> AskAsync(string source, IReadOnlyList<SeenFailure> failures, IReadOnlyList<string> traces,
        IReadOnlyCollection<string> tried, JsonElement? state, CancellationToken cancellationToken)
    {
        var (boot, modules) = Files.Value;
        var request = new JsonObject
        {
            ["source"] = source,
            ["messages"] = new JsonArray([.. failures.Select(f => (JsonNode)new JsonObject { ["test"] = f.Test, ["message"] = f.Message, ["from_base"] = f.FromBase })]),
            ["traces"] = new JsonArray([.. traces.Select(t => (JsonNode)JsonValue.Create(t)!)]),
            ["tried"] = new JsonArray([.. tried.Select(t => (JsonNode)JsonValue.Create(t)!)]),
            ["state"] = state is { ValueKind: JsonValueKind.Object } s ? JsonNode.Parse(s.GetRawText()) : null,
            // The engine stops searching early enough to answer within the limit, sandbox start-up included.
            ["seconds"] = Math.Max(0.2, limit.TotalSeconds * 0.7 - 0.15),
            ["limit"] = 6,
            ["budget"] = checksPerStep,
        };
        var input = new JsonObject { ["modules"] = modules.DeepClone(), ["request"] = request, ["memory_mb"] = sandbox.MemoryLimitMb };
        ScriptRunResult run;
        try
        {
            run = await SandboxScript.RunAsync(sandbox, boot, input.ToJsonString(), limit, cancellationToken);
        }
        catch (SandboxUnavailableException ex)
        {
            return EngineReply.Failed($"the sandbox is unavailable: {ex.Message}");
        }
        var line = run.Output.Split('\n').LastOrDefault(l => l.StartsWith("TFR ", StringComparison.Ordinal));
        if (line is null)
        {
            return EngineReply.Failed(run.TimedOut
                ? $"the engine did not answer within {limit.TotalSeconds:0.#} s"
                : $"the engine stopped without an answer (exit code {run.ExitCode})");
        }
        try
        {
            return JsonSerializer.Deserialize<EngineReply>(line[4..]) ?? EngineReply.Failed("the engine sent an empty answer");
        }
        catch (JsonException ex)
        {
            return EngineReply.Failed($"the engine's answer could not be read: {ex.Message}");
        }
    }

    private static (string, JsonObject) LoadFiles()
    {
        var assembly = typeof(RepairEngine).Assembly;
        var modules = new JsonObject();
        string? boot = null;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            var text = reader.ReadToEnd();
            var module = Path.GetFileNameWithoutExtension(name[Prefix.Length..]);
            if (module == "tfr_boot")
            {
                boot = text;
            }
            else
            {
                modules[module] = text;
            }
        }
        return (boot ?? throw new InvalidOperationException("the repair engine is missing from TraceFix.Core (tfr_boot.py)"), modules);
    }
}
