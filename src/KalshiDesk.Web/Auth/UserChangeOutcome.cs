namespace KalshiDesk.Web.Auth;

/// <summary>How a change to users or API tokens ended.</summary>
public enum UserChangeOutcome
{
    /// <summary>Made and audited.</summary>
    Done,

    /// <summary>Already so: nothing changed, nothing audited.</summary>
    Unchanged,

    /// <summary>The input was not acceptable (a missing name, a weak password, an unknown role).</summary>
    Invalid,

    /// <summary>Refused by a rule: the last admin, or an admin acting on themselves.</summary>
    Refused,

    /// <summary>No such user or token.</summary>
    NotFound,

    /// <summary>The person acting may not make this change.</summary>
    Forbidden,
}
