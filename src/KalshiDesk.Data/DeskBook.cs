namespace KalshiDesk.Data;

/// <summary>
/// Which book the desk's trading records belong to. The live book is the main database; the paper book has a database
/// (SQLite file, PostgreSQL schema) of its own, so paper results never mix with live ones.
/// </summary>
public enum DeskBook
{
    Paper,
    Live,
}
