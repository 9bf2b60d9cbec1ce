using System.Text.Json.Serialization;
using KalshiDesk.Web.Auth;

namespace KalshiDesk.Web.Live;

public static class LiveHosting
{
    /// <summary>SignalR for the dashboard's circuits and the desk hub; a Redis backplane when <c>Redis:ConnectionString</c> is set.</summary>
    public static void AddDeskLive(this WebApplicationBuilder builder)
    {
        // Enum values travel as names ("Rejected"), so any client can read an event without our enums.
        var signalR = builder.Services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        var redis = builder.Configuration["Redis:ConnectionString"];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("kalshidesk"));
        }

        builder.Services.AddHostedService<DeskHubRelay>();
    }

    public static void MapDeskHub(this WebApplication app) =>
        app.MapHub<DeskHub>("/hubs/desk").RequireAuthorization(DeskPolicies.Viewer);
}
