using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace KalshiDesk.Sandbox.WebSockets;

/// <summary>
/// The Sandbox has no market UUIDs, but Kalshi's stream messages require <c>market_id</c>: a name-based UUID (SHA-256 of
/// the ticker, version 5 layout), so the same market always has the same id.
/// </summary>
internal static class MarketIds
{
    private static readonly ConcurrentDictionary<string, string> Known = new(StringComparer.Ordinal);

    public static string For(string ticker) => Known.GetOrAdd(ticker, Compute);

    private static string Compute(string ticker)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("kalshidesk-sandbox:" + ticker), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
