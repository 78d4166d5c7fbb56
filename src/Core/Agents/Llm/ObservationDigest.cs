using System.Globalization;
using System.Text;
using TraceFix.Contracts.Episodes;

namespace TraceFix.Core.Agents.Llm;

/// <summary>
/// Renders an observation as the text block the model reads each turn: counters, the pass signal, the head of the
/// output, the localized context, the whole output and the first thirty numbered lines of code.
/// </summary>
public static class ObservationDigest
{
    public const int PreviewLines = 30;
    public const int HeadLines = 8;

    public static string Render(Observation observation)
    {
        var output = observation.LastExecutionOutput ?? "";
        var signal = PassSignal.Read(output);
        var head = string.Join("\n", output.Split('\n').Select(l => l.TrimEnd('\r')).Take(HeadLines));
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"step_count={observation.StepCount}\n")
            .Append(CultureInfo.InvariantCulture, $"steps_remaining={observation.StepsRemaining}\n")
            .Append(CultureInfo.InvariantCulture, $"syntax_error={(observation.SyntaxError ? "True" : "False")}\n")
            .Append(CultureInfo.InvariantCulture, $"pass_count_summary={signal.Summary}\n")
            .Append(CultureInfo.InvariantCulture, $"all_tests_pass_signal={Lower(signal.AllPass)}\n")
            .Append(CultureInfo.InvariantCulture, $"last_execution_output_chars={output.Length}\n")
            .Append("last_execution_output_head=\n").Append(head).Append("\n\n")
            .Append("localized_context=\n").Append(observation.LocalizedContext).Append("\n\n")
            .Append("last_execution_output=\n").Append(output).Append("\n\n")
            .Append("code_preview=\n").Append(CodePreview(observation.CodeDict));
        return text.ToString();
    }

    public static string CodePreview(IReadOnlyDictionary<string, string> codeDict) => string.Join("\n",
        NumberedLines(codeDict).Take(PreviewLines).Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Number} | {l.Text}")));

    /// <summary>The code_dict entries in line order; keys that are not numbers are skipped.</summary>
    public static IEnumerable<(int Number, string Text)> NumberedLines(IReadOnlyDictionary<string, string> codeDict) => codeDict
        .Select(kv => (Ok: int.TryParse(kv.Key, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n), Number: n, Text: kv.Value))
        .Where(e => e.Ok)
        .OrderBy(e => e.Number)
        .Select(e => (e.Number, e.Text));

    internal static string Lower(bool value) => value ? "true" : "false";
}
