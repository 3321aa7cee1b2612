using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace TrayBridge.ServiceDefaults.Security;

/// <summary>Unguessable, opaque tokens for the anonymous routes (product images, DANFE/XML links). A token is the
/// authenticated encryption (AES-256-GCM) of <c>purpose \n tenant \n resource</c>, padded, so nobody holding the link can
/// read whose it is or which note or picture it names. The nonce is an HMAC of the plaintext (synthetic IV, as in
/// AES-SIV): the same resource always gets the same token, so a link handed to Tray never changes and nothing needs storing,
/// and no two plaintexts share a nonce. Any changed byte, or another purpose, fails verification alike (no oracle).
/// Links live for years (Tray keeps them): revocation is decided by the owner of the resource after verification
/// (a note's links revoked, a picture removed: 410), and the key must not change while links are out.</summary>
public sealed class SignedUrls(AuthSettings settings)
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const int PadTo = 32;

    private readonly byte[] _legacyKey = Encoding.UTF8.GetBytes(settings.UrlSigningKey);
    private readonly byte[] _encryptionKey = Derive(settings.UrlSigningKey, "traybridge-link-encryption-v2");
    private readonly byte[] _nonceKey = Derive(settings.UrlSigningKey, "traybridge-link-nonce-v2");

    public string Sign(string tenantId, string purpose, string resourceId)
    {
        var plain = Padded(Encoding.UTF8.GetBytes($"{purpose}\n{tenantId}\n{resourceId}"));
        var token = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = token.AsSpan(0, NonceBytes);
        HMACSHA256.HashData(_nonceKey, plain).AsSpan(0, NonceBytes).CopyTo(nonce);
        using var aes = new AesGcm(_encryptionKey, TagBytes);
        aes.Encrypt(nonce, plain, token.AsSpan(NonceBytes, plain.Length), token.AsSpan(NonceBytes + plain.Length), Encoding.UTF8.GetBytes(purpose));
        return WebEncoders.Base64UrlEncode(token);
    }

    /// <summary>The tenant and resource a token was made for, or null when it was not made by us for this purpose.
    /// Tokens of the first format (<c>base64url(tenant \n purpose \n resource).HMAC</c>, readable) were handed to Tray
    /// before links became opaque and must keep working for as long as Tray keeps them: they are verified as they always
    /// were, and the caller applies the same revocation to both.</summary>
    public (string TenantId, string ResourceId)? Verify(string token, string purpose) =>
        token.Contains('.') ? VerifyLegacy(token, purpose) : Open(token, purpose);

    private (string, string)? Open(string token, string purpose)
    {
        byte[] bytes;
        try
        {
            bytes = WebEncoders.Base64UrlDecode(token);
        }
        catch (FormatException)
        {
            return null;
        }
        var length = bytes.Length - NonceBytes - TagBytes;
        // Only the canonical spelling is ours: re-encoding must give the token back, character for character.
        if (length <= 0 || length % PadTo != 0 || WebEncoders.Base64UrlEncode(bytes) != token) return null;
        var plain = new byte[length];
        try
        {
            using var aes = new AesGcm(_encryptionKey, TagBytes);
            aes.Decrypt(bytes.AsSpan(0, NonceBytes), bytes.AsSpan(NonceBytes, length), bytes.AsSpan(NonceBytes + length), plain,
                Encoding.UTF8.GetBytes(purpose));
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        // The nonce must be the one this plaintext gives: one token per resource, no re-encryptions of it.
        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_nonceKey, plain).AsSpan(0, NonceBytes), bytes.AsSpan(0, NonceBytes)))
            return null;
        var fields = Encoding.UTF8.GetString(plain).TrimEnd('\0').Split('\n');
        return fields.Length == 3 && fields[0] == purpose ? (fields[1], fields[2]) : null;
    }

    private (string, string)? VerifyLegacy(string token, string purpose)
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
        // Compared whole against a fresh signature, so non-canonical base64 spellings fail too.
        var expected = Encoding.UTF8.GetBytes(LegacySign(fields[0], purpose, fields[2]));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(token)) ? (fields[0], fields[2]) : null;
    }

    /// <summary>The first, readable format; kept only to verify links already handed out (and for tests that prove they still work).</summary>
    public string LegacySign(string tenantId, string purpose, string resourceId)
    {
        var payload = Encoding.UTF8.GetBytes($"{tenantId}\n{purpose}\n{resourceId}");
        return $"{WebEncoders.Base64UrlEncode(payload)}.{WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_legacyKey, payload))}";
    }

    // Padding hides the length of the tenant id and of the resource id within a block.
    private static byte[] Padded(byte[] plain)
    {
        var padded = new byte[(plain.Length / PadTo + 1) * PadTo];
        plain.CopyTo(padded, 0);
        return padded;
    }

    private static byte[] Derive(string key, string label) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(key), 32, info: Encoding.UTF8.GetBytes(label));
}
