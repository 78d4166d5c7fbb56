using Microsoft.JSInterop;

namespace TraceFix.Client.Services;

/// <summary>
/// The operator key the server asks for on writes. It is kept for this tab (sessionStorage) and, only when the user asks
/// to be remembered, on this device as ciphertext under a non-extractable browser key (wwwroot/js/keystore.js): never as
/// plain text in localStorage. The value is never logged and never put into a URL.
/// </summary>
public sealed class OperatorKeyStore(IJSRuntime js)
{
    public const string HeaderName = "X-TraceFix-Key";

    internal const string ModulePath = "./js/keystore.js";

    private IJSObjectReference? _module;
    private string? _key;
    private bool _loaded;

    public event Action? Changed;

    /// <summary>Whether a key is held; false until <see cref="GetAsync"/> has read storage once.</summary>
    public bool HasKey => !string.IsNullOrEmpty(_key);

    /// <summary>Whether the key is also remembered on this device (sealed), not only for this tab.</summary>
    public bool Remembered { get; private set; }

    public async ValueTask<string?> GetAsync()
    {
        if (!_loaded)
        {
            var stored = await (await ModuleAsync()).InvokeAsync<StoredKey?>("load");
            _key = string.IsNullOrWhiteSpace(stored?.Key) ? null : stored.Key;
            Remembered = _key is not null && stored!.Remembered;
            _loaded = true;
        }
        return _key;
    }

    /// <returns>False when remembering was asked but this browser cannot seal the key (no secure context).</returns>
    public async ValueTask<bool> SaveAsync(string key, bool remember = false)
    {
        var trimmed = key.Trim();
        if (trimmed.Length == 0)
        {
            await ForgetAsync();
            return true;
        }
        var sealedKey = await (await ModuleAsync()).InvokeAsync<bool>("save", trimmed, remember);
        (_key, _loaded, Remembered) = (trimmed, true, sealedKey);
        Changed?.Invoke();
        return sealedKey || !remember;
    }

    public async ValueTask ForgetAsync()
    {
        await (await ModuleAsync()).InvokeVoidAsync("forget");
        (_key, _loaded, Remembered) = (null, true, false);
        Changed?.Invoke();
    }

    private async ValueTask<IJSObjectReference> ModuleAsync() =>
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", ModulePath);

    /// <summary>What keystore.js <c>load()</c> answers.</summary>
    public sealed record StoredKey(string? Key, bool Remembered);
}
