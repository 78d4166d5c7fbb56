using TraceFix.Contracts.Episodes;
using TraceFix.Core.Sandbox;

namespace TraceFix.Core.Episodes;

public sealed partial class DebugEnvironment
{
    private async Task<StepResult> StepCoreAsync(Episode episode, CodeAction action, CancellationToken cancellationToken)
    {
        var stepNumber = episode.StepCount + 1;
        var repeats = episode.PreviousAction == action.ActionType ? episode.RepeatCount + 1 : 0;
        var outcome = await PerformAsync(episode, action, stepNumber, cancellationToken);
        var code = outcome.NewLines is { } lines ? await VersionOfAsync(lines, cancellationToken) : episode.Code;

        var output = outcome.Output;
        var reward = Rewards.StepCost + Rewards.RepeatPenaltyPerRepeat * repeats + outcome.Reward;
        var report = outcome.Report;
        var finalScore = outcome.FinalScore;
        if (report is null && code.Syntax is not null)
        {
            output += "\n\n" + code.Syntax.Describe();
        }
        if (!outcome.EndsEpisode && stepNumber >= _options.MaxSteps)
        {
            // Out of steps: score the code as it stands; a RUN_TESTS on this step already tested exactly this code.
            report ??= await RunTestsAsync(episode.Task, code, cancellationToken);
            var passed = TestRunOutput.Passed(report, code.Syntax);
            finalScore = Score(passed, report.Total, stepNumber);
            reward = finalScore.Value;
            output += OutputTexts.MaxStepsReached(_options.MaxSteps, passed, report.Total, finalScore.Value);
        }

        // Everything that can fail or be cancelled has happened; from here on the step is applied as a whole.
        if (outcome.NewLines is not null)
        {
            episode.ReplaceCode(code, outcome.History);
        }
        if (outcome.Anchor.Changes)
        {
            episode.Anchor = outcome.Anchor.Line;
        }
        if (report is not null)
        {
            episode.LastReport = report;
            if (FailingLine(report, code) is { } failingLine)
            {
                episode.Anchor = failingLine;
            }
        }
        if (outcome.PassesAtRun is { } passes)
        {
            episode.PassesAtLastRun = passes;
        }
        reward = Rewards.Round(reward);
        episode.StepCount = stepNumber;
        episode.PreviousAction = action.ActionType;
        episode.RepeatCount = repeats;
        episode.CumulativeReward = Rewards.Round(episode.CumulativeReward + reward);
        if (finalScore is not null)
        {
            episode.Done = true;
            episode.FinalScore = finalScore;
        }
        return ObservationFactory.Step(episode, _options, output, reward, outcome.ActionError);
    }

    private Task<ActionOutcome> PerformAsync(Episode episode, CodeAction action, int stepNumber, CancellationToken cancellationToken) =>
        action.ActionType switch
        {
            ActionType.VIEW_CODE => Task.FromResult(new ActionOutcome(episode.Code.Listing, 0)),
            ActionType.RUN_TESTS => RunTestsActionAsync(episode, cancellationToken),
            ActionType.REPLACE_LINES => Task.FromResult(ReplaceLines(episode, action)),
            ActionType.UNDO_EDIT => Task.FromResult(Undo(episode)),
            ActionType.RESET_TO_ORIGINAL => Task.FromResult(ResetToOriginal(episode)),
            ActionType.SUBMIT => SubmitAsync(episode, stepNumber, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action.ActionType, "Unknown action_type."),
        };

    private async Task<ActionOutcome> RunTestsActionAsync(Episode episode, CancellationToken cancellationToken)
    {
        var code = episode.Code;
        var report = await RunTestsAsync(episode.Task, code, cancellationToken);
        var syntax = code.Syntax ?? report.SyntaxError;
        var output = TestRunOutput.Format(report, syntax, episode.Task.Timeout);
        if (syntax is not null)
        {
            return new ActionOutcome(output, Rewards.RunTestsBonus + Rewards.SyntaxErrorOnRun) { Report = report };
        }
        var gained = Math.Max(0, report.Passed - episode.PassesAtLastRun);
        return new ActionOutcome(output, Rewards.RunTestsBonus + Rewards.PerNewlyPassingTest * gained)
        {
            Report = report,
            PassesAtRun = report.Passed,
        };
    }

    private async Task<ActionOutcome> SubmitAsync(Episode episode, int stepNumber, CancellationToken cancellationToken)
    {
        var code = episode.Code;
        var report = await RunTestsAsync(episode.Task, code, cancellationToken);
        var syntax = code.Syntax ?? report.SyntaxError;
        var passed = TestRunOutput.Passed(report, syntax);
        var score = Score(passed, report.Total, stepNumber);
        var verdict = syntax is not null ? OutputTexts.SubmitSyntaxError(score)
            : report.AllPassed ? OutputTexts.SubmitSolved(report.Total, score)
            : OutputTexts.SubmitFailing(report.Total - passed, report.Total, score);
        return new ActionOutcome(TestRunOutput.Format(report, syntax, episode.Task.Timeout) + verdict, score)
        {
            Report = report,
            EndsEpisode = true,
            FinalScore = score,
        };
    }

    private static ActionOutcome ReplaceLines(Episode episode, CodeAction action)
    {
        var edit = LineEditor.Replace(episode.Code.Lines, action.StartLine, action.EndLine, action.NewCodeBlock);
        if (!edit.Succeeded)
        {
            return new ActionOutcome(edit.Error!, edit.Penalty) { ActionError = edit.Error };
        }
        var lineCount = edit.Lines!.Count;
        return new ActionOutcome(OutputTexts.Replaced(edit.Start, edit.End, edit.InsertedCount, lineCount, edit.Anchor), 0)
        {
            NewLines = edit.Lines,
            History = HistoryChange.Push,
            Anchor = AnchorChange.To(edit.Anchor),
        };
    }

    private static ActionOutcome Undo(Episode episode)
    {
        if (episode.PeekHistory() is not { } previous)
        {
            return new ActionOutcome(OutputTexts.NothingToUndo, Rewards.UndoOrReset) { ActionError = OutputTexts.NothingToUndo };
        }
        return new ActionOutcome(OutputTexts.Undone(previous.Count, episode.UndoDepth - 1), Rewards.UndoOrReset)
        {
            NewLines = previous,
            History = HistoryChange.Pop,
            Anchor = AnchorChange.Clear,
        };
    }

    private static ActionOutcome ResetToOriginal(Episode episode) =>
        new(OutputTexts.ResetToOriginal(episode.Original.Lines.Count), Rewards.UndoOrReset)
        {
            NewLines = episode.Original.Lines,
            History = HistoryChange.Clear,
            Anchor = AnchorChange.Clear,
        };

    /// <summary>The agent-file line a failing run points at, if it lies inside the current code.</summary>
    private static int? FailingLine(TestRunReport report, CodeVersion code)
    {
        if (report.AllPassed && code.Syntax is null)
        {
            return null;
        }
        var line = code.Syntax?.Line ?? report.SyntaxError?.Line ?? report.ErrorLine;
        return line is { } n && n >= 1 && n <= code.Lines.Count ? n : null;
    }
}
