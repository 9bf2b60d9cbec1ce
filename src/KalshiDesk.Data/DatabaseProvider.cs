namespace KalshiDesk.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
