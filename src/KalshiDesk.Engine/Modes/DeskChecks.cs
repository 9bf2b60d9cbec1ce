using System.Globalization;
using System.Net;
using KalshiDesk.Data;
using KalshiDesk.Kalshi;
using KalshiDesk.Kalshi.Auth;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Engine.Modes;

/// <summary>
/// The doctor's checks, each a <see cref="DeskCheck"/>: <c>kalshidesk doctor</c> prints them, and the running desk runs the
/// same ones before it goes live and for the Settings page.
/// </summary>
public static class DeskChecks
{
    public const string ConfigurationFix = "correct the key named, in appsettings.json or the environment";
    public const string KeyFix = "set Kalshi:KeyId and Kalshi:PrivateKeyPath to the key created on Kalshi's account page";

    /// <summary>Configuration that passed validation, summed up in a line.</summary>
    public static DeskCheck Configuration(string mode, string preset, DatabaseProvider provider) =>
        DeskCheck.Ok("configuration", $"{mode} trading, {preset} preset, {provider} database");

    /// <summary>Configuration that failed validation: the failures, each naming its key.</summary>
    public static DeskCheck ConfigurationFailed(string problem) => DeskCheck.Fail("configuration", problem, ConfigurationFix);

    /// <summary>
    /// Whether a database answers and its schema is up to date (a SQLite file not made yet is fine), as the check named
    /// <paramref name="name"/>: "database" for the main one, "paper database" for the paper book's.
    /// </summary>
    public static async Task<DeskCheck> DatabaseAsync(DeskDatabase database, string name = "database", CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        try
        {
            await using var context = new DeskDbContextFactory(database).CreateDbContext();
            var sqliteFile = database.Provider == DatabaseProvider.Sqlite ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource : null;
            if (sqliteFile is not null && !File.Exists(sqliteFile))
            {
                return DeskCheck.Ok(name, $"{database.Location} will be created at the first start");
            }

            if (!await context.Database.CanConnectAsync(ct).ConfigureAwait(false))
            {
                return DeskCheck.Fail(name, $"{database.Location} does not answer", $"start the server or correct {database.Key}");
            }

            var pending = (await context.Database.GetPendingMigrationsAsync(ct).ConfigureAwait(false)).Count();
            return DeskCheck.Ok(name, pending == 0 ? $"{database.Location} answers, schema up to date" : $"{database.Location} answers, {pending} migration(s) will be applied at the next start");
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            return DeskCheck.Fail(name, FirstLine(ex.Message), $"check {database.Key}: server, database name and credentials");
        }
    }

    /// <summary>Both databases: the main one (live book, users, tokens, mode) and the paper book's.</summary>
    public static async Task<IReadOnlyList<DeskCheck>> DatabasesAsync(DeskDatabases databases, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(databases);
        return
        [
            await DatabaseAsync(databases.Main, "database", ct).ConfigureAwait(false),
            await DatabaseAsync(databases.Paper, "paper database", ct).ConfigureAwait(false),
        ];
    }

    /// <summary>
    /// Loads the configured key as the client would. Returns the failure, or null with <paramref name="signer"/> set (null
    /// itself when no key is configured); the caller disposes the signer.
    /// </summary>
    public static DeskCheck? TryLoadKey(KalshiOptions kalshi, out KalshiRequestSigner? signer)
    {
        ArgumentNullException.ThrowIfNull(kalshi);
        try
        {
            signer = KalshiKeys.Load(kalshi);
            return null;
        }
        catch (KalshiKeyException ex)
        {
            signer = null;
            return DeskCheck.Fail("api key", ex.Message, KeyFix);
        }
    }

    /// <summary>The key's status for a person to read: never the key, at most the first four characters of its id.</summary>
    public static KalshiKeyStatus KeyStatus(KalshiOptions kalshi)
    {
        ArgumentNullException.ThrowIfNull(kalshi);
        try
        {
            using var signer = KalshiKeys.Load(kalshi);
            if (signer is null)
            {
                return new KalshiKeyStatus(KalshiKeyState.Missing, "not configured", null);
            }

            var shortId = ShortKeyId(signer.KeyId);
            return new KalshiKeyStatus(KalshiKeyState.Configured, $"configured: key id {shortId}", shortId);
        }
        catch (KalshiKeyException ex)
        {
            return new KalshiKeyStatus(KalshiKeyState.Unusable, ex.Message, null);
        }
    }

    /// <summary>A key id cut to its first four characters and an ellipsis: enough to tell keys apart, too little to use one.</summary>
    public static string ShortKeyId(string keyId)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        var id = keyId.Trim();
        return (id.Length > 4 ? id[..4] : id) + "…";
    }

    /// <summary>Whether the exchange answers <c>GET /exchange/status</c>, and whether it is trading.</summary>
    public static async Task<DeskCheck> ExchangeAsync(IKalshiClient client, KalshiOptions kalshi, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(kalshi);
        var url = kalshi.ResolveBaseUrl();
        try
        {
            var status = await client.GetExchangeStatusAsync(ct).ConfigureAwait(false);
            return DeskCheck.Ok("exchange", $"{kalshi.Environment} at {url} answers; trading {(status.TradingActive ? "active" : "paused")}");
        }
        catch (Exception ex) when (Unreachable(ex, ct))
        {
            return DeskCheck.Fail("exchange", $"{kalshi.Environment} at {url} cannot be reached ({FirstLine(ex.Message)})", "check the network, Kalshi:Environment and Kalshi:BaseUrl");
        }
    }

    /// <summary>
    /// Whether the key authenticates, with the balance: <paramref name="description"/> ("key", or "the Sandbox's demo key")
    /// and <paramref name="keyId"/> (as it may be shown) name it; with no key (<paramref name="keyId"/> null) there is nothing
    /// to check and paper trading needs none.
    /// </summary>
    public static async Task<DeskCheck> ApiKeyAsync(IKalshiClient client, string description, string? keyId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (keyId is null)
        {
            return DeskCheck.Ok("api key", "none configured (paper trading needs none; live trading needs Kalshi:KeyId and Kalshi:PrivateKeyPath)");
        }

        if (client is not KalshiClient kalshi)
        {
            return DeskCheck.Fail("api key", $"key {keyId}: the balance cannot be read through this exchange client", "use Kalshi's HTTP client");
        }

        try
        {
            var balance = (await kalshi.GetBalanceAsync(ct).ConfigureAwait(false)).Available.Dollars;
            return DeskCheck.Ok("api key", string.Create(CultureInfo.InvariantCulture, $"{description} {keyId} authenticates; balance ${balance:#,0.00}"));
        }
        catch (KalshiApiException ex) when (ex.Status == HttpStatusCode.Unauthorized)
        {
            return DeskCheck.Fail("api key", $"key {keyId} is refused ({ex.Code})", "check that Kalshi:KeyId matches the private key, that the key is active, and that it belongs to this environment");
        }
        catch (Exception ex) when (ex is KalshiApiException || Unreachable(ex, ct))
        {
            return DeskCheck.Fail("api key", $"key {keyId}: the balance cannot be read ({FirstLine(ex.Message)})", "check the network and that the key belongs to this environment");
        }
    }

    private static bool Unreachable(Exception ex, CancellationToken ct) =>
        ex is HttpRequestException or KalshiApiException or KalshiDataException or Polly.Timeout.TimeoutRejectedException
        || (ex is OperationCanceledException && !ct.IsCancellationRequested);

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end > 0 ? text[..end] : text;
    }
}
