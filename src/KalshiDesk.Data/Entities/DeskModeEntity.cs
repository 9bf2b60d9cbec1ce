namespace KalshiDesk.Data.Entities;

/// <summary>
/// The desk's trading mode as an admin last switched it, paper or live, and who switched it when: one row (id 1), in the
/// main database, so the mode survives restarts and every instance routes orders by the same one. No row means the desk
/// has never been switched (it trades paper); the desk trades live only while configuration allows it too
/// (<c>Trading:Mode=Live</c>).
/// </summary>
public sealed class DeskModeEntity
{
    /// <summary>The one row's id.</summary>
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>paper or live.</summary>
    public required string Mode { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>The user name of the person who switched it.</summary>
    public required string ChangedBy { get; set; }

    /// <summary>Optimistic concurrency: two admins switching at once cannot both record a change from the same mode.</summary>
    public int Version { get; set; }
}
