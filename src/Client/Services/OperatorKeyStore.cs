using Microsoft.JSInterop;

namespace TraceFix.Client.Services;

/// <summary>
/// The operator key the server asks for on writes, kept in this browser's localStorage so it survives reloads.
/// The value stays in memory and in storage only: it is never logged and never put into a URL.
/// </summary>
public sealed class OperatorKeyStore(IJSRuntime js)
{
    public const string HeaderName = "X-TraceFix-Key";

    internal const string StorageKey = "tracefix.operatorKey";

    private string? _key;
    private bool _loaded;

    public event Action? Changed;

    /// <summary>Whether a key is stored; false until <see cref="GetAsync"/> has read storage once.</summary>
    public bool HasKey => !string.IsNullOrEmpty(_key);

    public async ValueTask<string?> GetAsync()
    {
        if (!_loaded)
        {
            var stored = await js.InvokeAsync<string?>("localStorage.getItem", StorageKey);
            _key = string.IsNullOrWhiteSpace(stored) ? null : stored;
            _loaded = true;
        }
        return _key;
    }

    public async ValueTask SaveAsync(string key)
    {
        var trimmed = key.Trim();
        if (trimmed.Length == 0)
        {
            await ForgetAsync();
            return;
        }
        await js.InvokeVoidAsync("localStorage.setItem", StorageKey, trimmed);
        (_key, _loaded) = (trimmed, true);
        Changed?.Invoke();
    }

    public async ValueTask ForgetAsync()
    {
        await js.InvokeVoidAsync("localStorage.removeItem", StorageKey);
        (_key, _loaded) = (null, true);
        Changed?.Invoke();
    }
}
