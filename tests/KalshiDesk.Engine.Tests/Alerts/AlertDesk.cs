using System.Security.Cryptography;
using KalshiDesk.Data.Entities;
using KalshiDesk.Domain.Proposals;
using KalshiDesk.Engine.Alerts;
using KalshiDesk.Engine.Events;
using KalshiDesk.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KalshiDesk.Engine.Tests.Alerts;

/// <summary>
/// A desk (Engine, SQLite, fake exchange, fake clock) with alerts on, sending to a loopback receiver that stands in for
/// Discord and a webhook; the sender runs as the app runs it, in the background.
/// </summary>
internal sealed class AlertDesk : IAsyncDisposable
{
    public const string KalshiKeyId = "7c3e9a41-5b2d-4f08-9e6a-d1c2b3a4f5e6";
    /// <summary>A real key: services that sign Kalshi requests load it at resolution.</summary>
    public static readonly string KalshiPrivateKey = NewKey();

    /// <summary>A line of the key's body, the kind of text that must never leave the desk.</summary>
    public static readonly string KalshiPrivateKeyBody = KalshiPrivateKey.Split('\n')[3];
    public const string PublicUrl = "https://desk.example.com/";

    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private AlertDesk(EngineHarness desk, AlertReceiver receiver, DiscordRedirect.Wire wire, CapturedLogs logs)
    {
        Desk = desk;
        Receiver = receiver;
        Wire = wire;
        Logs = logs;
        Sender = desk.Get<AlertSender>();
    }

    public EngineHarness Desk { get; }

    public AlertReceiver Receiver { get; }

    public DiscordRedirect.Wire Wire { get; }

    public CapturedLogs Logs { get; }

    public AlertSender Sender { get; }

    public DateTimeOffset Now => Desk.Time.GetUtcNow();

    /// <summary>Both destinations, links to <see cref="PublicUrl"/>, a Kalshi key configured; <paramref name="settings"/> on top.</summary>
    public static async Task<AlertDesk> StartAsync(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var receiver = await AlertReceiver.StartAsync();
        var wire = new DiscordRedirect.Wire(receiver.BaseUrl);
        var logs = new CapturedLogs();
        var all = new Dictionary<string, string?>
        {
            ["Notifications:Discord:WebhookUrl"] = AlertReceiver.DiscordUrl,
            ["Notifications:Webhook:Url"] = receiver.WebhookUrl,
            ["Notifications:PublicUrl"] = PublicUrl,
            ["Kalshi:KeyId"] = KalshiKeyId,
            ["Kalshi:PrivateKey"] = KalshiPrivateKey,
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var desk = await EngineHarness.WithFakeAsync(
            new FakeExchange(),
            services: s =>
            {
                s.AddDeskAlerts();
                s.AddHttpClient(AlertServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(() => new DiscordRedirect(wire));
                s.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
                services?.Invoke(s);
            },
            settings: all);
        receiver.Clock = desk.Time;
        var alerts = new AlertDesk(desk, receiver, wire, logs);
        await alerts.Sender.StartAsync(CancellationToken.None);
        return alerts;
    }

    public Task PublishAsync(DeskEvent deskEvent) => Desk.Get<IDeskEvents>().PublishAsync(deskEvent);

    /// <summary>
    /// Waits until <paramref name="done"/> holds, moving the fake clock a <paramref name="step"/> (default a second) at a
    /// time while no request is on the wire.
    /// </summary>
    public Task AdvanceUntil(Func<bool> done, string because, TimeSpan? step = null) =>
        Eventually.Until(
            () =>
            {
                if (done())
                {
                    return true;
                }

                if (Wire.InFlight == 0)
                {
                    Desk.Time.Advance(step ?? TimeSpan.FromSeconds(1));
                }

                return false;
            },
            Wait,
            because);

    /// <summary>Waits until the sender has recorded <paramref name="count"/> outcomes at <paramref name="destination"/>.</summary>
    public Task Answered(string destination, int count, TimeSpan? step = null) =>
        AdvanceUntil(() => Sender.Recent.Count(r => r.Destination == destination) >= count, $"{count} alert(s) answered at {destination}", step);

    /// <summary>A pending proposal as the cycle stores it: 44 YES at $0.55, edge 0.0927, $24.20 + $0.77 fee.</summary>
    public async Task<ProposalEntity> ProposeAsync(string ticker = "KXHIGHNY-26NOV24-T60", ProposalStatus status = ProposalStatus.Pending)
    {
        var now = Now;
        var id = Guid.NewGuid();
        var proposal = new ProposalEntity
        {
            Id = id,
            CycleId = Guid.NewGuid(),
            CreatedAt = now,
            ExpiresAt = now.AddMinutes(10),
            Ticker = ticker,
            EventTicker = ticker[..ticker.LastIndexOf('-')],
            Title = "Will the high temp in NYC be >60° on Nov 24, 2026?",
            Category = "Climate and Weather",
            Side = "yes",
            ProbabilityYes = 0.66,
            MarketProbabilityYes = 0.58,
            Price = 0.55m,
            Contracts = 44m,
            Cost = 24.20m,
            Fee = 0.77m,
            FeePerContract = 0.0175m,
            Edge = 0.0927,
            KellyFraction = 0.2142,
            Preset = "balanced",
            GatesPassed = "market open|minimum edge|max single trade",
            Status = status,
            ClientOrderId = $"kd-{id}",
        };
        await using var context = await Desk.Db.CreateDbContextAsync();
        context.Proposals.Add(proposal);
        await context.SaveChangesAsync();
        return proposal;
    }

    private static string NewKey()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    }

    public async ValueTask DisposeAsync()
    {
        await Sender.StopAsync(CancellationToken.None);
        await Desk.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
