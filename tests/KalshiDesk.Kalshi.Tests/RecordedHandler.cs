using System.Net;
using System.Text;

namespace KalshiDesk.Kalshi.Tests;

/// <summary>Answers requests from recorded payloads keyed by path and query, and remembers what was asked.</summary>
internal sealed class RecordedHandler : HttpMessageHandler
{
    private readonly Dictionary<string, (HttpStatusCode Status, string Body)> _responses = new(StringComparer.Ordinal);

    public List<HttpRequestMessage> Requests { get; } = [];

    public List<string?> Bodies { get; } = [];

    public RecordedHandler On(string pathAndQuery, string body, HttpStatusCode status = HttpStatusCode.OK)
    {
        _responses[pathAndQuery] = (status, body);
        return this;
    }

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public KalshiClient Client() =>
        new(new HttpClient(this) { BaseAddress = new Uri("https://external-api.kalshi.com/trade-api/v2/") }, TimeProvider.System);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        Bodies.Add(request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken));
        var key = request.RequestUri!.PathAndQuery;
        return _responses.TryGetValue(key, out var response)
            ? new HttpResponseMessage(response.Status) { Content = new StringContent(response.Body, Encoding.UTF8, "application/json") }
            : new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent($"{{\"error\":{{\"code\":\"not_found\",\"message\":\"no recording for {key}\"}}}}") };
    }
}
