using KalshiDesk.Domain.Markets;

namespace KalshiDesk.Engine.Forecasting.DataDriven;

/// <summary>Knows no strike: the temperature model stands aside until a real source is registered.</summary>
public sealed class NullMarketStrikeSource : IMarketStrikeSource
{
    public MarketStrike? Find(MarketSnapshot market) => null;
}
