using KalshiDesk.Domain.Markets;
using KalshiDesk.Engine.Forecasting.Llm;

namespace KalshiDesk.Engine.Tests.Forecasting.Llm;

/// <summary>Market words set by the test, per ticker; the rules can be changed mid-test.</summary>
internal sealed class FakeMarketTextSource : IMarketTextSource
{
    public const string Rules = "If the highest temperature recorded at Central Park, New York on Nov 24, 2026 is above 60°F, then the market resolves to Yes.";

    private readonly Dictionary<string, MarketText> _texts = new(StringComparer.Ordinal);

    public void Set(string ticker, string rules) => _texts[ticker] = new MarketText("Will the high temperature in NYC be above 60°F on Nov 24, 2026?", "Above 60°F", rules);

    public MarketText? Find(MarketSnapshot market) =>
        _texts.TryGetValue(market.Ticker, out var text) ? text : new MarketText(market.Title, "Above 60°F", Rules);
}
