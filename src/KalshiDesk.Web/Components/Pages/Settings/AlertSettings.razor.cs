using System.Globalization;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Engine.Alerts;
using KalshiDesk.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace KalshiDesk.Web.Components.Pages.Settings;

/// <summary>
/// The alerts section of Settings: which destinations are configured (host only: the URL holds the webhook's token),
/// which alerts are on, the latest outcomes (redrawn as each alert is answered), and for admins a test send whose
/// result per destination is shown in place and in a snackbar.
/// </summary>
public partial class AlertSettings : IDisposable
{
    private IReadOnlyList<AlertDestinationView> _destinations = [];
    private IReadOnlyList<SentAlert> _recent = [];
    private IReadOnlyList<AlertTestResult>? _results;
    private bool _sending;

    [Inject]
    private IAlertSender Sender { get; set; } = default!;

    [Inject]
    private IOptions<AlertOptions> Options { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    private IEnumerable<(AlertKind Kind, string Label, bool On)> Kinds =>
        new[] { AlertKind.Proposal, AlertKind.Fill, AlertKind.Breaker, AlertKind.SitOut, AlertKind.DailySummary }
            .Select(kind => (kind, KindLabel(kind), Options.Value.IsOn(kind)));

    private string LinksText => Options.Value.DashboardUrl is { } url
        ? $"Links point at {url.AbsoluteUri}."
        : "Notifications:PublicUrl is not set: alerts carry no link to the dashboard.";

    private string PaceText => string.Create(
        CultureInfo.InvariantCulture,
        $"At most {Options.Value.MaxPerMinute} alerts a minute to each destination; the daily summary at {Options.Value.DailySummaryTime:HH\\:mm} New York time.");

    protected override void OnInitialized()
    {
        Load();
        Sender.Recorded += OnRecorded;
    }

    public void Dispose()
    {
        Sender.Recorded -= OnRecorded;
        GC.SuppressFinalize(this);
    }

    private void Load()
    {
        _destinations = Sender.Destinations;
        _recent = Sender.Recent;
    }

    private void OnRecorded(object? sender, EventArgs e) =>
        _ = InvokeAsync(() =>
        {
            Load();
            StateHasChanged();
        });

    private async Task SendTestAsync()
    {
        if (Authentication is null)
        {
            return;
        }

        var user = (await Authentication).User;
        if (!(await Authorization.AuthorizeAsync(user, DeskPolicies.Admin)).Succeeded)
        {
            return;
        }

        _sending = true;
        try
        {
            _results = await Sender.SendTestAsync(user.Identity?.Name ?? "unknown");
            foreach (var result in _results)
            {
                Snackbar.Add($"{result.Destination}: {result.Outcome}", result.Sent ? Severity.Success : Severity.Warning);
            }
        }
        finally
        {
            _sending = false;
            Load();
        }
    }

    private static string ResultText(AlertTestResult result) =>
        result.Host is { } host ? $"{result.Destination} ({host}): {result.Outcome}" : $"{result.Destination}: {result.Outcome}";

    private static string KindLabel(AlertKind kind) => kind switch
    {
        AlertKind.Proposal => "New proposals",
        AlertKind.Fill => "Fills",
        AlertKind.Breaker => "Halts and resumes",
        AlertKind.SitOut => "Sit-outs",
        AlertKind.DailySummary => "Daily summary",
        _ => "Test",
    };

    /// <summary>An instant in New York time, the clock the desk's trading day follows.</summary>
    private static string When(DateTimeOffset at) =>
        at.ToOffset(NewYorkDay.OffsetAt(at)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " ET";
}
