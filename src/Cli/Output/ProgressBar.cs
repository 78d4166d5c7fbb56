namespace TraceFix.Cli.Output;

/// <summary>A one-line progress bar redrawn in place on a terminal; silent when the stream is not a terminal.</summary>
public sealed class ProgressBar(TextWriter error, bool enabled, int total)
{
    private const int Width = 30;
    private readonly Lock _lock = new();
    private int _done;
    private int _solved;

    public void Advance(bool solved)
    {
        lock (_lock)
        {
            _done++;
            _solved += solved ? 1 : 0;
            if (!enabled)
            {
                return;
            }
            var filled = total == 0 ? Width : _done * Width / total;
            error.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {_done}/{total} done, {_solved} solved");
            error.Flush();
        }
    }

    public void Finish()
    {
        if (enabled)
        {
            lock (_lock)
            {
                error.Write("\r" + new string(' ', Width + 40) + "\r");
                error.Flush();
            }
        }
    }
}
