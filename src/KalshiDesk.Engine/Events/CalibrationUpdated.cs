namespace KalshiDesk.Engine.Events;

/// <summary>Settled markets were scored and the desk relearned its weights, recalibration and scores.</summary>
public sealed record CalibrationUpdated(DateTimeOffset At, int SettledMarkets, double? RollingSkill, bool SittingOut) : DeskEvent(At);
