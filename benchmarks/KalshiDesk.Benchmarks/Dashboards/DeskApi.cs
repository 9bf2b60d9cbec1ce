using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KalshiDesk.Benchmarks.Dashboards;

/// <summary>What the load script asks of the desk, through its REST API with the admin's bearer token.</summary>
internal sealed partial class DeskApi : IDisposable
{
    private readonly HttpClient _http;

    public DeskApi(Uri baseAddress, string token)
    {
        // Cookies for the jobs dashboard's antiforgery pair; everything else is the bearer token.
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public async Task<IReadOnlyList<PendingProposal>> PendingAsync(CancellationToken ct)
    {
        var rows = await _http.GetFromJsonAsync<JsonElement[]>(new Uri("api/proposals?status=pending", UriKind.Relative), ct).ConfigureAwait(false) ?? [];
        return [.. rows.Select(p => new PendingProposal(
            p.GetProperty("id").GetGuid(),
            p.GetProperty("ticker").GetString()!,
            p.GetProperty("side").GetString()!,
            p.TryGetProperty("route", out var route) ? route.GetString() ?? "taker" : "taker",
            p.GetProperty("createdAt").GetDateTimeOffset()))];
    }

    /// <summary>Approves; the answer's status ("executed" when it filled) and reason, and when the call returned.</summary>
    public async Task<(string Status, string? Reason, DateTimeOffset Returned)> ApproveAsync(Guid id, CancellationToken ct)
    {
        using var response = await _http.PostAsync(new Uri($"api/proposals/{id}/approve", UriKind.Relative), null, ct).ConfigureAwait(false);
        var returned = DateTimeOffset.UtcNow;
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return ("refused", body.TryGetProperty("detail", out var detail) ? detail.GetString() : response.StatusCode.ToString(), returned);
        }

        return (body.GetProperty("status").GetString()!, body.TryGetProperty("reason", out var reason) ? reason.GetString() : null, returned);
    }

    public async Task RejectAsync(Guid id, string reason, CancellationToken ct)
    {
        using var response = await _http.PostAsJsonAsync(new Uri($"api/proposals/{id}/reject", UriKind.Relative), new { reason }, ct).ConfigureAwait(false);

        // 409: it expired or was decided meanwhile; either way it is no longer pending.
        if (response.StatusCode != HttpStatusCode.Conflict)
        {
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>Open positions by id (<c>ticker:side</c>): contracts and when the position last changed (its last fill's time).</summary>
    public async Task<Dictionary<string, (decimal Contracts, DateTimeOffset UpdatedAt)>> PositionsAsync(CancellationToken ct)
    {
        var rows = await _http.GetFromJsonAsync<JsonElement[]>(new Uri("api/positions", UriKind.Relative), ct).ConfigureAwait(false) ?? [];
        return rows.ToDictionary(
            p => p.GetProperty("id").GetString()!,
            p => (p.GetProperty("contracts").GetDecimal(), p.GetProperty("updatedAt").GetDateTimeOffset()),
            StringComparer.Ordinal);
    }

    /// <summary>The last trading cycle's id and funnel from <c>GET /api/status</c> (<c>lastCycle</c>); null before the first.</summary>
    public async Task<(Guid Id, int Scanned, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt)?> LastCycleAsync(CancellationToken ct)
    {
        var status = await _http.GetFromJsonAsync<JsonElement>(new Uri("api/status", UriKind.Relative), ct).ConfigureAwait(false);
        if (!status.TryGetProperty("lastCycle", out var cycle) || cycle.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var finished = cycle.GetProperty("finishedAt");
        return (cycle.GetProperty("id").GetGuid(), cycle.GetProperty("scanned").GetInt32(), cycle.GetProperty("startedAt").GetDateTimeOffset(), finished.ValueKind == JsonValueKind.Null ? null : finished.GetDateTimeOffset());
    }

    public async Task SetRiskOverrideAsync(string limit, decimal value, CancellationToken ct)
    {
        using var response = await _http.PutAsJsonAsync(new Uri($"api/risk/overrides/{limit}", UriKind.Relative), new { value }, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"PUT /api/risk/overrides/{limit} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false)}");
        }
    }

    /// <summary>
    /// Runs the trading cycle now, as an admin does with "Trigger now" on the jobs dashboard (<c>/hangfire</c>): the page's
    /// antiforgery token (its csrf-header and csrf-token meta tags), then the form post. False when the dashboard refused.
    /// </summary>
    public async Task<bool> TriggerCycleAsync(CancellationToken ct)
    {
        var page = await _http.GetStringAsync(new Uri("hangfire/recurring", UriKind.Relative), ct).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("hangfire/recurring/trigger", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("jobs[]", "trading-cycle")]),
        };
        var header = AntiforgeryHeader().Match(page);
        var token = AntiforgeryToken().Match(page);
        if (header.Success && token.Success)
        {
            request.Headers.Add(WebUtility.HtmlDecode(header.Groups[1].Value), WebUtility.HtmlDecode(token.Groups[1].Value));
        }

        using var response = await _http.SendAsync(request, ct).ConfigureAwait(false);
        return response.IsSuccessStatusCode;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("<meta name=\"csrf-header\" content=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryHeader();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

internal sealed record PendingProposal(Guid Id, string Ticker, string Side, string Route, DateTimeOffset CreatedAt)
{
    public string PositionId => string.Create(CultureInfo.InvariantCulture, $"{Ticker}:{Side}");
}
