using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace TrayBridge.Invoicing.Features.Sefaz;

/// <summary>Which SEFAZ TLS servers are trusted: the OS store, plus the anchors in <c>Invoicing:SefazTrustAnchors</c>
/// (certificate files, PEM or DER) — ICP-Brasil's roots are not in Debian's store, so they are configured, not assumed.</summary>
public sealed class SefazTrust(IOptions<InvoicingSettings> settings)
{
    private readonly Lazy<X509Certificate2Collection> _anchors = new(() =>
        [.. settings.Value.SefazTrustAnchors.Select(X509CertificateLoader.LoadCertificateFromFile)]);

    public bool Validate(X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None) return true;
        // A wrong host name or no certificate is never excused; only the chain may end in a configured anchor.
        if (certificate is null || errors != SslPolicyErrors.RemoteCertificateChainErrors || _anchors.Value.Count == 0) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_anchors.Value);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var server = new X509Certificate2(certificate);
        return chain.Build(server);
    }
}
