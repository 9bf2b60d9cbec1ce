using Microsoft.AspNetCore.Http;

namespace KalshiDesk.Sandbox.Auth;

/// <summary>Who sent a request: the key that signed it, if it was signed with a registered key; else its remote address.</summary>
internal static class SandboxCaller
{
    private static readonly object ItemKey = new();

    /// <summary>The key id whose signature on this request verified, or null.</summary>
    public static string? KeyId(HttpContext context) => context.Items.TryGetValue(ItemKey, out var value) ? value as string : null;

    public static void SetKeyId(HttpContext context, string keyId) => context.Items[ItemKey] = keyId;
}
