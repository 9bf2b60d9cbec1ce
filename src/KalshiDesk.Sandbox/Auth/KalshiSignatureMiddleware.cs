using KalshiDesk.Sandbox.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace KalshiDesk.Sandbox.Auth;

/// <summary>
/// After routing: endpoints marked <see cref="RequiresKalshiSignature"/> (the <c>/portfolio</c> routes, <c>/account/limits</c>,
/// the WebSocket upgrade) answer 401 unless the request is signed with a registered key. Elsewhere a signature is optional:
/// one that verifies names the caller (for its rate limits), one that does not is ignored, as public routes need none.
/// </summary>
internal sealed class KalshiSignatureMiddleware(RequestDelegate next, KalshiSignatureVerifier verifier)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var required = context.GetEndpoint()?.Metadata.GetMetadata<RequiresKalshiSignature>() is not null;
        var headers = context.Request.Headers;
        if (required || headers.ContainsKey(KalshiAuthHeaders.Key))
        {
            var (keyId, failure) = verifier.Verify(
                headers[KalshiAuthHeaders.Key],
                headers[KalshiAuthHeaders.Timestamp],
                headers[KalshiAuthHeaders.Signature],
                context.Request.Method,
                SignedPath(context));
            if (keyId is not null)
            {
                SandboxCaller.SetKeyId(context, keyId);
            }
            else if (required)
            {
                await failure!.ToApiError().ToResult().ExecuteAsync(context).ConfigureAwait(false);
                return;
            }
        }

        await next(context).ConfigureAwait(false);
    }

    /// <summary>The path as the client sent it (escapes and all, as it signed it), without the query string.</summary>
    internal static string SignedPath(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw))
        {
            return (context.Request.PathBase + context.Request.Path).ToUriComponent();
        }

        // An absolute-form target ("http://host/path") signs just its path.
        if (!raw.StartsWith('/') && Uri.TryCreate(raw, UriKind.Absolute, out var absolute))
        {
            return absolute.AbsolutePath;
        }

        return KalshiSignatureVerifier.StripQuery(raw);
    }
}
