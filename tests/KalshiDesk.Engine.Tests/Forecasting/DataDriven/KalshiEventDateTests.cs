using KalshiDesk.Engine.Forecasting.DataDriven;
using KalshiDesk.TestKit.Builders;

namespace KalshiDesk.Engine.Tests.Forecasting.DataDriven;

public class KalshiEventDateTests
{
    [Theory]
    [InlineData("KXHIGHNY-26NOV24", 2026, 11, 24)]
    [InlineData("KXHIGHCHI-25AUG01", 2025, 8, 1)]
    [InlineData("kxhighny-26nov24", 2026, 11, 24)]
    public void Parse_DailyEvent_IsItsDay(string eventTicker, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), KalshiEventDate.Parse(eventTicker));

    [Theory]
    [InlineData("KXFED-26DEC")]
    [InlineData("KXHIGHNY-26NOV31")]
    [InlineData("KXHIGHNY")]
    [InlineData("KXBTC-26NOV2417")]
    public void Parse_NotADay_IsNull(string eventTicker) => Assert.Null(KalshiEventDate.Parse(eventTicker));

    [Theory]
    [InlineData("KXHIGHNY-26NOV24-T60", 60.0)]
    [InlineData("KXFEDRATE-26DEC-T3.25", 3.25)]
    public void TickerStrikes_TSuffix_IsAbove(string ticker, double strike)
    {
        var found = new TickerStrikeSource().Find(new MarketBuilder().Ticker(ticker).Build())!.Value;

        Assert.Equal(StrikeKind.Above, found.Kind);
        Assert.Equal(strike, found.Value);
    }

    [Theory]
    [InlineData("KXHIGHNY-26NOV24-B84.5")]
    [InlineData("KXHIGHNY-26NOV24-T")]
    [InlineData("KXHIGHNY-26NOV24-")]
    [InlineData("KXHIGHNY-26NOV24-TX")]
    public void TickerStrikes_NoTStrike_IsNull(string ticker) =>
        Assert.Null(new TickerStrikeSource().Find(new MarketBuilder().Ticker(ticker, "KXHIGHNY-26NOV24").Build()));
}
