using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace KalshiDesk.Sandbox.Tests.Auth;

/// <summary>Hand-made requests to a Sandbox: headers set exactly as a test wants them, signed or not, right or wrong.</summary>
internal static class SignedRequests
{
    /// <summary>Base64 RSA-PSS (SHA-256, salt = digest length) of <paramref name="message"/>, written from Kalshi's docs, not the desk's signer.</summary>
    public static string Sign(string privateKeyPem, string message, RSASignaturePadding? padding = null)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(privateKeyPem);
        return Convert.ToBase64String(rsa.SignData(Encoding.UTF8.GetBytes(message), HashAlgorithmName.SHA256, padding ?? RSASignaturePadding.Pss));
    }

    public static string Millis(DateTimeOffset time) => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>Sends <paramref name="method"/> <paramref name="pathAndQuery"/> (from the host root) with exactly the headers given.</summary>
    public static async Task<(int Status, JsonElement Body, HttpResponseHeaders Headers)> SendAsync(
        SandboxServer server, string method, string pathAndQuery, string? keyId, string? timestamp, string? signature, string? json = null)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(server.BaseUrl, pathAndQuery));
        if (keyId is not null)
        {
            request.Headers.TryAddWithoutValidation("KALSHI-ACCESS-KEY", keyId);
        }

        if (timestamp is not null)
        {
            request.Headers.TryAddWithoutValidation("KALSHI-ACCESS-TIMESTAMP", timestamp);
        }

        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("KALSHI-ACCESS-SIGNATURE", signature);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return ((int)response.StatusCode, document.RootElement.Clone(), response.Headers);
    }

    /// <summary>Asserts Kalshi's 401: <c>{"error":{"code":"token_authentication_failure","message",details,"service"}}</c>.</summary>
    public static void AssertRefused(int status, JsonElement body, string reason, string mentions)
    {
        Assert.Equal(401, status);
        var error = body.GetProperty("error");
        Assert.Equal("token_authentication_failure", error.Text("code"));
        Assert.Equal(reason, error.Text("details"));
        Assert.Equal("exchange", error.Text("service"));
        Assert.Contains(mentions, error.Text("message"), StringComparison.Ordinal);
    }
}
