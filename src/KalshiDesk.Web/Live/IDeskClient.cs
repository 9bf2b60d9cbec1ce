namespace KalshiDesk.Web.Live;

/// <summary>What the desk hub sends to its clients: the event's type name and its JSON payload.</summary>
public interface IDeskClient
{
    Task DeskEvent(string type, object payload);
}
