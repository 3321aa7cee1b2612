using System.Security.Cryptography;
using System.Text;

namespace TrayBridge.Invoicing.IntegrationTests;

/// <summary>The first, readable link format, <c>base64url(tenant \n purpose \n note).base64url(HMAC-SHA256)</c>, as it
/// was handed to Tray before links became opaque: such links must keep working, and be revoked like the others.</summary>
public static class OldLinks
{
    public static string Token(InvoicingFixture fixture, string tenantId, string purpose, Guid noteId)
    {
        static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var payload = Encoding.UTF8.GetBytes($"{tenantId}\n{purpose}\n{noteId}");
        return $"{Base64Url(payload)}.{Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(fixture.Tokens.UrlSigningKey), payload))}";
    }

    public static string Url(InvoicingFixture fixture, string tenantId, Guid noteId, string document) =>
        $"{fixture.Invoicing.BaseAddress}public/invoicing/nfes/{Token(fixture, tenantId, document == "xml" ? "invoicing-nfe-xml" : "invoicing-nfe-danfe", noteId)}/{document}";
}
