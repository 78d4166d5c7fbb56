using System.Globalization;
using System.Text;
using TraceFix.Core.Tasks;

namespace TraceFix.Core.Episodes;

/// <summary>The <c>system_prompt</c> of the reset observation: what the agent is asked to do, in plain words.</summary>
internal static class EpisodeBrief
{
    public static string Write(DebugTask task, IReadOnlyList<string> lines, int maxSteps)
    {
        var text = new StringBuilder();
        text.AppendLine("You are fixing a bug in a small Python module inside the TraceFix debugging environment.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Task: {task.Name} ({task.Title})");
        text.AppendLine(CultureInfo.InvariantCulture, $"Difficulty: {task.Difficulty.ToWire()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Step budget: {maxSteps} steps; the episode is scored automatically when they run out.");
        text.AppendLine();
        text.AppendLine("What the code is meant to do:");
        text.AppendLine(task.Description);
        text.AppendLine();
        text.AppendLine("Hidden unit tests import this file as the module `solution`; you never see them, only their verdicts.");
        text.AppendLine("Actions: VIEW_CODE, RUN_TESTS, REPLACE_LINES (start_line and end_line are 1-based and inclusive; new_code_block");
        text.AppendLine("replaces them and is re-indented to the first replaced line), UNDO_EDIT, RESET_TO_ORIGINAL, SUBMIT.");
        text.AppendLine("Find the bug, change as little as needed, check with RUN_TESTS, and SUBMIT once every test passes.");
        text.AppendLine();
        text.AppendLine("Current code:");
        for (var i = 0; i < lines.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i + 1,3} | {lines[i]}\n");
        }
        return text.ToString().TrimEnd('\n');
    }
}
