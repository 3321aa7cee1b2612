using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Npgsql;
using TrayBridge.ServiceDefaults.Security;

namespace TrayBridge.Web.Auth;

/// <summary>The panel's own Data Protection key ring (it protects the session cookie and the anti-forgery tokens), shared
/// by its replicas: in PostgreSQL (schema <c>web</c>, the panel's only table), encrypted with the certificate at
/// <c>DataProtection:CertificatePath</c>. Without a database (a bare development run) the keys stay in memory.</summary>
public static class PanelDataProtection
{
    public const string Schema = "web";

    public static IServiceCollection AddPanelDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var builder = services.AddDataProtection().SetApplicationName("TrayBridge.Web");
        var connectionString = configuration.GetConnectionString("postgres");
        var path = configuration["DataProtection:CertificatePath"];
        if (string.IsNullOrWhiteSpace(connectionString) || string.IsNullOrWhiteSpace(path)) return services;

        var password = configuration["DataProtection:CertificatePassword"] is { Length: > 0 } p ? p : null;
        if (!File.Exists(path) && configuration.GetValue<bool>("DataProtection:CreateCertificateIfMissing"))
            SecretProtection.CreateSelfSigned(path, password);
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        var dataSource = NpgsqlDataSource.Create(connectionString);
        EnsureTable(dataSource);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new PostgresXmlRepository(dataSource, Schema)));
        return services;
    }

    private static void EnsureTable(NpgsqlDataSource dataSource)
    {
        using var command = dataSource.CreateCommand(
            $"create schema if not exists {Schema}; create table if not exists {Schema}.{PostgresXmlRepository.Table} " +
            "(friendly_name text primary key, xml text not null)");
        command.ExecuteNonQuery();
    }
}
