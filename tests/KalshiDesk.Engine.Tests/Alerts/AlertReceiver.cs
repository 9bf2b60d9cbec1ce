using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KalshiDesk.Engine.Tests.Alerts;

/// <summary>
/// A real HTTP server on loopback standing in for Discord and a webhook: it records each POST (path, body, the desk's
/// clock at arrival, its answer) and answers with the next scripted reply for the path, or 204 (Discord) / 200.
/// </summary>
internal sealed class AlertReceiver : IAsyncDisposable
{
    public const string DiscordToken = "Sx9kQ2vL7mN4pR8tW1yZ3bC6dF0gH5jKdiscordsecret";
    public const string DiscordPath = "/api/webhooks/112233445566778899/" + DiscordToken;
    public const string WebhookSecret = "wh-5f1c9e7a2b4d6f8091a3c5e7webhooksecret";
    public const string WebhookPath = "/hooks/desk";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Answer>> _script = new(StringComparer.Ordinal);

    private AlertReceiver(WebApplication app) => _app = app;

    /// <summary>The clock arrivals are stamped with: the desk's, so a test compares them with its pace.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Discord's URL as configured: the redirect handler sends it here.</summary>
    public static string DiscordUrl => "https://discord.com" + DiscordPath;

    public string WebhookUrl => new Uri(BaseUrl, WebhookPath + "?secret=" + WebhookSecret).AbsoluteUri;

    public IReadOnlyList<Received> All => [.. _received];

    public IReadOnlyList<Received> Discord => [.. _received.Where(r => r.Path == DiscordPath)];

    public IReadOnlyList<Received> Webhook => [.. _received.Where(r => r.Path == WebhookPath)];

    public static async Task<AlertReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new AlertReceiver(app);
        app.Run(receiver.AnswerAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return receiver;
    }

    /// <summary>Scripts the next answers to <paramref name="path"/>, in order; after them, the default again.</summary>
    public void Then(string path, params Answer[] answers)
    {
        var queue = _script.GetOrAdd(path, _ => new ConcurrentQueue<Answer>());
        foreach (var answer in answers)
        {
            queue.Enqueue(answer);
        }
    }

    public static Answer Reply(int status, string body = "", params (string Name, string Value)[] headers) => new(status, body, headers);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var path = context.Request.Path.Value ?? string.Empty;
        var answer = _script.TryGetValue(path, out var queue) && queue.TryDequeue(out var next)
            ? next
            : Reply(path.StartsWith("/api/webhooks/", StringComparison.Ordinal) ? 204 : 200);

        // Recorded before the answer leaves, so whoever sees the answer sees the record.
        _received.Enqueue(new Received(path, context.Request.QueryString.Value ?? string.Empty, body, Clock.GetUtcNow(), answer.Status));
        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (answer.Body.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.Body);
        }
    }

    /// <summary>A scripted answer: status, JSON body, headers.</summary>
    public sealed record Answer(int Status, string Body, (string Name, string Value)[] Headers);

    /// <summary>One POST as it arrived, and what it was answered.</summary>
    public sealed record Received(string Path, string Query, string Body, DateTimeOffset At, int Status)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    }
}
