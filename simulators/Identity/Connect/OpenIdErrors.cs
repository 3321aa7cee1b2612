using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace TrayBridge.IdentitySimulator.Connect;

/// <summary>An OAuth error answered by OpenIddict in the protocol's own format (a redirect or a JSON error).</summary>
public static class OpenIdErrors
{
    public static IResult Forbid(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
