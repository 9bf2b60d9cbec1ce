using KalshiDesk.Engine.Alerts;
using KalshiDesk.Web.Jobs;

namespace KalshiDesk.Web.Alerts;

public static class AlertsHosting
{
    /// <summary>Alerts to Discord and the generic webhook (docs/alerts.md), with the daily summary's job.</summary>
    public static void AddDeskAlerts(this WebApplicationBuilder builder)
    {
        builder.Services.AddDeskAlerts();
        builder.Services.AddTransient<DailySummaryJob>();
    }
}
