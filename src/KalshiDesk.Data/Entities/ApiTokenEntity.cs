namespace KalshiDesk.Data.Entities;

/// <summary>A bearer token for scripts; only its SHA-256 hash is stored.</summary>
public sealed class ApiTokenEntity
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
