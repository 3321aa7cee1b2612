using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace TrayBridge.ServiceDefaults.Security;

/// <summary>Unguessable, tenant-scoped tokens for the anonymous routes (product images, DANFE/XML links):
/// <c>base64url(tenant \n purpose \n resource) . base64url(HMAC-SHA256)</c>. Any changed byte fails verification.</summary>
public sealed class SignedUrls(AuthSettings settings)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(settings.UrlSigningKey);

    public string Sign(string tenantId, string purpose, string resourceId)
    {
        var payload = Encoding.UTF8.GetBytes($"{tenantId}\n{purpose}\n{resourceId}");
        return $"{WebEncoders.Base64UrlEncode(payload)}.{WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, payload))}";
    }

    /// <summary>The tenant and resource a token was signed for, or null when it was not signed by us for this purpose.
    /// The token is compared whole against a fresh signature, so non-canonical base64 spellings fail too.</summary>
    public (string TenantId, string ResourceId)? Verify(string token, string purpose)
    {
        var dot = token.IndexOf('.');
        if (dot <= 0) return null;
        string[] fields;
        try
        {
            fields = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token[..dot])).Split('\n');
        }
        catch (FormatException)
        {
            return null;
        }
        if (fields.Length != 3 || fields[1] != purpose) return null;
        var expected = Encoding.UTF8.GetBytes(Sign(fields[0], purpose, fields[2]));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(token)) ? (fields[0], fields[2]) : null;
    }
}
