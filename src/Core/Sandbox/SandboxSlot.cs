using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace TraceFix.Core.Sandbox;

/// <summary>
/// One warm sandbox: a long-lived zygote process spoken to with length-prefixed JSON frames. It announces
/// {"ready":true}, answers each request with one frame, then announces ready again once it has cleaned up.
/// </summary>
internal sealed class SandboxSlot : IAsyncDisposable
{
    private const int MaxReplyBytes = 8 * 1024 * 1024;
    private static readonly byte[] ReadyFrame = "{\"ready\":true}"u8.ToArray();

    private readonly Process _process;
    private readonly Action? _cleanup;
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly StringBuilder _stderr = new();
    private readonly Channel<byte[]> _frames = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
    private int _killed;

    private SandboxSlot(Process process, Action? cleanup)
    {
        _process = process;
        _cleanup = cleanup;
        _input = process.StandardInput.BaseStream;
        _output = process.StandardOutput.BaseStream;
        process.ErrorDataReceived += (_, e) => KeepStderr(e.Data);
        process.BeginErrorReadLine();
        // Anonymous pipes have no readiness-based async I/O in .NET (ReadAsync becomes a blocking read on a pool
        // thread per call), so each slot keeps one dedicated thread blocked in read() and hands frames over a channel.
        new Thread(ReadLoop) { IsBackground = true, Name = $"sandbox-slot-{process.Id}" }.Start();
    }

    public int Id => _process.Id;

    public bool IsAlive => Volatile.Read(ref _killed) == 0 && !_process.HasExited;

    /// <summary>The zygote's last stderr lines, for start-up diagnostics (the harness never writes secrets there).</summary>
    public string Diagnostics
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString().Trim();
            }
        }
    }

    public static SandboxSlot Start(SlotLaunch launch)
    {
        try
        {
            var process = Process.Start(launch.StartInfo) ?? throw new SandboxUnavailableException($"could not start {launch.StartInfo.FileName}");
            return new SandboxSlot(process, launch.Cleanup);
        }
        catch
        {
            launch.Cleanup?.Invoke();
            throw;
        }
    }

    /// <summary>Waits for the zygote's ready frame; false if it exited, broke the protocol or did not answer in time.</summary>
    public async Task<bool> WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            var frame = await ReadFrameAsync(cts.Token).ConfigureAwait(false);
            if (frame is not null && frame.AsSpan().SequenceEqual(ReadyFrame))
            {
                return true;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
        Kill();
        return false;
    }

    /// <summary>
    /// Sends the frames and returns the reply, or null when the zygote died or the deadline passed; in both cases the
    /// slot is dead (killed with its whole process tree) and must be replaced.
    /// </summary>
    public async Task<byte[]?> ExchangeAsync(IReadOnlyList<byte[]> frames, TimeSpan deadline, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(deadline);
        await using var killOnCancel = cts.Token.Register(Kill);
        try
        {
            // Requests are small and the zygote's harness is waiting to read them: a plain write() does not block for long.
            var header = new byte[4];
            foreach (var frame in frames)
            {
                BinaryPrimitives.WriteInt32BigEndian(header, frame.Length);
                _input.Write(header);
                _input.Write(frame);
            }
            _input.Flush();
            var reply = await ReadFrameAsync(cts.Token).ConfigureAwait(false);
            if (reply is null)
            {
                Kill();
            }
            return reply;
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            Kill();
            cancellationToken.ThrowIfCancellationRequested();
            return null;
        }
    }

    public static byte[] Encode<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value);

    private async Task<byte[]?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _frames.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    private void ReadLoop()
    {
        var header = new byte[4];
        try
        {
            while (ReadExact(header))
            {
                var length = BinaryPrimitives.ReadInt32BigEndian(header);
                if (length is < 0 or > MaxReplyBytes)
                {
                    break;
                }
                var body = new byte[length];
                if (!ReadExact(body) || !_frames.Writer.TryWrite(body))
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
        }
        _frames.Writer.TryComplete();
    }

    private bool ReadExact(byte[] buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = _output.Read(buffer, read, buffer.Length - read);
            if (n == 0)
            {
                return false;
            }
            read += n;
        }
        return true;
    }

    private void KeepStderr(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_stderr)
        {
            if (_stderr.Length > 4000)
            {
                _stderr.Remove(0, _stderr.Length - 2000);
            }
            _stderr.AppendLine(line.Length > 500 ? line[..500] : line);
        }
    }

    public void Kill()
    {
        if (Interlocked.Exchange(ref _killed, 1) == 1)
        {
            return;
        }
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        _process.Dispose();
        _cleanup?.Invoke();
    }
}
