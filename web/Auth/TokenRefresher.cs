using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace TrayBridge.Web.Auth;

/// <summary>Refreshes the access token kept in the cookie a minute before it expires, with the refresh token, so the API
/// never sees an expired token from a live session. A refused refresh (revoked at sign-out, or the user disabled) ends
/// the session: the next page asks to sign in again.</summary>
public sealed class TokenRefresher(IOptionsMonitor<OpenIdConnectOptions> oidcOptions, TimeProvider time, ILogger<TokenRefresher> logger)
{
    private static readonly TimeSpan Ahead = TimeSpan.FromMinutes(1);

    public async Task ValidateOrRefreshAsync(CookieValidatePrincipalContext context)
    {
        var expiresAt = context.Properties.GetTokenValue("expires_at");
        if (!DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires)) return;
        if (time.GetUtcNow() + Ahead < expires) return;

        var options = oidcOptions.Get(OpenIdConnectDefaults.AuthenticationScheme);
        var refreshToken = context.Properties.GetTokenValue("refresh_token");
        var configuration = await options.ConfigurationManager!.GetConfigurationAsync(context.HttpContext.RequestAborted);
        using var response = refreshToken is null ? null : await options.Backchannel.PostAsync(configuration.TokenEndpoint,
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["client_id"] = options.ClientId!,
                ["client_secret"] = options.ClientSecret ?? "",
                ["refresh_token"] = refreshToken,
            }), context.HttpContext.RequestAborted);
        if (response is not { IsSuccessStatusCode: true })
        {
            logger.LogInformation("Access token refresh refused ({Status}); the session ends.", (int?)response?.StatusCode);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        var message = new OpenIdConnectMessage(await response.Content.ReadAsStringAsync(context.HttpContext.RequestAborted));
        context.Properties.UpdateTokenValue("access_token", message.AccessToken);
        if (!string.IsNullOrEmpty(message.RefreshToken)) context.Properties.UpdateTokenValue("refresh_token", message.RefreshToken);
        if (!string.IsNullOrEmpty(message.IdToken)) context.Properties.UpdateTokenValue("id_token", message.IdToken);
        var seconds = int.TryParse(message.ExpiresIn, CultureInfo.InvariantCulture, out var s) ? s : 300;
        context.Properties.UpdateTokenValue("expires_at", time.GetUtcNow().AddSeconds(seconds).ToString("o", CultureInfo.InvariantCulture));
        context.ShouldRenew = true;
        logger.LogInformation("Access token refreshed; it expires in {Seconds} s.", seconds);
    }
}
