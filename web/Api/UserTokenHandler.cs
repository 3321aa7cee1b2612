using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;

namespace TrayBridge.Web.Api;

/// <summary>Puts the signed-in user's access token on each API call. Pages render on the server within the user's own
/// request (static and streaming rendering), so the request's cookie session is at hand; it holds the token, already
/// refreshed by <see cref="Auth.TokenRefresher"/> when it was about to expire.</summary>
public sealed class UserTokenHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext is { } context && await TokenOfAsync(context) is { Length: > 0 } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken);
    }

    // A page may call the API several times at once: the session is read (and its token refreshed) once per request,
    // the calls sharing that one read, never authenticating the same request concurrently.
    private static Task<string?> TokenOfAsync(HttpContext context)
    {
        lock (context.Items)
        {
            if (context.Items[typeof(UserTokenHandler)] is not Task<string?> token)
                context.Items[typeof(UserTokenHandler)] = token = context.GetTokenAsync("access_token");
            return token;
        }
    }
}
