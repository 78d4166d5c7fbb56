namespace TraceFix.Client.Services;

/// <summary>Display choices that outlive a page: presenter mode (larger type for projectors).</summary>
public sealed class UiPreferences
{
    public bool Presenter { get; private set; }

    public event Action? Changed;

    public void TogglePresenter()
    {
        Presenter = !Presenter;
        Changed?.Invoke();
    }
}
