using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

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
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly StringBuilder _stderr = new();
    private readonly byte[] _header = new byte[4];
    private int _killed;

    private SandboxSlot(Process process)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        _output = process.StandardOutput.BaseStream;
        process.ErrorDataReceived += (_, e) => KeepStderr(e.Data);
        process.BeginErrorReadLine();
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

    public static SandboxSlot Start(ProcessStartInfo startInfo)
    {
        var process = Process.Start(startInfo) ?? throw new SandboxUnavailableException($"could not start {startInfo.FileName}");
        return new SandboxSlot(process);
    }

    /// <summary>Waits for the zygote's ready frame; false if it exited, broke the protocol or did not answer in time.</summary>
    public async Task<bool> WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            var frame = await ReadFrameAsync(cts.Token).ConfigureAwait(false);
            return frame is not null && frame.AsSpan().SequenceEqual(ReadyFrame);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill();
            return false;
        }
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
            foreach (var frame in frames)
            {
                var header = new byte[4];
                BinaryPrimitives.WriteInt32BigEndian(header, frame.Length);
                await _input.WriteAsync(header, cts.Token).ConfigureAwait(false);
                await _input.WriteAsync(frame, cts.Token).ConfigureAwait(false);
            }
            await _input.FlushAsync(cts.Token).ConfigureAwait(false);
            return await ReadFrameAsync(cts.Token).ConfigureAwait(false);
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
        if (!await ReadExactAsync(_header, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        var length = BinaryPrimitives.ReadInt32BigEndian(_header);
        if (length is < 0 or > MaxReplyBytes)
        {
            Kill();
            return null;
        }
        var body = new byte[length];
        return await ReadExactAsync(body, cancellationToken).ConfigureAwait(false) ? body : null;
    }

    private async Task<bool> ReadExactAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await _output.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false);
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
    }
}
