namespace KalshiDesk.Domain.Risk;

/// <summary>Why the desk halted.</summary>
public enum HaltCause
{
    /// <summary>Equity fell the preset's daily loss limit below the start of the New York day; resumes the next day.</summary>
    DailyLoss,

    /// <summary>Equity fell the preset's maximum drawdown below its peak; an admin resumes.</summary>
    Drawdown,

    /// <summary>The preset's number of settlements in a row lost money; an admin resumes.</summary>
    LosingStreak,

    /// <summary>A person pulled the kill switch; an admin resumes.</summary>
    KillSwitch,
}
