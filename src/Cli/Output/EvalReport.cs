using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TraceFix.Cli.Running;
using TraceFix.Core.Tasks;

namespace TraceFix.Cli.Output;

/// <summary>The figures of one `tracefix eval`: per task, per difficulty and in total, as text tables or as JSON.</summary>
public sealed record EvalReport(string Pack, string Agent, IReadOnlyList<PrintedEpisode> Results)
{
    public int Solved => Results.Count(r => r.Success);

    public double Rate => Results.Count == 0 ? 0 : (double)Solved / Results.Count;

    public string ToJson()
    {
        var tasks = new JsonArray();
        foreach (var r in Results)
        {
            tasks.Add(new JsonObject
            {
                ["task"] = r.Task,
                ["difficulty"] = r.Difficulty,
                ["solved"] = r.Success,
                ["steps"] = r.Steps,
                ["score"] = Math.Round(r.Score, 4),
                ["stop_reason"] = r.StopReason,
                ["failure"] = r.Failure,
            });
        }
        var tiers = new JsonObject();
        foreach (var tier in Enum.GetValues<Difficulty>())
        {
            var inTier = Results.Where(r => r.Difficulty == tier.ToWire()).ToList();
            if (inTier.Count > 0)
            {
                tiers[tier.ToWire()] = Totals(inTier);
            }
        }
        var root = new JsonObject
        {
            ["pack"] = Pack,
            ["agent"] = Agent,
            ["tasks"] = tasks,
            ["by_difficulty"] = tiers,
            ["total"] = Totals(Results),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject Totals(IReadOnlyList<PrintedEpisode> results)
    {
        var solved = results.Where(r => r.Success).ToList();
        return new JsonObject
        {
            ["solved"] = solved.Count,
            ["tasks"] = results.Count,
            ["rate"] = results.Count == 0 ? 0 : Math.Round((double)solved.Count / results.Count, 4),
            ["mean_steps"] = results.Count == 0 ? 0 : Math.Round(results.Average(r => r.Steps), 2),
            ["mean_steps_solved"] = solved.Count == 0 ? null : Math.Round(solved.Average(r => r.Steps), 2),
            ["mean_score"] = results.Count == 0 ? 0 : Math.Round(results.Average(r => r.Score), 4),
        };
    }

    public string ToText()
    {
        var perTask = new TextTable("task", "difficulty", "solved", "steps", "score");
        foreach (var r in Results)
        {
            perTask.Add(r.Task, r.Difficulty ?? "", r.Success ? "yes" : "no", r.Steps.ToString(CultureInfo.InvariantCulture), SeedLog.Fixed(r.Score));
        }
        var byTier = new TextTable("difficulty", "solved", "tasks", "mean steps", "mean score");
        foreach (var tier in Enum.GetValues<Difficulty>())
        {
            var inTier = Results.Where(r => r.Difficulty == tier.ToWire()).ToList();
            if (inTier.Count == 0)
            {
                continue;
            }
            byTier.Add(tier.ToWire(), inTier.Count(r => r.Success).ToString(CultureInfo.InvariantCulture), inTier.Count.ToString(CultureInfo.InvariantCulture),
                inTier.Average(r => r.Steps).ToString("0.0", CultureInfo.InvariantCulture), SeedLog.Fixed(inTier.Average(r => r.Score)));
        }
        return $"\n{perTask}\nsolved {Solved}/{Results.Count}\n\n{byTier}";
    }
}
