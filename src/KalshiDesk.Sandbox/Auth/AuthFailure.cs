using KalshiDesk.Sandbox.Api;
using Microsoft.AspNetCore.Http;

namespace KalshiDesk.Sandbox.Auth;

/// <summary>
/// Why a request's signature was refused. Kalshi answers every such refusal 401 with code
/// <c>token_authentication_failure</c>; the Sandbox keeps that code and says which check failed in
/// <c>details</c> (<see cref="Reason"/>) and, in words, in <c>message</c>.
/// </summary>
internal sealed record AuthFailure(string Reason, string Message)
{
    public const string Code = "token_authentication_failure";

    /// <summary>A KALSHI-ACCESS-* header is absent or empty.</summary>
    public const string MissingHeaders = "missing_auth_headers";

    /// <summary>KALSHI-ACCESS-TIMESTAMP is not a whole number of milliseconds.</summary>
    public const string MalformedTimestamp = "malformed_timestamp";

    /// <summary>KALSHI-ACCESS-TIMESTAMP is further from the exchange's clock than the signature window.</summary>
    public const string TimestampOutsideWindow = "timestamp_outside_window";

    /// <summary>KALSHI-ACCESS-KEY names no registered key.</summary>
    public const string UnknownKey = "unknown_api_key";

    /// <summary>KALSHI-ACCESS-SIGNATURE is not Base64 or does not verify.</summary>
    public const string InvalidSignature = "invalid_signature";

    public ApiError ToApiError() => new(StatusCodes.Status401Unauthorized, Code, Message, Reason);
}
