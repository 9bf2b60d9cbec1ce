using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace KalshiDesk.Engine.Alerts;

/// <summary>
/// Posts one alert to one destination through the <c>alerts</c> HttpClient, whose resilience handler retries what is
/// transient (5xx, timeouts, dropped connections). A 429 is waited out here, as long as the destination asks
/// (Discord's <c>retry_after</c>, or <c>Retry-After</c>); any other 4xx is final. Nothing it returns or logs holds the URL.
/// </summary>
internal sealed partial class AlertDelivery(IHttpClientFactory http, AlertSecrets secrets, TimeProvider time, ILogger<AlertDelivery> logger)
{
    /// <summary>Sends of one alert answered 429 before it is given up.</summary>
    public const int MaxRateLimitedAttempts = 5;

    /// <summary>A 429 asking for a longer wait than this is given up at once.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(10);

    /// <summary>The wait after a 429 that says nothing of how long.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(2);

    public async Task<AlertOutcome> PostAsync(AlertDestination destination, Alert alert, CancellationToken ct)
    {
        var body = destination.IsDiscord ? AlertPayloads.Discord(alert, secrets) : AlertPayloads.Webhook(alert, secrets);
        var client = http.CreateClient(AlertServiceCollectionExtensions.HttpClientName);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, destination.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.UserAgent.ParseAdd("KalshiDesk");
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                return new AlertOutcome(false, secrets.Scrub($"{destination.Name} could not be reached: {Describe(ex)}"));
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    return AlertOutcome.Delivered;
                }

                var answered = $"{destination.Name} answered {(int)response.StatusCode} {Reason(response)}";
                if (response.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    return new AlertOutcome(false, answered);
                }

                var wait = await RetryAfterAsync(response, ct).ConfigureAwait(false);
                if (attempt >= MaxRateLimitedAttempts)
                {
                    return new AlertOutcome(false, string.Create(CultureInfo.InvariantCulture, $"{answered} {attempt} times; given up"));
                }

                if (wait > LongestWait)
                {
                    return new AlertOutcome(false, string.Create(CultureInfo.InvariantCulture, $"{answered} and asked to wait {wait.TotalSeconds:0} s; given up"));
                }

                LogRateLimited(logger, destination.Name, destination.Host, wait.TotalSeconds);
                await Task.Delay(wait, time, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>How long a 429 asks to wait: Discord's <c>retry_after</c> (seconds, in the body), else <c>Retry-After</c>, else 2 s.</summary>
    internal async Task<TimeSpan> RetryAfterAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            if (text.Length > 0)
            {
                using var json = JsonDocument.Parse(text);
                if (json.RootElement.ValueKind == JsonValueKind.Object
                    && json.RootElement.TryGetProperty("retry_after", out var seconds)
                    && seconds.ValueKind == JsonValueKind.Number
                    && seconds.GetDouble() is var value and >= 0 and < 86_400)
                {
                    return TimeSpan.FromSeconds(value);
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: the header says how long, if anything does.
        }

        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            }

            if (retryAfter.Date is { } date)
            {
                var until = date - time.GetUtcNow();
                return until < TimeSpan.Zero ? TimeSpan.Zero : until;
            }
        }

        return DefaultWait;
    }

    private static string Reason(HttpResponseMessage response) =>
        string.IsNullOrWhiteSpace(response.ReasonPhrase) ? response.StatusCode.ToString() : response.ReasonPhrase;

    private static string Describe(Exception ex) => ex switch
    {
        TimeoutRejectedException timeout => string.Create(CultureInfo.InvariantCulture, $"no answer within {timeout.Timeout.TotalSeconds:0} s"),
        BrokenCircuitException => "too many failures in a row; sending pauses for a while",
        HttpRequestException { InnerException: { } inner } request => $"{request.Message} ({inner.Message})",
        _ => ex.Message,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "{Destination} ({Host}) asked the desk to slow down; the alert is sent again in {Seconds} s")]
    private static partial void LogRateLimited(ILogger logger, string destination, string host, double seconds);
}
