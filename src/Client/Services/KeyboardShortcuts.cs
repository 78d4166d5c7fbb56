using Microsoft.JSInterop;

namespace TraceFix.Client.Services;

/// <summary>
/// Page-level keys (← → space Home End p / n N) from a document listener in wwwroot/js/keys.js. The listener ignores keys typed
/// into inputs, so forms keep working.
/// </summary>
public sealed class KeyboardShortcuts(IJSRuntime js) : IAsyncDisposable
{
    private IJSObjectReference? _module;
    private IJSObjectReference? _registration;
    private DotNetObjectReference<KeyboardShortcuts>? _self;

    public event Func<string, Task>? KeyPressed;

    public async Task AttachAsync()
    {
        if (_registration is not null)
        {
            return;
        }
        _self = DotNetObjectReference.Create(this);
        _module = await js.InvokeAsync<IJSObjectReference>("import", "./js/keys.js");
        _registration = await _module.InvokeAsync<IJSObjectReference>("listen", _self);
    }

    /// <summary>Moves the keyboard focus to the element matching <paramref name="selector"/> (e.g. the search box on <c>/</c>).</summary>
    public async Task FocusAsync(string selector)
    {
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("focus", selector);
        }
    }

    [JSInvokable]
    public async Task OnKey(string key)
    {
        if (KeyPressed is { } handler)
        {
            await handler(key);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_registration is not null)
            {
                await _registration.InvokeVoidAsync("dispose");
                await _registration.DisposeAsync();
            }
            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The page is gone; there is no listener left to remove.
        }
        _self?.Dispose();
    }
}
