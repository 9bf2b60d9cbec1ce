using KalshiDesk.Domain.Pricing;
using KalshiDesk.Engine.Backtesting;
using KalshiDesk.Engine.Markets;

namespace KalshiDesk.Engine.Tests.Backtesting;

/// <summary>
/// Seeded recordings for the backtester's tests: markets priced with the favourite–longshot bias (the price pulled half
/// the way towards 50¢ from the true chance), each seen 48, 24 and 6 hours before its close with a 2¢ quote, closing
/// every few hours over months, settled by the true chance.
/// </summary>
internal static class Recordings
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 5, 15, 0, 0, TimeSpan.Zero);

    public static BacktestData Biased(int markets = 600, int seed = 7, double bias = 0.5)
    {
        var random = new Random(seed);
        var categories = new[] { "Sports", "Economics", "Weather" };
        var list = new List<BacktestMarket>(markets);
        for (var i = 0; i < markets; i++)
        {
            var truth = 0.04 + (0.92 * random.NextDouble());
            var close = Epoch.AddHours(48 + (4 * i) + random.Next(0, 3));
            var yesWon = random.NextDouble() < truth;
            var observations = new List<BacktestObservation>();
            foreach (var hours in new[] { 48, 24, 6 })
            {
                var drift = (random.NextDouble() - 0.5) * 0.04;
                var price = Math.Clamp(0.5 + ((truth - 0.5) * (1 - bias)) + drift, 0.03, 0.97);
                var mid = Math.Round((decimal)price, 2);
                observations.Add(new BacktestObservation(close.AddHours(-hours), Price.FromDollars(mid - 0.01m), Price.FromDollars(mid + 0.01m), Price.FromDollars(mid), Quantity.Of(100m * (4 - (hours / 24)))));
            }

            var ticker = $"KXTEST-{i / 3:D3}-M{i % 3}";
            list.Add(new BacktestMarket(ticker, BacktestMarket.EventOf(ticker), "KXTEST", ticker, categories[i % 3], close, close, yesWon, FeeSchedule.Standard, observations, []));
        }

        return new BacktestData("biased", list);
    }

    /// <summary>The same markets with the outcome (and every quote observed after <paramref name="after"/>) of those chosen turned over.</summary>
    public static BacktestData Flipped(BacktestData data, Func<BacktestMarket, bool> which, DateTimeOffset after) =>
        data with
        {
            Markets = [.. data.Markets.Select(m => which(m)
                ? m with
                {
                    YesWon = !m.YesWon,
                    Observations = [.. m.Observations.Select(o => o.At > after ? o with { YesBid = o.YesAsk.Complement, YesAsk = o.YesBid.Complement, LastPrice = o.LastPrice?.Complement } : o)],
                    Trades = [.. m.Trades.Select(t => t.ExecutedAt > after ? t with { YesPrice = t.YesPrice.Complement } : t)],
                }
                : m)],
        };

    /// <summary>A trade print for a market's tape.</summary>
    public static RecentTrade Print(string ticker, decimal price, DateTimeOffset at) => new(ticker, Price.FromDollars(price), Quantity.Of(10m), Side.Yes, at);
}
