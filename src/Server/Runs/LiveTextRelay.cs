using System.Text;
using TraceFix.Contracts.Runs;
using TraceFix.Core.Agents;
using TraceFix.Server.Hubs;

namespace TraceFix.Server.Runs;

/// <summary>
/// Passes the model's text of one episode to its viewers while the model generates it, in batches at most every
/// <see cref="Interval"/> so that a fast model does not flood the hub or the browsers. The agent's stream never waits
/// for the hub: pieces are collected under a lock and sent by one flush at a time.
/// </summary>
internal sealed class LiveTextRelay(ILiveTextSource source, RunEvents events, Guid runId, long episodeId, TimeProvider clock) : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly object _gate = new();
    private readonly List<Pending> _pending = [];
    private Task _flushing = Task.CompletedTask;
    private bool _scheduled;

    /// <summary>Attaches the relay to the agent when it can stream; returns null when it cannot.</summary>
    public static LiveTextRelay? Attach(IAgent agent, RunEvents events, Guid runId, long episodeId, TimeProvider clock)
    {
        if (agent is not ILiveTextSource source)
        {
            return null;
        }
        var relay = new LiveTextRelay(source, events, runId, episodeId, clock);
        source.LiveText = relay.Add;
        return relay;
    }

    public void Add(LiveText piece)
    {
        lock (_gate)
        {
            if (piece.Restart)
            {
                // A new attempt replaces this step's text: what is still pending of it will never be shown.
                _pending.RemoveAll(p => p.Step == piece.Step);
                _pending.Add(new Pending(piece.Step, Restart: true));
            }
            else if (_pending.Count == 0 || _pending[^1].Step != piece.Step)
            {
                _pending.Add(new Pending(piece.Step, Restart: false));
            }
            _pending[^1].Text.Append(piece.Text);
            if (_scheduled)
            {
                return;
            }
            _scheduled = true;
            _flushing = FlushLaterAsync(_flushing);
        }
    }

    private async Task FlushLaterAsync(Task previous)
    {
        await previous;
        await Task.Delay(Interval, clock);
        List<ModelTextStreamed> messages;
        lock (_gate)
        {
            _scheduled = false;
            messages = [.. _pending.Select(p => new ModelTextStreamed(runId, episodeId, p.Step, p.Text.ToString(), p.Restart))];
            _pending.Clear();
        }
        foreach (var message in messages)
        {
            await events.ModelTextAsync(message);
        }
    }

    private sealed record Pending(int Step, bool Restart)
    {
        public StringBuilder Text { get; } = new();
    }

    public async ValueTask DisposeAsync()
    {
        source.LiveText = null;
        Task last;
        lock (_gate)
        {
            last = _flushing;
        }
        await last;
    }
}
