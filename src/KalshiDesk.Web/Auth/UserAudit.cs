using KalshiDesk.Data.Entities;

namespace KalshiDesk.Web.Auth;

/// <summary>Audit rows for changes to users and tokens: who, when, what, and the value before and after (never a secret).</summary>
internal static class UserAudit
{
    public static AuditEntryEntity Entry(DateTimeOffset at, string actor, string action, string details, string? oldValue, string? newValue) => new()
    {
        Id = Guid.CreateVersion7(at),
        At = at,
        Actor = actor,
        Action = action,
        Details = details,
        OldValue = oldValue,
        NewValue = newValue,
    };
}
