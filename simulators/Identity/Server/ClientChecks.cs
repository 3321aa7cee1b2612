using OpenIddict.Server;
using TrayBridge.IdentitySimulator.Clients;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace TrayBridge.IdentitySimulator.Server;

/// <summary>In degraded mode OpenIddict checks no client: these handlers do, before anything else runs, so an error is
/// never redirected to an unregistered URI. The descriptions are Portuguese without accents: OAuth 2.0 allows only
/// ASCII in <c>error_description</c>.</summary>
public static class ClientChecks
{
    // Before OpenIddict's own validation handlers.
    private const int First = int.MinValue + 50_000;

    public static void Register(OpenIddictServerBuilder options, ClientRegistry clients)
    {
        options.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
        {
            if (!clients.Exists(context.ClientId))
                context.Reject(Errors.InvalidClient, "Cliente desconhecido.");
            else if (!clients.AllowsRedirect(context.ClientId, context.Request.RedirectUri))
                context.Reject(Errors.InvalidRequest, "O redirect_uri nao esta registrado para este cliente.");
            else if (context.Request.CodeChallengeMethod is { } method && method != CodeChallengeMethods.Sha256)
                context.Reject(Errors.InvalidRequest, "Use code_challenge_method=S256.");
            return default;
        }).SetOrder(First));

        options.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
        {
            // Every client is confidential: no secret, or a wrong one, is refused.
            if (!clients.SecretMatches(context.ClientId, context.ClientSecret))
                context.Reject(Errors.InvalidClient, "Cliente ou segredo do cliente invalido.");
            return default;
        }).SetOrder(First));

        options.AddEventHandler<ValidateEndSessionRequestContext>(handler => handler.UseInlineHandler(context =>
        {
            if (context.PostLogoutRedirectUri is { } uri && !clients.AllowsPostLogoutRedirect(context.ClientId, uri))
                context.Reject(Errors.InvalidRequest, "O post_logout_redirect_uri nao esta registrado.");
            return default;
        }).SetOrder(First));
    }
}
