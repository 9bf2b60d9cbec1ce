namespace KalshiDesk.Engine.Alerts;

/// <summary>One fact of an alert as a person reads it: "Price", "$0.55".</summary>
public sealed record AlertField(string Name, string Value);
