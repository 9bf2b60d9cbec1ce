namespace KalshiDesk.Web.Api;

/// <summary>The calibration part of the desk's status: how much it has learned from, and whether it sits out because of it.</summary>
/// <param name="SettledMarkets">Settled markets scored.</param>
/// <param name="RollingSkill">The rolling Brier skill against the market price; null before any settlement.</param>
/// <param name="SittingOut">True when degraded calibration pauses every entry.</param>
public sealed record CalibrationStatus(int SettledMarkets, double? RollingSkill, bool SittingOut);
