using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using TrayBridge.IdentitySimulator.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace TrayBridge.IdentitySimulator.Connect;

/// <summary>The userinfo answer, with the claim names of the tokens.</summary>
public sealed record UserInfoResponse(
    [property: JsonPropertyName("sub")] string Subject,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("tenant_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TenantId,
    [property: JsonPropertyName("role")] IReadOnlyList<string> Roles);

public static class UserInfoEndpoint
{
    public static async Task<Results<Ok<UserInfoResponse>, ChallengeHttpResult>> HandleAsync(HttpContext http, UserDirectory users)
    {
        // OpenIddict has validated the access token already; the user may have gone since.
        var principal = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var user = users.Find(principal?.GetClaim(Claims.Subject));
        if (user is null)
            return TypedResults.Challenge(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "Usuario desconhecido.",
            }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        return TypedResults.Ok(new UserInfoResponse(user.Subject, user.Name, user.Email, user.TenantId is { Length: > 0 } tenant ? tenant : null, user.Roles));
    }
}
