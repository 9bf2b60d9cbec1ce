using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace KalshiDesk.Sandbox.Api;

/// <summary>Kalshi's paging: <c>limit</c> (default 100, at most 1000) and an opaque <c>cursor</c>, "" when there is no next page.</summary>
internal static class Paging
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>Reads <c>limit</c>: absent or 0 means the default.</summary>
    public static bool TryLimit(HttpRequest request, out int limit, out ApiError? error, int defaultLimit = DefaultLimit, int maxLimit = MaxLimit)
    {
        error = null;
        limit = defaultLimit;
        var text = request.Query["limit"].ToString();
        if (text.Length == 0)
        {
            return true;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > maxLimit)
        {
            error = ApiError.InvalidParameter("limit", $"must be a whole number from 1 to {maxLimit.ToString(CultureInfo.InvariantCulture)}");
            return false;
        }

        limit = value == 0 ? defaultLimit : value;
        return true;
    }

    /// <summary>The cursor names the key the previous page ended on; clients treat it as opaque.</summary>
    public static string Encode(string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(key));

    public static bool TryCursor(HttpRequest request, out string? key, out ApiError? error)
    {
        key = null;
        error = null;
        var text = request.Query["cursor"].ToString();
        if (text.Length == 0)
        {
            return true;
        }

        try
        {
            key = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text));
            return true;
        }
        catch (FormatException)
        {
            error = ApiError.InvalidParameter("cursor", "is not a cursor this exchange issued");
            return false;
        }
    }

    /// <summary>An offset cursor for lists that are not keyed (orders, fills, trades).</summary>
    public static bool TryOffset(HttpRequest request, out int offset, out ApiError? error)
    {
        offset = 0;
        if (!TryCursor(request, out var key, out error))
        {
            return false;
        }

        if (key is not null && !int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
        {
            error = ApiError.InvalidParameter("cursor", "is not a cursor this exchange issued");
            return false;
        }

        return true;
    }

    public static string NextOffset(int offset, int taken, bool more) =>
        more ? Encode((offset + taken).ToString(CultureInfo.InvariantCulture)) : string.Empty;

    /// <summary>A comma-separated query value as a set, or null when absent.</summary>
    public static HashSet<string>? List(HttpRequest request, string name)
    {
        var values = request.Query[name];
        if (values.Count == 0)
        {
            return null;
        }

        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            foreach (var item in (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                set.Add(item);
            }
        }

        return set.Count > 0 ? set : null;
    }

    public static string? Text(HttpRequest request, string name)
    {
        var value = request.Query[name].ToString();
        return value.Length == 0 ? null : value;
    }

    public static bool Flag(HttpRequest request, string name) =>
        string.Equals(request.Query[name].ToString(), "true", StringComparison.OrdinalIgnoreCase);
}
