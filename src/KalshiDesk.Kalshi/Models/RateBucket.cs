namespace KalshiDesk.Kalshi.Models;

/// <summary>A token bucket.</summary>
/// <param name="RefillPerSecond">Units added per second.</param>
/// <param name="Capacity">Units the bucket holds (burst headroom above one second's refill).</param>
public sealed record RateBucket(int RefillPerSecond, int Capacity);
