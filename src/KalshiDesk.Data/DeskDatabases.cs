namespace KalshiDesk.Data;

/// <summary>
/// The desk's two databases with the same schema. <see cref="Main"/> holds the live book and what is desk-wide (users and
/// roles, API tokens, the trading mode, and the audit of changes to them); <see cref="Paper"/> holds the paper book.
/// </summary>
public sealed class DeskDatabases(DeskDatabase main, DeskDatabase paper)
{
    public DeskDatabase Main { get; } = main ?? throw new ArgumentNullException(nameof(main));

    public DeskDatabase Paper { get; } = paper ?? throw new ArgumentNullException(nameof(paper));

    /// <summary>
    /// Reads <c>ConnectionStrings:KalshiDesk</c> and <c>ConnectionStrings:KalshiDeskPaper</c> (optional: derived from the
    /// main one); a malformed one, or a paper database that is the main one, throws naming the key and the fix.
    /// </summary>
    public static DeskDatabases Parse(string? main, string? paper, string contentRoot)
    {
        var database = DeskDatabase.Parse(main, contentRoot);
        return new DeskDatabases(database, DeskDatabase.ForPaper(paper, database, contentRoot));
    }

    /// <summary>The database a book lives in.</summary>
    public DeskDatabase For(DeskBook book) => book == DeskBook.Live ? Main : Paper;
}
