using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace KalshiDesk.Web.Components.Layout;

/// <summary>
/// The frame of every page. Dark mode follows the browser's own preference until the person picks one with the toggle;
/// the choice is kept in the browser's local storage (<see cref="ThemeKey"/>), so it survives reloads and new tabs.
/// </summary>
public partial class MainLayout
{
    /// <summary>The local-storage key holding "dark" or "light".</summary>
    public const string ThemeKey = "kalshidesk-theme";

    private MudThemeProvider? _theme;
    private bool _drawer = true;
    private bool _dark;

    // Set once the page is interactive (the toggle then works); a prerendered page says false.
    private bool _ready;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        try
        {
            var stored = await JS.InvokeAsync<string?>("localStorage.getItem", ThemeKey);
            var dark = stored switch
            {
                "dark" => true,
                "light" => false,
                _ => _theme is not null && await _theme.GetSystemDarkModeAsync(),
            };
            _dark = dark;
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or InvalidOperationException or TaskCanceledException)
        {
            // No script (a static render or a circuit already gone): the light theme stays.
        }

        _ready = true;
        StateHasChanged();
    }

    private async Task ToggleDarkAsync()
    {
        _dark = !_dark;
        try
        {
            await JS.InvokeVoidAsync("localStorage.setItem", ThemeKey, _dark ? "dark" : "light");
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            // Local storage refused (private mode, quota): the choice holds for this page only.
        }
    }
}
