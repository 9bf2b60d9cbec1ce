using KalshiDesk.Domain.Markets;
using KalshiDesk.Sandbox.World;
using Microsoft.Extensions.Time.Testing;

namespace KalshiDesk.Sandbox.Tests.Lifecycle;

/// <summary>Prices follow Kalshi's measured longshot bias; outcomes follow the hidden truth.</summary>
public sealed class LongshotBiasTests
{
    [Theory]
    [InlineData(1, 0.0091)]
    [InlineData(5, 0.0418)]
    [InlineData(50, 0.5000)]
    [InlineData(95, 0.9583)]
    [InlineData(99, 0.9909)]
    public void WinRateAt_WholeCents_IsKalshisMeasuredRate(int cents, double winRate) =>
        Assert.Equal(winRate, LongshotBias.WinRateAt(cents / 100.0), 3);

    [Fact]
    public void PriceFor_Longshots_IsAboveTheTruthAndFavourites_Below()
    {
        Assert.InRange(LongshotBias.PriceFor(0.03), 0.033, 0.035);
        Assert.InRange(LongshotBias.PriceFor(0.97), 0.965, 0.967);
        Assert.Equal(0.5, LongshotBias.PriceFor(0.5), 2);
        var previous = 0.0;
        for (var truth = 0.01; truth < 0.99; truth += 0.01)
        {
            var price = LongshotBias.PriceFor(truth);
            Assert.True(price >= previous, $"not monotone at {truth}");
            Assert.Equal(truth, LongshotBias.WinRateAt(price), 3);
            previous = price;
        }
    }

    [Fact]
    public void World_MakersQuoteCheapMarketsAboveTheirTruthAndDearOnesBelow()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));
        var exchange = new SandboxExchange(new SandboxOptions { Markets = 3000, Seed = 3, TickInterval = TimeSpan.Zero }, time);
        var cheap = new List<(double Truth, decimal Centre)>();
        var dear = new List<(double Truth, decimal Centre)>();
        for (var tick = 0; tick < 30; tick++)
        {
            time.Advance(TimeSpan.FromSeconds(10));
            exchange.Tick();
        }

        exchange.Inspect(() =>
        {
            foreach (var market in exchange.World.Markets.Where(m => m.IsTrading && !m.IsLagged))
            {
                if (market.Truth is > 0.025 and < 0.12)
                {
                    cheap.Add((market.Truth, market.QuoteCentre.Dollars));
                }
                else if (market.Truth is > 0.88 and < 0.975)
                {
                    dear.Add((market.Truth, market.QuoteCentre.Dollars));
                }
            }
        });

        Assert.True(cheap.Count > 60 && dear.Count > 60, $"{cheap.Count} cheap, {dear.Count} dear");
        var cheapGap = cheap.Average(m => (double)m.Centre - m.Truth);
        var dearGap = dear.Average(m => (double)m.Centre - m.Truth);
        var cheapExpected = cheap.Average(m => LongshotBias.PriceFor(m.Truth) - m.Truth);
        var dearExpected = dear.Average(m => LongshotBias.PriceFor(m.Truth) - m.Truth);
        Assert.True(cheapGap > 0.004, $"cheap markets priced {cheapGap:P2} over their truth");
        Assert.True(dearGap < -0.004, $"dear markets priced {dearGap:P2} against their truth");
        Assert.InRange(cheapGap, cheapExpected - 0.015, cheapExpected + 0.015);
        Assert.InRange(dearGap, dearExpected - 0.015, dearExpected + 0.015);
    }

    [Fact]
    public void Draws_OfALadder_FollowItsTruthsAndNeverContradictEachOther()
    {
        var ladder = new LadderTruth([60, 62, 64], scale: 1.8, centre: 62.5);
        var random = new Random(11);
        var yes = new int[3];
        const int Draws = 20_000;
        for (var i = 0; i < Draws; i++)
        {
            var outcome = ladder.Draw(random);
            Assert.False(!outcome[0] && outcome[1], "above 62 but not above 60");
            Assert.False(!outcome[1] && outcome[2], "above 64 but not above 62");
            for (var k = 0; k < 3; k++)
            {
                yes[k] += outcome[k] ? 1 : 0;
            }
        }

        for (var k = 0; k < 3; k++)
        {
            var p = ladder.TruthOf(k);
            var standardError = Math.Sqrt(p * (1 - p) / Draws);
            Assert.InRange(yes[k] / (double)Draws, p - (4 * standardError), p + (4 * standardError));
        }
    }

    [Fact]
    public void Draws_OfAOneWinnerEvent_PickAtMostOneAtTheTruthsRates()
    {
        var exclusive = new ExclusiveTruth([0.6, 0.25, 0.1]);
        var random = new Random(5);
        var wins = new int[4];
        const int Draws = 20_000;
        for (var i = 0; i < Draws; i++)
        {
            var outcome = exclusive.Draw(random);
            var winners = outcome.Count(o => o);
            Assert.InRange(winners, 0, 1);
            wins[winners == 0 ? 3 : Array.IndexOf(outcome, true)]++;
        }

        double[] expected = [0.6, 0.25, 0.1, 0.05];
        for (var k = 0; k < 4; k++)
        {
            var standardError = Math.Sqrt(expected[k] * (1 - expected[k]) / Draws);
            Assert.InRange(wins[k] / (double)Draws, expected[k] - (4 * standardError), expected[k] + (4 * standardError));
        }

        exclusive.Pin(1, 0.4);
        Assert.Equal(0.4, exclusive.TruthOf(1), 6);
        Assert.True(exclusive.TruthOf(0) + exclusive.TruthOf(1) + exclusive.TruthOf(2) < 1.0);
    }
}
