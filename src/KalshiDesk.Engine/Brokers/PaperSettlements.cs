using System.Globalization;
using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Modes;
using KalshiDesk.Kalshi;
using KalshiDesk.Kalshi.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KalshiDesk.Engine.Brokers;

/// <summary>
/// Pays out the paper desk's positions in markets the exchange has settled, as Kalshi pays a real account: each YES
/// contract the settlement value ($1 on yes, $0 on no, the value of a scalar result), each NO contract the rest of the
/// dollar. The payout goes to the ledger, the position closes, and a settlement row records revenue, cost and fees, so
/// the circuit breaker counts the market in its losing streak exactly as it counts a live settlement. Idempotent: one
/// settlement per market (a unique index), and a position changed meanwhile is left for the next pass.
/// </summary>
public sealed partial class PaperSettlements(IKalshiClient client, IDbContextFactory<DeskDbContext> db, DeskBooks books, IDeskEvents events, TimeProvider time, ILogger<PaperSettlements> logger)
{
    /// <summary>Tickers per <c>GET /markets?tickers=</c> request.</summary>
    public const int BatchSize = 100;

    /// <summary>Settles every held market that is not among the open <paramref name="open"/> markets and has settled on the exchange.</summary>
    /// <returns>How many markets were settled.</returns>
    public async Task<int> SettleAsync(IReadOnlyList<MarketSnapshot>? open = null, CancellationToken ct = default)
    {
        // Paper positions are held in the paper book only.
        using var pin = books.Pin(DeskBook.Paper);
        List<string> held;
        await using (var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            held = await context.Positions.AsNoTracking().Where(p => p.Contracts > 0m).Select(p => p.Ticker).Distinct().ToListAsync(ct).ConfigureAwait(false);
        }

        var trading = (open ?? []).Where(m => m.Status == MarketStatus.Active).Select(m => m.Ticker).ToHashSet(StringComparer.Ordinal);
        var candidates = held.Where(t => !trading.Contains(t)).Order(StringComparer.Ordinal).ToList();
        var settled = 0;
        foreach (var batch in candidates.Chunk(BatchSize))
        {
            var markets = new List<MarketSnapshot>(batch.Length);
            try
            {
                await foreach (var market in client.GetMarketsAsync(new MarketFilter(Tickers: batch), ct).ConfigureAwait(false))
                {
                    markets.Add(market);
                }
            }
            catch (Exception ex) when (ex is KalshiApiException or KalshiDataException or HttpRequestException)
            {
                // No answer, no payout: the positions stay open and the next cycle asks again.
                LogLookupFailed(logger, ex, batch.Length);
                continue;
            }

            foreach (var market in markets)
            {
                if (YesValue(market) is { } value)
                {
                    settled += await SettleAsync(market, value, ct).ConfigureAwait(false);
                }
            }
        }

        return settled;
    }

    /// <summary>What a YES contract of <paramref name="market"/> pays, or null while it has not settled.</summary>
    public static decimal? YesValue(MarketSnapshot market)
    {
        ArgumentNullException.ThrowIfNull(market);
        if (market.SettledAt is null && market.Status != MarketStatus.Finalized)
        {
            return null;
        }

        return market.Result switch
        {
            MarketResult.Yes => 1m,
            MarketResult.No => 0m,
            MarketResult.Scalar => market.SettlementValue?.Dollars,
            _ => null,
        };
    }

    private async Task<int> SettleAsync(MarketSnapshot market, decimal yesValue, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var tx = await context.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var positions = await context.Positions.Where(p => p.Ticker == market.Ticker && p.Contracts > 0m).ToListAsync(ct).ConfigureAwait(false);
        if (positions.Count == 0 || await context.Settlements.AnyAsync(s => s.Ticker == market.Ticker, ct).ConfigureAwait(false))
        {
            return 0;
        }

        var yes = positions.Where(p => p.Side == "yes").Sum(p => p.Contracts);
        var no = positions.Where(p => p.Side == "no").Sum(p => p.Contracts);
        var revenue = decimal.Round((yes * yesValue) + (no * (1m - yesValue)), 4, MidpointRounding.ToZero);
        var result = market.Result.ToString().ToLowerInvariant();
        context.Settlements.Add(new SettlementEntity
        {
            Id = Guid.CreateVersion7(now),
            Ticker = market.Ticker,
            EventTicker = market.EventTicker,
            Result = result,
            SettledAt = market.SettledAt ?? now,
            Revenue = revenue,
            YesCount = yes,
            NoCount = no,
            Cost = positions.Sum(p => p.Cost),
            Fee = positions.Sum(p => p.FeesPaid),
        });
        if (revenue != 0m)
        {
            var note = string.Create(CultureInfo.InvariantCulture, $"settled {result}: {yes:0.##} yes and {no:0.##} no at ${yesValue:0.00##} a YES contract");
            context.Ledger.Add(new LedgerEntryEntity { Id = Guid.CreateVersion7(now), At = now, Kind = "payout", Amount = revenue, Ticker = market.Ticker, Note = note });
        }

        foreach (var position in positions)
        {
            position.Contracts = 0m;
            position.Cost = 0m;
            position.MarkYes = yesValue;
            position.UpdatedAt = now;
            position.Version++;
        }

        try
        {
            await context.SaveChangesAsync(ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // A fill or another pass changed the position, or settled the market, first: nothing is paid twice.
            LogRaced(logger, market.Ticker);
            return 0;
        }

        LogSettled(logger, market.Ticker, result, revenue);
        await events.PublishAsync(new PositionsChanged(now, market.Ticker), ct).ConfigureAwait(false);
        return 1;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Paper position in {Ticker} settled {Result}: ${Revenue} paid out")]
    private static partial void LogSettled(ILogger logger, string ticker, string result, decimal revenue);

    [LoggerMessage(Level = LogLevel.Information, Message = "Paper settlement of {Ticker} raced another change; the next pass looks again")]
    private static partial void LogRaced(ILogger logger, string ticker);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look up {Count} held market(s) for settlement; they stay open until the next pass")]
    private static partial void LogLookupFailed(ILogger logger, Exception ex, int count);
}
