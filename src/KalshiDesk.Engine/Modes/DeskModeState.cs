using KalshiDesk.Data;
using KalshiDesk.Engine.Trading;

namespace KalshiDesk.Engine.Modes;

/// <summary>The desk's trading mode in force, who switched it when, and whether configuration allows live trading.</summary>
/// <param name="Mode">The mode in force: live only when an admin switched the desk live and <c>Trading:Mode</c> is Live.</param>
/// <param name="ChangedAt">When it was last switched; null while the desk has never been switched (it trades paper).</param>
/// <param name="ChangedBy">Who switched it last; null while the desk has never been switched.</param>
/// <param name="LiveAllowed">Whether configuration allows live trading (<c>Trading:Mode=Live</c>).</param>
/// <param name="Switched">The mode an admin last switched the desk to (paper when never).</param>
public sealed record DeskModeState(TradingMode Mode, DateTimeOffset? ChangedAt, string? ChangedBy, bool LiveAllowed = false, TradingMode Switched = TradingMode.Paper)
{
    /// <summary>Why a desk an admin switched live trades paper: configuration wins.</summary>
    public const string HeldReason = "an admin switched the desk live, but configuration says Trading:Mode=Paper, and configuration wins: set Trading:Mode=Live and restart to trade live again";

    /// <summary>paper or live, as the API, the audit and the events spell it.</summary>
    public string Name => DeskModeStore.Name(Mode);

    public bool IsLive => Mode == TradingMode.Live;

    /// <summary>The book in force: the live book (main database) while live, the paper book otherwise.</summary>
    public DeskBook Book => IsLive ? DeskBook.Live : DeskBook.Paper;

    /// <summary>Why the desk trades paper although an admin switched it live; null unless configuration holds it on paper.</summary>
    public string? HeldOnPaper => Switched == TradingMode.Live && !IsLive ? HeldReason : null;
}
