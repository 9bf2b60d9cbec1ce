using KalshiDesk.Engine.Backtesting;
using KalshiDesk.Engine.Forecasting.Cli;

namespace KalshiDesk.Engine.Tests.Backtesting;

public sealed class SettledCsvRecordingTests
{
    [Fact]
    public void OneRowPerMarket_IsSeenADayBeforeItsClose_ExecutableAtItsPrice()
    {
        var data = SettledCsvRecording.Parse(
            """
            ticker,category,price,outcome,close_time
            KXHIGHNY-26NOV24-T60,Weather,0.62,yes,2026-11-24T23:00:00Z
            KXFED-26DEC-H0,Economics,0.15,no,2026-12-10T19:00:00Z
            """,
            "settled.csv");

        Assert.Equal(("settled.csv", 2, 2L), (data.Source, data.Markets.Count, data.Updates));
        var weather = data.Markets[0];
        Assert.Equal(("KXHIGHNY-26NOV24", "KXHIGHNY", "Weather", true), (weather.EventTicker, weather.SeriesTicker, weather.Category, weather.YesWon));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 23, 0, 0, TimeSpan.Zero), weather.CloseTime);
        Assert.Equal(weather.CloseTime, weather.SettledAt);
        var seen = Assert.Single(weather.Observations);
        Assert.Equal((weather.CloseTime.AddDays(-1), 0.62m, 0.62m, 0.62m), (seen.At, seen.YesBid.Dollars, seen.YesAsk.Dollars, seen.LastPrice!.Value.Dollars));
        Assert.False(data.Markets[1].YesWon);
    }

    [Fact]
    public void PricePath_WithQuotesAndEvents_IsOrderedByTime()
    {
        var data = SettledCsvRecording.Parse(
            """
            ticker,category,price,outcome,close_time,observed_at,event_ticker,yes_bid,yes_ask
            A-1,Sports,0.55,no,2026-03-02T00:00:00Z,2026-03-01T12:00:00Z,GAME-1,0.54,0.56
            A-1,Sports,0.40,no,2026-03-02T00:00:00Z,2026-03-01T06:00:00Z,GAME-1,0.39,0.42
            B-1,Sports,0.45,yes,,2026-03-01T06:00:00Z,GAME-1,,
            """,
            "path.csv");

        var a = data.Markets.Single(m => m.Ticker == "A-1");
        Assert.Equal("GAME-1", a.EventTicker);
        Assert.Equal(
            [(new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero), 0.39m, 0.42m), (new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero), 0.54m, 0.56m)],
            a.Observations.Select(o => (o.At, o.YesBid.Dollars, o.YesAsk.Dollars)));

        // Without close_time, a market closes (and settles) a day after its last look; without a quote, it trades at its price.
        var b = data.Markets.Single(m => m.Ticker == "B-1");
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 6, 0, 0, TimeSpan.Zero), b.SettledAt);
        Assert.Equal((0.45m, 0.45m), (b.Observations[0].YesBid.Dollars, b.Observations[0].YesAsk.Dollars));
        Assert.Equal(3L, data.Updates);
    }

    [Theory]
    [InlineData("ticker,category,price,outcome\nA-1,Sports,0.5,yes\n", "r.csv line 2, column observed_at: the row has neither observed_at nor close_time, so it cannot be placed on the replay's clock")]
    [InlineData("ticker,category,price,outcome,close_time,yes_bid,yes_ask\nA-1,Sports,0.5,yes,2026-03-02,0.6,0.5\n", "r.csv line 2, column yes_bid: \"0.6\" is above yes_ask 0.5; a bid cannot cross the ask")]
    [InlineData("ticker,category,price,outcome,close_time,yes_bid,yes_ask\nA-1,Sports,0.5,yes,2026-03-02,0.4,\n", "r.csv line 2, column yes_ask: is empty while the other side of the quote is given; give both or neither")]
    [InlineData("ticker,category,price,outcome,close_time,yes_bid,yes_ask\nA-1,Sports,0.5,yes,2026-03-02,1.4,1.5\n", "r.csv line 2, column yes_bid: \"1.4\" is not a price between 0 and 1")]
    [InlineData("ticker,category,price,outcome,close_time\nA-1,Sports,0.5,yes,2026-03-02\nA-1,Sports,0.5,yes,2026-03-03\n", "r.csv line 3, column close_time: 2026-03-03T00:00:00Z, but A-1 closes at 2026-03-02T00:00:00Z on an earlier line")]
    [InlineData("ticker,category,price,outcome,close_time\nA-1,Sports,7,yes,2026-03-02\n", "r.csv line 2, column price: \"7\" is not a price between 0 and 1 (prices are in dollars: 7¢ is 0.07)")]
    public void Malformed_IsRefusedWithLineAndColumn(string text, string message)
    {
        var error = Assert.Throws<ForecastInputException>(() => SettledCsvRecording.Parse(text, "r.csv"));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Load_ReadsAFile_AndNamesAMissingOne()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kd-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "ticker,category,price,outcome,close_time\nA-1,Sports,0.5,yes,2026-03-02\n");
        try
        {
            Assert.Equal("A-1", Assert.Single(SettledCsvRecording.Load(path).Markets).Ticker);
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Equal($"{path}: the file does not exist", Assert.Throws<ForecastInputException>(() => SettledCsvRecording.Load(path)).Message);
    }
}
