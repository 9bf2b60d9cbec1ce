namespace KalshiDesk.Engine.Modes;

/// <summary>The doctor's checks, run now inside the running desk: configuration, both databases, exchange, api key.</summary>
public interface IDeskReadiness
{
    Task<IReadOnlyList<DeskCheck>> CheckAsync(CancellationToken ct = default);
}
