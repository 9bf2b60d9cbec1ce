using System.Collections.Concurrent;
using Bunit;
using Bunit.TestDoubles;
using KalshiDesk.Data;
using KalshiDesk.Engine.Alerts;
using KalshiDesk.Engine.Events;
using KalshiDesk.Web.Components.Pages.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace KalshiDesk.Web.Tests.Components;

/// <summary>
/// The alerts section of Settings over the real sender, sending over HTTP to a loopback server that answers for
/// Discord (401: a revoked webhook) and for the webhook (200).
/// </summary>
public sealed class AlertSettingsTests : IAsyncLifetime
{
    private const string DiscordToken = "Sx9kQ2vL7mN4pR8tW1yZ3bC6dF0gH5jKsettingstoken";
    private const string DiscordUrl = "https://discord.com/api/webhooks/112233445566778899/" + DiscordToken;
    private const string WebhookSecret = "wh-5f1c9e7a2b4d6f8091a3c5e7settingssecret";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private readonly BunitContext _bunit = new();
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kalshidesk-alert-settings-");
    private readonly BunitAuthorizationContext _auth;
    private readonly ConcurrentQueue<(string Path, string Body)> _received = new();
    private WebApplication _receiver = null!;

    public AlertSettingsTests()
    {
        _bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        _bunit.Services.AddMudServices();
        _auth = _bunit.AddAuthorization();
        SignIn("ada", "Viewer", "Trader", "Admin");
    }

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _receiver = builder.Build();
        _receiver.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            _received.Enqueue((context.Request.Path.Value ?? string.Empty, await reader.ReadToEndAsync()));
            context.Response.StatusCode = context.Request.Path.StartsWithSegments("/api/webhooks") ? 401 : 200;
        });
        await _receiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _receiver.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(true);
    }

    private Uri ReceiverUrl => new(_receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");

    private string WebhookUrl => new Uri(ReceiverUrl, "hooks/desk?secret=" + WebhookSecret).AbsoluteUri;

    [Fact]
    public void Render_ShowsEachDestinationByItsHostOnly_AndWhichAlertsAreOn()
    {
        Configure(new() { ["Notifications:Discord:WebhookUrl"] = DiscordUrl, ["Notifications:Webhook:Url"] = WebhookUrl, ["Notifications:PublicUrl"] = "https://desk.example.com", ["Notifications:Fills"] = "false" });

        var section = _bunit.Render<AlertSettings>();

        Assert.Equal("discord.com/…", Text(section, "Discord host"));
        Assert.Equal("127.0.0.1/…", Text(section, "Webhook host"));
        Assert.DoesNotContain(DiscordToken, section.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("112233445566778899", section.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(WebhookSecret, section.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("hooks/desk", section.Markup, StringComparison.Ordinal);
        Assert.Equal(
            ["New proposals: on", "Fills: off", "Halts and resumes: on", "Sit-outs: on", "Daily summary: on"],
            section.FindAll("[aria-label='Alert kinds'] .mud-chip").Select(c => c.GetAttribute("aria-label")));
        Assert.Equal("Links point at https://desk.example.com/.", Text(section, "Alert links"));
        Assert.Equal("At most 20 alerts a minute to each destination; the daily summary at 17:00 New York time.", Text(section, "Alert pace"));
        Assert.Equal("No alert has been sent since the desk started.", Text(section, "Latest alerts"));
    }

    [Fact]
    public void SendTest_AsAdmin_SendsToEachDestination_AndShowsWhatEachAnswered()
    {
        Configure(new() { ["Notifications:Discord:WebhookUrl"] = DiscordUrl, ["Notifications:Webhook:Url"] = WebhookUrl });
        var snackbars = _bunit.Render<MudSnackbarProvider>();
        var section = _bunit.Render<AlertSettings>();

        section.Find("button[aria-label='Send a test alert']").Click();

        section.WaitForAssertion(() => Assert.Equal("Discord (discord.com/…): Discord answered 401 Unauthorized", Text(section, "Test alert to Discord")), Wait);
        Assert.Equal("Webhook (127.0.0.1/…): sent", Text(section, "Test alert to Webhook"));
        snackbars.WaitForAssertion(() => Assert.Contains("Discord: Discord answered 401 Unauthorized", snackbars.Markup, StringComparison.Ordinal), Wait);
        Assert.Contains("Webhook: sent", snackbars.Markup, StringComparison.Ordinal);
        var rows = section.FindAll("[aria-label='Latest alerts'] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains("Test alert from KalshiDesk", StringComparison.Ordinal) && r.Contains("Discord answered 401 Unauthorized", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Webhook", StringComparison.Ordinal) && r.EndsWith("sent", StringComparison.Ordinal));
        Assert.DoesNotContain(DiscordToken, section.Markup + snackbars.Markup, StringComparison.Ordinal);

        // What went out: one POST each, the test alert, signed with who sent it.
        Assert.Equal(["/api/webhooks/112233445566778899/" + DiscordToken, "/hooks/desk"], _received.Select(r => r.Path).Order(StringComparer.Ordinal));
        Assert.All(_received, r => Assert.Contains("Test alert from KalshiDesk", r.Body, StringComparison.Ordinal));
        Assert.All(_received, r => Assert.Contains("Sent by ada", r.Body, StringComparison.Ordinal));
    }

    [Fact]
    public void Viewer_SeesTheDestinationsButNoSendTestButton()
    {
        Configure(new() { ["Notifications:Discord:WebhookUrl"] = DiscordUrl });
        SignIn("victor", "Viewer");

        var section = _bunit.Render<AlertSettings>();

        Assert.Empty(section.FindAll("button"));
        Assert.Equal("discord.com/…", Text(section, "Discord host"));
        Assert.Equal("not configured (Notifications:Webhook:Url)", Text(section, "Webhook host"));
    }

    [Fact]
    public void SendTest_NothingConfigured_SaysSoForEachDestination()
    {
        Configure([]);
        var section = _bunit.Render<AlertSettings>();

        section.Find("button[aria-label='Send a test alert']").Click();

        section.WaitForAssertion(() => Assert.Equal("Discord: no Discord webhook configured (Notifications:Discord:WebhookUrl)", Text(section, "Test alert to Discord")), Wait);
        Assert.Equal("Webhook: no webhook configured (Notifications:Webhook:Url)", Text(section, "Test alert to Webhook"));
        Assert.Equal("Notifications:PublicUrl is not set: alerts carry no link to the dashboard.", Text(section, "Alert links"));
        Assert.Empty(_received);
    }

    private static string Text(IRenderedComponent<AlertSettings> section, string label) =>
        section.Find($"[aria-label='{label}']").TextContent.Trim();

    private void SignIn(string name, params string[] policies) => _auth.SetAuthorized(name).SetPolicies(policies);

    /// <summary>The alert services as the app registers them, with Discord's host sent to the loopback receiver.</summary>
    private void Configure(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        _bunit.Services.AddSingleton<IConfiguration>(configuration);
        _bunit.Services.AddLogging();
        _bunit.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero)));
        _bunit.Services.AddSingleton<IDeskEvents>(new DeskEventBus(NullLogger<DeskEventBus>.Instance));
        _bunit.Services.AddSingleton(DeskDatabase.Parse("Data Source=desk.db", _directory.FullName));
        _bunit.Services.AddSingleton<IDbContextFactory<DeskDbContext>, DeskDbContextFactory>();
        _bunit.Services.AddDeskAlerts();
        var receiver = ReceiverUrl;
        _bunit.Services.AddHttpClient(AlertServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(() => new DiscordToReceiver(receiver));
    }

    /// <summary>Sends what is addressed to discord.com to the loopback receiver, path kept.</summary>
    private sealed class DiscordToReceiver(Uri receiver) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is { Host: "discord.com" } uri)
            {
                request.RequestUri = new Uri(receiver, uri.PathAndQuery.TrimStart('/'));
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
