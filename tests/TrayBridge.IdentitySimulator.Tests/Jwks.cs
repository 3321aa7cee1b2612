using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

[assembly: AssemblyFixture(typeof(TrayBridge.IdentitySimulator.Tests.IdentityHost))]

namespace TrayBridge.IdentitySimulator.Tests;

/// <summary>Checks a token as a TrayBridge host would: against the keys the simulator publishes, RS256 only.</summary>
public static class Jwks
{
    public static async Task<JsonWebToken> ValidateAsync(IdentityHost identity, string token, string audience = "traybridge")
    {
        using var http = identity.Http();
        var keys = new JsonWebKeySet(await http.GetStringAsync(".well-known/jwks", TestContext.Current.CancellationToken)).GetSigningKeys();
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = identity.BaseAddress.ToString(),
            ValidAudience = audience,
            IssuerSigningKeys = keys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        return (JsonWebToken)result.SecurityToken;
    }
}
