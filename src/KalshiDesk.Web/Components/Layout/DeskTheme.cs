using MudBlazor;

namespace KalshiDesk.Web.Components.Layout;

/// <summary>KalshiDesk's colours; the CSS custom properties in wwwroot-assets/theme.css match them.</summary>
public static class DeskTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight { Primary = "#1f6feb", Secondary = "#0e8a6b", AppbarBackground = "#0d1b2a" },
        PaletteDark = new PaletteDark { Primary = "#58a6ff", Secondary = "#2ec4a0", AppbarBackground = "#0d1117" },
    };
}
