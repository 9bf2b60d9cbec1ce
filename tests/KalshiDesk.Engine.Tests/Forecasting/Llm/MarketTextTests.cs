using KalshiDesk.Engine.Forecasting.Llm;
using KalshiDesk.TestKit.Builders;

namespace KalshiDesk.Engine.Tests.Forecasting.Llm;

public class MarketTextTests
{
    [Fact]
    public void RulesVersion_SameWords_SameVersion() =>
        Assert.Equal(new MarketText("T", "S", "R").RulesVersion, new MarketText("T", "S", "R").RulesVersion);

    [Theory]
    [InlineData("T2", "S", "R")]
    [InlineData("T", "S2", "R")]
    [InlineData("T", "S", "R2")]
    [InlineData("TS", "", "R")]
    public void RulesVersion_AnyWordChanged_NewVersion(string title, string subtitle, string rules) =>
        Assert.NotEqual(new MarketText("T", "S", "R").RulesVersion, new MarketText(title, subtitle, rules).RulesVersion);

    [Fact]
    public void RulesVersion_Is16HexDigits() =>
        Assert.Matches("^[0-9a-f]{16}$", new MarketText("T", "S", "R").RulesVersion);

    [Fact]
    public void SnapshotSource_GivesTheTitleAlone()
    {
        var text = new SnapshotMarketTextSource().Find(new MarketBuilder().Build())!;

        Assert.Equal("Will the high temperature in NYC be above 60°F on Nov 24, 2026?", text.Title);
        Assert.Equal(string.Empty, text.Subtitle);
        Assert.Equal(string.Empty, text.Rules);
    }
}
