namespace KalshiDesk.Engine.Alerts;

/// <summary>
/// One message to every destination: a title and a text a person reads, the facts again as labelled fields (Discord's
/// embed) and as data (the generic webhook's JSON), and a link to the dashboard when <c>Notifications:PublicUrl</c> is set.
/// Composed only from what the desk stores; it never carries a key, a token or a webhook URL.
/// </summary>
/// <param name="Url">Where the dashboard shows the subject, or null.</param>
/// <param name="At">When the desk saw what the alert is about.</param>
public sealed record Alert(AlertKind Kind, string Title, string Text, Uri? Url, DateTimeOffset At)
{
    /// <summary>Label and formatted value, in the order shown.</summary>
    public IReadOnlyList<AlertField> Fields { get; init; } = [];

    /// <summary>The facts as JSON values (numbers in dollars, contracts, 0–1), merged into the generic webhook's object.</summary>
    public IReadOnlyDictionary<string, object?> Data { get; init; } = new Dictionary<string, object?>();

    /// <summary>The kind as the webhook's <c>kind</c> field names it: proposal, fill, breaker, sit-out, daily-summary, test.</summary>
    public string KindName => Name(Kind);

    /// <summary>proposal, fill, breaker, sit-out, daily-summary or test.</summary>
    public static string Name(AlertKind kind) => kind switch
    {
        AlertKind.Proposal => "proposal",
        AlertKind.Fill => "fill",
        AlertKind.Breaker => "breaker",
        AlertKind.SitOut => "sit-out",
        AlertKind.DailySummary => "daily-summary",
        _ => "test",
    };
}
