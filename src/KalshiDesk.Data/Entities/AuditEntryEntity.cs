namespace KalshiDesk.Data.Entities;

/// <summary>Who did what, when: approvals, rejections, setting changes (with the value before and after).</summary>
public sealed class AuditEntryEntity
{
    public Guid Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string Details { get; set; }

    /// <summary>The setting's value before a change, when the entry records one.</summary>
    public string? OldValue { get; set; }

    /// <summary>The setting's value after a change, when the entry records one.</summary>
    public string? NewValue { get; set; }
}
