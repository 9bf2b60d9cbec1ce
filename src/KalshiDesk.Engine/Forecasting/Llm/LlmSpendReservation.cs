namespace KalshiDesk.Engine.Forecasting.Llm;

/// <summary>Money set aside for one call before it is made, on the UTC day it started.</summary>
/// <param name="Dollars">The call's worst-case cost.</param>
public readonly record struct LlmSpendReservation(DateOnly Day, decimal Dollars);
