using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;

namespace KalshiDesk.Kalshi;

/// <summary>Requests with bodies, query strings and cursor paging shared by the REST areas.</summary>
public sealed partial class KalshiClient
{
    /// <summary>Sends <paramref name="body"/> (if any) as snake_case JSON; works for DELETE with a body, which HttpClient has no shortcut for.</summary>
    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = NewRequest(method, path, body);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        return await ReadAsync<T>(response, path, ct).ConfigureAwait(false);
    }

    /// <summary>For endpoints that answer <c>{}</c>: only the status matters.</summary>
    private async Task SendAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = NewRequest(method, path, body);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            var (code, message) = ParseError(text, response.StatusCode);
            throw new KalshiApiException(response.StatusCode, code, message, path);
        }
    }

    private static HttpRequestMessage NewRequest(HttpMethod method, string path, object? body) => new(method, path)
    {
        Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: KalshiJson.Options),
    };

    /// <summary>Every page of a cursor-paged endpoint; stops on an empty cursor and refuses a repeated one.</summary>
    /// <param name="pathFor">The request path for a cursor (null on the first page).</param>
    private async IAsyncEnumerable<TPage> PagesAsync<TPage>(
        Func<string?, string> pathFor,
        Func<TPage, string?> cursorOf,
        [EnumeratorCancellation] CancellationToken ct)
    {
        string? cursor = null;
        var seenCursors = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var page = await GetAsync<TPage>(pathFor(cursor), ct).ConfigureAwait(false);
            yield return page;
            cursor = cursorOf(page) is { Length: > 0 } next ? next : null;
            if (cursor is not null && !seenCursors.Add(cursor))
            {
                throw new KalshiDataException("cursor", null, $"the exchange returned cursor '{cursor}' twice; paging stopped to avoid a loop");
            }
        }
        while (cursor is not null);
    }

    /// <summary>
    /// <paramref name="path"/> with the parameters that have values, in the order given, escaped.
    /// </summary>
    private static string Query(string path, params (string Name, string? Value)[] parameters)
    {
        var url = new StringBuilder(path);
        var separator = '?';
        foreach (var (name, value) in parameters)
        {
            if (!string.IsNullOrEmpty(value))
            {
                url.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
                separator = '&';
            }
        }

        return url.ToString();
    }

    private static string? UnixSeconds(DateTimeOffset? time) =>
        time?.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Segment(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        return Uri.EscapeDataString(value);
    }
}
