namespace KalshiDesk.Engine.Trading;

/// <summary>How many markets of one cycle a gate let through whole, let through smaller, and stopped.</summary>
public sealed record GateCount(int Passed, int Shrunk, int Failed);
