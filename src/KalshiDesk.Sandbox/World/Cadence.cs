namespace KalshiDesk.Sandbox.World;

/// <summary>How often a threshold series has an event, which sets its ticker's date code.</summary>
internal enum Cadence
{
    /// <summary>One event a day: KXHIGHNY-26NOV24.</summary>
    Daily,

    /// <summary>Every quarter hour: KXBTC15M-26NOV231515.</summary>
    QuarterHour,

    /// <summary>Several a day at set hours: KXBTCD-26NOV2417.</summary>
    Hourly,

    /// <summary>One a week, ending on Sunday: KXEOWEEK-26NOV29.</summary>
    Weekly,

    /// <summary>One a month for the month before the release: KXCPI-26OCT.</summary>
    Monthly,
}
