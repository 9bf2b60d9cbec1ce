using System.Collections.Immutable;
using System.Globalization;
using System.Threading.Channels;
using KalshiDesk.Data;
using KalshiDesk.Domain.Proposals;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Risk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Alerts;

/// <summary>
/// Turns desk events into alerts and sends them. A publisher only drops its event into a queue: reading the database
/// for the text, the pace (<c>Notifications:MaxPerMinute</c> per destination) and the network all happen here, in the
/// background, one queue per destination so a slow one never holds the other up.
/// </summary>
public sealed partial class AlertSender : BackgroundService, IAlertSender
{
    /// <summary>Outcomes kept for the Settings page.</summary>
    public const int RecentCapacity = 50;

    /// <summary>Events that may wait to be written up; past it the oldest is dropped (and logged).</summary>
    public const int EventCapacity = 1000;

    private readonly AlertOptions _options;
    private readonly AlertComposer _composer;
    private readonly AlertDelivery _delivery;
    private readonly IDeskEvents _events;
    private readonly IDbContextFactory<DeskDbContext> _db;
    private readonly TimeProvider _time;
    private readonly ILogger<AlertSender> _logger;
    private readonly AlertDestination? _discord;
    private readonly AlertDestination? _webhook;
    private readonly Channel<DeskEvent> _pending;
    private ImmutableList<SentAlert> _recent = [];
    private IDisposable? _subscription;
    private string _state = "active";
    private string? _stateReason;

    internal AlertSender(
        IOptions<AlertOptions> options,
        AlertComposer composer,
        AlertDelivery delivery,
        IDeskEvents events,
        IDbContextFactory<DeskDbContext> db,
        TimeProvider time,
        ILogger<AlertSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _composer = composer;
        _delivery = delivery;
        _events = events;
        _db = db;
        _time = time;
        _logger = logger;
        _discord = Destination("Discord", "Notifications:Discord:WebhookUrl", _options.DiscordWebhookUrl, discord: true);
        _webhook = Destination("Webhook", "Notifications:Webhook:Url", _options.WebhookUrl, discord: false);
        _pending = Channel.CreateBounded<DeskEvent>(
            new BoundedChannelOptions(EventCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            dropped => LogEventDropped(_logger, dropped.GetType().Name));
    }

    public event EventHandler? Recorded;

    public IReadOnlyList<AlertDestinationView> Destinations =>
    [
        _discord?.View() ?? new AlertDestinationView("Discord", null, "Notifications:Discord:WebhookUrl", 0),
        _webhook?.View() ?? new AlertDestinationView("Webhook", null, "Notifications:Webhook:Url", 0),
    ];

    public IReadOnlyList<SentAlert> Recent => _recent;

    private IEnumerable<AlertDestination> Configured => new[] { _discord, _webhook }.OfType<AlertDestination>();

    public bool Enqueue(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (!_options.IsOn(alert.Kind))
        {
            return false;
        }

        var queued = false;
        foreach (var destination in Configured)
        {
            queued |= destination.Enqueue(alert);
        }

        return queued;
    }

    public async Task<IReadOnlyList<AlertTestResult>> SendTestAsync(string actor, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var alert = _composer.Test(actor, _time.GetUtcNow());
        var discord = SendTestAsync(_discord, alert, "no Discord webhook configured (Notifications:Discord:WebhookUrl)", "Discord", ct);
        var webhook = SendTestAsync(_webhook, alert, "no webhook configured (Notifications:Webhook:Url)", "Webhook", ct);
        return await Task.WhenAll(discord, webhook).ConfigureAwait(false);
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Configured.Any())
        {
            try
            {
                await using var context = await _db.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
                var state = await RiskStateStore.ReadAsync(context, cancellationToken).ConfigureAwait(false);
                _state = CircuitBreaker.Name(state?.State ?? TradingState.Active);
                _stateReason = state?.Reason;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Without it the first change is still told, against "active".
                LogStateUnread(_logger, ex);
            }

            // The handler never waits: the event is queued and written up in the background.
            _subscription = _events.Subscribe(e =>
            {
                if (Wanted(e))
                {
                    _pending.Writer.TryWrite(e);
                }

                return Task.CompletedTask;
            });
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        _pending.Writer.TryComplete();
        foreach (var destination in Configured)
        {
            destination.Queue.Writer.TryComplete();
        }

        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _subscription?.Dispose();
        _discord?.Dispose();
        _webhook?.Dispose();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Configured.Any())
        {
            return Task.CompletedTask;
        }

        return Task.WhenAll(Configured.Select(d => DeliverAsync(d, stoppingToken)).Prepend(ComposeAsync(stoppingToken)));
    }

    private bool Wanted(DeskEvent deskEvent) => deskEvent switch
    {
        ProposalCreated => _options.Proposals,
        ProposalChanged { Status: ProposalStatus.Executed } => _options.Fills,
        RiskStateChanged => true, // followed even when not told, so the next change is told against the right state
        CycleCompleted => _options.SitOut,
        _ => false,
    };

    private async Task ComposeAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var deskEvent in _pending.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                try
                {
                    if (await ComposeAsync(deskEvent, ct).ConfigureAwait(false) is { } alert)
                    {
                        Enqueue(alert);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    LogComposeFailed(_logger, ex, deskEvent.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task<Alert?> ComposeAsync(DeskEvent deskEvent, CancellationToken ct)
    {
        switch (deskEvent)
        {
            case ProposalCreated created:
                return await _composer.ProposalAsync(created, ct).ConfigureAwait(false);
            case ProposalChanged changed:
                return await _composer.FillAsync(changed, ct).ConfigureAwait(false);
            case CycleCompleted completed:
                return await _composer.SitOutAsync(completed, ct).ConfigureAwait(false);
            case RiskStateChanged risk:
                {
                    // A preset or limit change republishes the same state: only a move (or a new reason for a halt) is told.
                    var previous = _state;
                    var changed = risk.State != previous || (risk.State == "halted" && risk.Reason != _stateReason);
                    _state = risk.State;
                    _stateReason = risk.Reason;
                    return changed && _options.Breaker ? _composer.TradingState(risk, previous) : null;
                }

            default:
                return null;
        }
    }

    private async Task DeliverAsync(AlertDestination destination, CancellationToken ct)
    {
        try
        {
            await foreach (var alert in destination.Queue.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                try
                {
                    var lease = await destination.Limiter.AcquireAsync(1, ct).ConfigureAwait(false);
                    AlertOutcome outcome;
                    try
                    {
                        outcome = await _delivery.PostAsync(destination, alert, ct).ConfigureAwait(false);
                    }
                    finally
                    {
                        destination.Hold(lease);
                    }

                    Record(destination, alert, outcome);
                }
                finally
                {
                    destination.Done();
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: what is still queued is not sent.
        }
    }

    private async Task<AlertTestResult> SendTestAsync(AlertDestination? destination, Alert alert, string missing, string name, CancellationToken ct)
    {
        if (destination is null)
        {
            return new AlertTestResult(name, null, false, missing);
        }

        // A test takes its turn within the pace like any alert, but does not queue behind a backlog.
        var lease = destination.Limiter.AttemptAcquire(1);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            var busy = new AlertOutcome(false, string.Create(CultureInfo.InvariantCulture, $"not sent: {_options.MaxPerMinute} alerts went to {name} in the last minute (Notifications:MaxPerMinute); try again in a minute"));
            Record(destination, alert, busy);
            return new AlertTestResult(name, destination.Host, false, busy.Text);
        }

        AlertOutcome outcome;
        try
        {
            outcome = await _delivery.PostAsync(destination, alert, ct).ConfigureAwait(false);
        }
        finally
        {
            destination.Hold(lease);
        }

        Record(destination, alert, outcome);
        return new AlertTestResult(name, destination.Host, outcome.Sent, outcome.Text);
    }

    private void Record(AlertDestination destination, Alert alert, AlertOutcome outcome)
    {
        var entry = new SentAlert(_time.GetUtcNow(), alert.Kind, alert.Title, destination.Name, outcome.Sent, outcome.Text);
        ImmutableInterlocked.Update(ref _recent, list => list.Insert(0, entry) is var added && added.Count > RecentCapacity ? added.RemoveAt(RecentCapacity) : added);
        if (outcome.Sent)
        {
            LogSent(_logger, alert.KindName, destination.Name, destination.Host);
        }
        else
        {
            LogFailed(_logger, alert.KindName, destination.Name, destination.Host, outcome.Text);
        }

        try
        {
            Recorded?.Invoke(this, EventArgs.Empty);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A page that went away must not stop the alerts.
            LogListenerFailed(_logger, ex);
        }
    }

    private AlertDestination? Destination(string name, string setting, string? value, bool discord) =>
        AlertOptions.IsSet(value) && Uri.TryCreate(value!.Trim(), UriKind.Absolute, out var url)
            ? new AlertDestination(name, setting, url, discord, _options.MaxPerMinute, _time, (d, alert) => LogAlertDropped(_logger, alert.KindName, d.Name, d.Host))
            : null;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Alert {Kind} sent to {Destination} ({Host})")]
    private static partial void LogSent(ILogger logger, string kind, string destination, string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {Kind} not sent to {Destination} ({Host}): {Reason}")]
    private static partial void LogFailed(ILogger logger, string kind, string destination, string host, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {Kind} dropped: {Destination} ({Host}) has too many alerts waiting")]
    private static partial void LogAlertDropped(ILogger logger, string kind, string destination, string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A desk event ({EventType}) was dropped before its alert was written: too many waiting")]
    private static partial void LogEventDropped(ILogger logger, string eventType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The alert for {EventType} could not be written")]
    private static partial void LogComposeFailed(ILogger logger, Exception ex, string eventType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The trading state could not be read at start; its first change is told against active")]
    private static partial void LogStateUnread(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A listener to sent alerts failed")]
    private static partial void LogListenerFailed(ILogger logger, Exception ex);
}
