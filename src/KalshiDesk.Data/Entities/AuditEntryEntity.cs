namespace KalshiDesk.Data.Entities;

/// <summary>Who did what, when: approvals, rejections, setting changes.</summary>
public sealed class AuditEntryEntity
{
    public Guid Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string Details { get; set; }
}
