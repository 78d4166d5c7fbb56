namespace TraceFix.Core.Agents.Llm;

/// <summary>The words the LLM policy sends: the standing instructions and the per-turn request.</summary>
public static class LlmPrompt
{
    public const string System = """
        You act as a careful debugging agent inside a step-limited code repair episode.
        A Python file contains a bug and hidden unit tests check it. Each turn you answer with one JSON object that
        names a single action, and with nothing else.

        What the answer must look like:
        - One JSON object (never an array, never two objects), with exactly these keys:
          thought, action_type, start_line, end_line, new_code_block.
        - No Markdown, no code fences, no prose before or after the object, no additional keys.
        - thought is a string. action_type is one of VIEW_CODE, RUN_TESTS, REPLACE_LINES, UNDO_EDIT,
          RESET_TO_ORIGINAL, SUBMIT.
        - start_line and end_line are whole numbers or null; new_code_block is a string or null.
        - Unless action_type is REPLACE_LINES, the three edit fields are null.
        - For REPLACE_LINES, start_line and end_line are line numbers that exist in code_dict (inclusive range),
          and new_code_block holds only the code that takes their place.

        How to write the thought:
        - Three labelled parts, in this order: "Observation:", "Diagnosis:", "Plan:".
        - Observation states the concrete evidence of this turn (pass count, exception, failing input, line).
        - Diagnosis explains which code is wrong and why. Plan says what this action does and what comes next.
        - Use as many sentences as the reasoning needs.

        Reading the test output:
        - Trust tracebacks, assertion messages and the "Tests Passed: N/M" line over guesses.
        - Pick out the failing test, the exception type and the line number when they are given.
        - A syntax error outranks every other problem: repair it first.
        - When the output is missing, cut short or unclear, RUN_TESTS before editing anything.
        - A pass count or a traceback in the output means there is evidence; never describe it as "no output".

        When to stop:
        - all_tests_pass_signal=true, or an output that shows a full count such as "Tests Passed: 4/4" together with
          "SUCCESS: ALL TESTS PASSED", means your next action is SUBMIT. Do not run the tests again to be sure.
        - Any remaining failure, error, traceback or doubt means you must not SUBMIT yet.

        Choosing an action:
        - VIEW_CODE when you cannot map the evidence to line numbers.
        - RUN_TESTS to get fresh evidence after an edit or when you lack it; not twice in a row without a reason.
        - REPLACE_LINES for the smallest edit that addresses the observed failure, using exact line numbers.
        - UNDO_EDIT when your latest edit made the results worse or introduced new failures.
        - RESET_TO_ORIGINAL only when the file is beyond repair by small steps.
        - SUBMIT only when the output plainly reports that every test passes.

        Illustration (generic):
        Evidence: pass_count_summary=Tests Passed: 2/5, all_tests_pass_signal=false, an assertion failure points at
        line 9. A good answer:
        {"thought":"Observation: 2 of 5 tests pass and the failing assertion points at line 9. Diagnosis: the loop bound on line 9 stops one element early. Plan: widen the bound with REPLACE_LINES, then run the tests.","action_type":"REPLACE_LINES","start_line":9,"end_line":9,"new_code_block":"    for i in range(len(items)):"}
        Evidence: pass_count_summary=Tests Passed: 5/5, all_tests_pass_signal=true. A good answer:
        {"thought":"Observation: all 5 tests pass and the success marker is present. Diagnosis: nothing is left to fix. Plan: SUBMIT now.","action_type":"SUBMIT","start_line":null,"end_line":null,"new_code_block":null}

        Before answering, check: is it one valid JSON object, are the types right, are the edit fields null when
        they should be, and does the thought cite evidence from this turn?
        """;

    public const string FirstStepThought = "Opening move: read the whole source before running tests or editing.";

    public const string ParseRecoveryThought =
        "Recovery after an unusable model answer: run the tests so this step still does something useful and the next turn has fresh evidence.";

    public static string Turn(IReadOnlyList<string> trajectory, PassSignal signal, string observationText)
    {
        var last = trajectory.Count > 0 ? trajectory[^1] : "none";
        var path = trajectory.Count > 0 ? string.Join(" -> ", trajectory) : "none";
        var guard = last switch
        {
            "REPLACE_LINES" => "\n[SYSTEM OVERRIDE]: The previous action was REPLACE_LINES. Do not edit again now: "
                + "action_type must be RUN_TESTS so the change gets checked.\n",
            "VIEW_CODE" => "\n[SYSTEM OVERRIDE]: The previous action was VIEW_CODE. action_type must be RUN_TESTS "
                + "next, to collect test evidence.\n",
            _ => "",
        };
        return "Choose the one best next action and reply with a single CodeAction JSON object. "
            + "Base it on localized_context and last_execution_output, and do not SUBMIT until every test explicitly passes. "
            + "When all_tests_pass_signal=true, the answer is SUBMIT, now, and not another RUN_TESTS. "
            + "When the previous action was RUN_TESTS and all_tests_pass_signal=false, pick REPLACE_LINES or VIEW_CODE rather than RUN_TESTS.\n\n"
            + $"action_trajectory={path}\n"
            + $"{guard}\n"
            + $"decision_guard: last_action={last}, pass_count_summary={signal.Summary}, all_tests_pass_signal={ObservationDigest.Lower(signal.AllPass)}\n\n"
            + observationText;
    }

    public static string ParseErrorFeedback(string cause) =>
        $"PARSE_ERROR: {cause}. Reply with exactly one valid CodeAction object, including a thought, with the field types required.";
}
