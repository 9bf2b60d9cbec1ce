using System.Net;
using System.Text;

namespace KalshiDesk.Kalshi.Tests.Resilience;

/// <summary>Answers each request with the next scripted step, and counts what arrived.</summary>
internal sealed class ScriptedHandler(params Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>[] steps) : HttpMessageHandler
{
    private int _calls;

    public int Calls => _calls;

    public List<HttpRequestMessage> Requests { get; } = [];

    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Respond(HttpStatusCode status, string body) =>
        (_, _) => Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });

    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Hang() =>
        async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        };

    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Reset() =>
        (_, _) => throw new HttpRequestException("Connection reset by peer", new IOException("reset"));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add(request);
        }

        var index = Interlocked.Increment(ref _calls) - 1;
        return steps[Math.Min(index, steps.Length - 1)](request, cancellationToken);
    }
}
