using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Npgsql;
using TrayBridge.ServiceDefaults.Security;

namespace TrayBridge.Web.Auth;

/// <summary>What the panel keeps, shared by its replicas in PostgreSQL (schema <c>web</c>, the panel's own; it never reads a
/// service's): its Data Protection key ring (session cookies, anti-forgery tokens), encrypted with the certificate at
/// <c>DataProtection:CertificatePath</c>, and the sign-in sessions (<see cref="PostgresSessionStore"/>). Without a
/// database (a bare development run) both stay in this process.</summary>
public static class PanelStorage
{
    public const string Schema = "web";

    public static IServiceCollection AddPanelStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var builder = services.AddDataProtection().SetApplicationName("TrayBridge.Web");
        var connectionString = configuration.GetConnectionString("postgres");
        var path = configuration["DataProtection:CertificatePath"];
        if (string.IsNullOrWhiteSpace(connectionString) || string.IsNullOrWhiteSpace(path))
            return services.UseSessionStore(new MemorySessionStore());

        var password = configuration["DataProtection:CertificatePassword"] is { Length: > 0 } p ? p : null;
        if (!File.Exists(path) && configuration.GetValue<bool>("DataProtection:CreateCertificateIfMissing"))
            SecretProtection.CreateSelfSigned(path, password);
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        var dataSource = NpgsqlDataSource.Create(connectionString);
        CreateTables(dataSource);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new PostgresXmlRepository(dataSource, Schema)));
        services.AddSingleton(provider => new PostgresSessionStore(dataSource, provider.GetRequiredService<IDataProtectionProvider>()));
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<PostgresSessionStore>((cookie, store) => cookie.SessionStore = store);
        return services;
    }

    private static IServiceCollection UseSessionStore(this IServiceCollection services, MemorySessionStore store)
    {
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure(cookie => cookie.SessionStore = store);
        return services;
    }

    private static void CreateTables(NpgsqlDataSource dataSource)
    {
        using var command = dataSource.CreateCommand(
            $"create schema if not exists {Schema}; " +
            $"create table if not exists {Schema}.{PostgresXmlRepository.Table} (friendly_name text primary key, xml text not null); " +
            PostgresSessionStore.CreateTableSql);
        try { command.ExecuteNonQuery(); }
        // Two replicas starting together may both create: the loser finds the winner's tables.
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable
                                              or PostgresErrorCodes.DuplicateSchema) { }
    }
}
