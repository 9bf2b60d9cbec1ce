using KalshiDesk.Engine.Trading;

namespace KalshiDesk.Engine.Modes;

/// <summary>The desk's trading mode and who switched it when.</summary>
/// <param name="ChangedAt">When it was last switched; null while the desk has never been switched (configuration decides).</param>
/// <param name="ChangedBy">Who switched it last; null while the desk has never been switched.</param>
public sealed record DeskModeState(TradingMode Mode, DateTimeOffset? ChangedAt, string? ChangedBy)
{
    /// <summary>paper or live, as the API, the audit and the events spell it.</summary>
    public string Name => DeskModeStore.Name(Mode);

    public bool IsLive => Mode == TradingMode.Live;
}
