namespace KalshiDesk.Engine.Modes;

/// <summary>The doctor's checks, run now inside the running desk: configuration, database, exchange, api key.</summary>
public interface IDeskReadiness
{
    Task<IReadOnlyList<DeskCheck>> CheckAsync(CancellationToken ct = default);
}
