using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace KalshiDesk.Sandbox.Auth;

/// <summary>
/// Checks Kalshi's request signature: KALSHI-ACCESS-SIGNATURE is Base64 of an RSA-PSS signature (SHA-256, MGF1 SHA-256,
/// salt length = digest length) of <c>KALSHI-ACCESS-TIMESTAMP + METHOD + path</c>, the path from the API root
/// (<c>/trade-api/v2/...</c>, or <c>/trade-api/ws/v2</c> for the WebSocket) without the query string, made with the private
/// half of the registered key KALSHI-ACCESS-KEY; the timestamp (Unix milliseconds) must be within the window of the exchange's clock.
/// </summary>
internal sealed class KalshiSignatureVerifier(SandboxKeyRegistry keys, TimeProvider time, TimeSpan window)
{
    public TimeSpan Window => window;

    /// <summary>The key id the request was signed with, or why it is refused.</summary>
    public (string? KeyId, AuthFailure? Failure) Verify(string? keyId, string? timestamp, string? signature, string method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        var missing = new List<string>(3);
        if (string.IsNullOrEmpty(keyId))
        {
            missing.Add(KalshiAuthHeaders.Key);
        }

        if (string.IsNullOrEmpty(timestamp))
        {
            missing.Add(KalshiAuthHeaders.Timestamp);
        }

        if (string.IsNullOrEmpty(signature))
        {
            missing.Add(KalshiAuthHeaders.Signature);
        }

        if (missing.Count > 0)
        {
            return Refuse(
                AuthFailure.MissingHeaders,
                $"authentication required: the {string.Join(", ", missing)} header{(missing.Count > 1 ? "s are" : " is")} missing; sign the request with your API key (KALSHI-ACCESS-KEY, KALSHI-ACCESS-TIMESTAMP, KALSHI-ACCESS-SIGNATURE)");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var timestampMs))
        {
            return Refuse(AuthFailure.MalformedTimestamp, $"KALSHI-ACCESS-TIMESTAMP '{Shorten(timestamp!)}' is not a Unix time in milliseconds (digits only, e.g. 1704067200000)");
        }

        if (!keys.TryGet(keyId!, out var key))
        {
            return Refuse(AuthFailure.UnknownKey, $"KALSHI-ACCESS-KEY '{Shorten(keyId!)}' is not a key this exchange knows; sign with the Sandbox's demo key or register yours (Sandbox:KeyId and Sandbox:PublicKey)");
        }

        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var windowMs = (long)window.TotalMilliseconds;
        if (timestampMs < nowMs - windowMs || timestampMs > nowMs + windowMs)
        {
            return Refuse(AuthFailure.TimestampOutsideWindow, OutsideWindow(timestampMs, nowMs, windowMs));
        }

        var bytes = new byte[signature!.Length];
        if (!Convert.TryFromBase64String(signature, bytes, out var length))
        {
            return Refuse(AuthFailure.InvalidSignature, "KALSHI-ACCESS-SIGNATURE is not Base64");
        }

        var message = Encoding.UTF8.GetBytes(string.Concat(timestamp, method.ToUpperInvariant(), StripQuery(path)));
        bool valid;
        try
        {
            valid = key.VerifyData(message, bytes.AsSpan(0, length), HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        }
        catch (CryptographicException)
        {
            valid = false;
        }

        return valid
            ? (keyId, null)
            : Refuse(
                AuthFailure.InvalidSignature,
                $"KALSHI-ACCESS-SIGNATURE does not verify with key '{keyId}': sign timestamp + METHOD + path (with /trade-api/v2, without the query string), RSA-PSS with SHA-256 and salt length = digest length, Base64-encoded");
    }

    /// <summary>"/trade-api/v2/portfolio/orders?limit=5" → "/trade-api/v2/portfolio/orders".</summary>
    public static string StripQuery(string pathAndQuery)
    {
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? pathAndQuery : pathAndQuery[..query];
    }

    private static (string?, AuthFailure?) Refuse(string reason, string message) => (null, new AuthFailure(reason, message));

    private static string OutsideWindow(long timestampMs, long nowMs, long windowMs)
    {
        var off = (timestampMs - nowMs) / 1000.0;
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"KALSHI-ACCESS-TIMESTAMP {timestampMs} is {Math.Abs(off):0.###} s {(off < 0 ? "behind" : "ahead of")} the exchange's clock ({nowMs}); it must be within ±{windowMs / 1000.0:0.###} s");

        // A timestamp in seconds is the usual slip.
        return timestampMs < 100_000_000_000 && Math.Abs((timestampMs * 1000) - nowMs) <= Math.Max(windowMs, 60_000)
            ? text + ": it looks like seconds; send milliseconds"
            : text + ": check the computer's clock";
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
