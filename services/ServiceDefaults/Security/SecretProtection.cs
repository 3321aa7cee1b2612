using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using TrayBridge.ServiceDefaults.Persistence;

namespace TrayBridge.ServiceDefaults.Security;

public static class SecretProtection
{
    /// <summary>ASP.NET Data Protection for secrets at rest (Tray codes and tokens): keys in the service's PostgreSQL schema,
    /// themselves encrypted with the PKCS#12 certificate at <c>DataProtection:CertificatePath</c> — on Linux, keys are
    /// otherwise written in clear. <c>DataProtection:CreateCertificateIfMissing</c> (development and compose only) makes a
    /// self-signed one there, to be kept on a volume: losing it loses every protected secret.</summary>
    public static IServiceCollection AddSecretProtection(this IServiceCollection services, IConfiguration configuration, string applicationName)
    {
        var section = configuration.GetSection("DataProtection");
        var path = section["CertificatePath"];
        if (string.IsNullOrWhiteSpace(path))
            throw new InvalidOperationException("DataProtection:CertificatePath is missing: the PKCS#12 certificate that encrypts the key ring.");
        var password = section["CertificatePassword"] is { Length: > 0 } p ? p : null;
        if (!File.Exists(path) && section.GetValue<bool>("CreateCertificateIfMissing")) CreateSelfSigned(path, password);
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        services.AddDataProtection()
            .SetApplicationName(applicationName)
            .ProtectKeysWithCertificate(certificate)
            .UnprotectKeysWithAnyCertificate(certificate);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new PostgresXmlRepository(provider.GetRequiredService<NpgsqlDataSource>(),
                provider.GetRequiredService<ServiceStore>().Schema)));
        return services;
    }

    public static void CreateSelfSigned(string path, string? password)
    {
        using var key = RSA.Create(3072);
        var request = new CertificateRequest("CN=TrayBridge data protection (development)", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        try
        {
            // CreateNew: when two replicas start together, the second keeps the first one's certificate.
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.None);
            file.Write(certificate.Export(X509ContentType.Pkcs12, password));
        }
        catch (IOException) when (File.Exists(path)) { }
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
