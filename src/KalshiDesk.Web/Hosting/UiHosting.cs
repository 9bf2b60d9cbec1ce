using KalshiDesk.Web.Api;
using KalshiDesk.Web.Components;
using MudBlazor.Services;

namespace KalshiDesk.Web.Hosting;

public static class UiHosting
{
    /// <summary>Blazor Server with MudBlazor.</summary>
    public static void AddDeskUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddTransient<DeskStatusReader>();
    }

    public static void MapDeskUi(this WebApplication app) =>
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
}
