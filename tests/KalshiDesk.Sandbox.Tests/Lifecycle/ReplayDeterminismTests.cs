using KalshiDesk.Domain.Markets;
using KalshiDesk.Sandbox.Matching;
using Microsoft.Extensions.Time.Testing;

namespace KalshiDesk.Sandbox.Tests.Lifecycle;

/// <summary>The same seed, clock and ticks replay to the same trades, outcomes and new events; another seed does not.</summary>
public sealed class ReplayDeterminismTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SameSeed_ThreeDaysOfTicks_ReplaysTheSameTradesAndOutcomes()
    {
        var first = Run(seed: 7);
        var second = Run(seed: 7);
        var other = Run(seed: 8);

        Assert.True(first.Trades.Count > 500, $"{first.Trades.Count} trades");
        Assert.True(first.Outcomes.Count > 20, $"{first.Outcomes.Count} markets settled");
        Assert.Equal(first.Trades, second.Trades);
        Assert.Equal(first.Outcomes, second.Outcomes);
        Assert.Equal(first.Tickers, second.Tickers);
        Assert.NotEqual(first.Trades, other.Trades);
    }

    private static (List<string> Trades, List<string> Outcomes, List<string> Tickers) Run(int seed)
    {
        var time = new FakeTimeProvider(Start);
        var exchange = new SandboxExchange(new SandboxOptions { Markets = 60, Seed = seed, TickInterval = TimeSpan.Zero }, time);
        var trades = new List<string>();
        Trade? last = null;
        for (var tick = 0; tick < 3 * 24 * 4; tick++)
        {
            time.Advance(TimeSpan.FromMinutes(15));
            exchange.Tick();
            exchange.Inspect(() =>
            {
                var tape = exchange.Tape.Trades;
                var start = last is null ? 0 : tape.ToList().IndexOf(last) + 1;
                for (var i = start; i < tape.Count; i++)
                {
                    var t = tape[i];
                    trades.Add($"{t.TradeId} {t.Ticker} {t.YesPrice} {t.Count} {t.TakerOutcome} {t.CreatedTime:O}");
                }

                last = tape.Count > 0 ? tape[^1] : null;
            });
        }

        var outcomes = new List<string>();
        var tickers = new List<string>();
        exchange.Inspect(() =>
        {
            outcomes.AddRange(exchange.World.Markets.Where(m => m.Status == MarketStatus.Finalized).Select(m => $"{m.Ticker}={m.Result}"));
            tickers.AddRange(exchange.World.Markets.Select(m => m.Ticker));
        });
        return (trades, outcomes, tickers);
    }
}
