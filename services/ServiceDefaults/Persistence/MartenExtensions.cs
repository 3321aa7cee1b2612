using JasperFx.CodeGeneration;
using JasperFx.Events.Daemon;
using JasperFx.MultiTenancy;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Relay;

namespace TrayBridge.ServiceDefaults.Persistence;

public static class MartenExtensions
{
    /// <summary>Marten from <c>ConnectionStrings:postgres</c>: conjoined multi-tenancy for documents and events (no default
    /// tenant), event headers on (they carry <c>traceparent</c> to the relay), and the relay as a HotCold subscription.</summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddServiceMarten(this IServiceCollection services,
        IConfiguration configuration, ServiceStore store, Action<StoreOptions>? configure = null)
    {
        var connectionString = configuration.GetConnectionString("postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:postgres is missing.");
        services.AddSingleton(store);
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        services.AddSingleton<RelayCrashHook>();
        var marten = services.AddMarten((StoreOptions options) =>
            {
                options.Connection(connectionString);
                options.DatabaseSchemaName = store.Schema;
                options.Events.DatabaseSchemaName = store.Schema;
                options.Events.TenancyStyle = TenancyStyle.Conjoined;
                options.Events.MetadataConfig.HeadersEnabled = true;
                options.Policies.AllDocumentsAreMultiTenanted();
                options.Projections.DaemonLockId = store.DaemonLockId;
                // Indexed on its write time: the retention sweep finds old marks by it.
                options.Schema.For<Messaging.ProcessedMessage>().IndexLastModified();
                options.AddDueWorkTable(store.Schema);
                configure?.Invoke(options);
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .AddSubscriptionWithServices<IntegrationEventRelay>(ServiceLifetime.Singleton)
            .AddAsyncDaemon(DaemonMode.HotCold);
        // Marten puts its own start, which applies the schema, first among the hosted services: the fill goes before it.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, ColumnBackfill>());
        return marten;
    }
}
