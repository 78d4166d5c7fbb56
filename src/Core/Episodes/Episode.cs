using TraceFix.Contracts.Episodes;
using TraceFix.Core.Sandbox;
using TraceFix.Core.Tasks;

namespace TraceFix.Core.Episodes;

/// <summary>The mutable state of one episode. Only <see cref="DebugEnvironment"/> changes it, and only after a step's async work succeeded.</summary>
internal sealed class Episode(string id, DebugTask task, CodeVersion original, DateTimeOffset startedAt)
{
    private readonly Stack<IReadOnlyList<string>> _history = new();
    private CodeVersion? _contextCode;
    private int? _contextAnchor;
    private string _context = "";

    public string Id { get; } = id;

    public DebugTask Task { get; } = task;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public CodeVersion Original { get; } = original;

    public CodeVersion Code { get; private set; } = original;

    public int StepCount { get; set; }

    public ActionType? PreviousAction { get; set; }

    public int RepeatCount { get; set; }

    /// <summary>Passing tests at the last run that produced verdicts (syntax-error runs do not count).</summary>
    public int PassesAtLastRun { get; set; }

    public int? Anchor { get; set; }

    public double CumulativeReward { get; set; }

    public bool Done { get; set; }

    public double? FinalScore { get; set; }

    public TestRunReport? LastReport { get; set; }

    public int UndoDepth => _history.Count;

    /// <summary>The rendered context, kept until the code version or the anchor changes (most steps change neither).</summary>
    public string Context(EnvironmentOptions options)
    {
        if (!ReferenceEquals(_contextCode, Code) || _contextAnchor != Anchor)
        {
            _context = LocalizedContext.Render(Code.Lines, Anchor, options.ContextRadius, options.ContextMaxChars);
            _contextCode = Code;
            _contextAnchor = Anchor;
        }
        return _context;
    }

    /// <summary>Puts the episode in a snapshot's state (a fresh episode only): its code, step count and undo history, oldest first.</summary>
    public void Restore(CodeVersion code, IEnumerable<IReadOnlyList<string>> history, int stepCount, double cumulativeReward, int passesAtLastRun)
    {
        _history.Clear();
        foreach (var lines in history)
        {
            _history.Push(lines);
        }
        Code = code;
        StepCount = stepCount;
        CumulativeReward = cumulativeReward;
        PassesAtLastRun = passesAtLastRun;
    }

    public IReadOnlyList<string>? PeekHistory() => _history.TryPeek(out var lines) ? lines : null;

    public void ReplaceCode(CodeVersion next, HistoryChange change)
    {
        switch (change)
        {
            case HistoryChange.Push:
                _history.Push(Code.Lines);
                break;
            case HistoryChange.Pop:
                _history.Pop();
                break;
            case HistoryChange.Clear:
                _history.Clear();
                break;
        }
        Code = next;
    }
}
