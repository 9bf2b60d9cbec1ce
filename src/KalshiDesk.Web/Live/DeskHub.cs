using Microsoft.AspNetCore.SignalR;

namespace KalshiDesk.Web.Live;

/// <summary>The typed hub at /hubs/desk: desk events for clients other than the dashboard's own components.</summary>
public sealed class DeskHub : Hub<IDeskClient>
{
}
