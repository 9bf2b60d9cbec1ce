using KalshiDesk.Web.Api;
using KalshiDesk.Web.Components;
using Microsoft.Extensions.FileProviders;
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

    /// <summary>The brand assets (logo, favicon, theme) from wwwroot-assets/, open to all at /assets.</summary>
    public static void UseDeskAssets(this WebApplication app)
    {
        var assets = Path.Combine(AppContext.BaseDirectory, "assets");
        if (Directory.Exists(assets))
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(assets), RequestPath = "/assets" });
        }
    }

    public static void MapDeskUi(this WebApplication app) =>
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
}
