using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.ServiceDefaults.Relay;

namespace TrayBridge.ServiceDefaults.Retention;

public static class RetentionExtensions
{
    /// <summary>The runner and the rules every service has: processed-message marks, finished due work, published relay events.</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration, ServiceStore store)
    {
        services.AddSingleton(new RetentionSettings(configuration));
        services.AddHostedService<RetentionRunner>();
        var schema = store.Schema;
        // A mark must outlive any redelivery of its message (seconds to minutes: broker redelivery, a relay re-publish after a crash).
        services.AddRetentionRule(configuration, "ProcessedMessages", TimeSpan.FromDays(14),
            $"{schema}.mt_doc_processedmessage", "mt_last_modified < $1");
        services.AddRetentionRule(configuration, "DueWorkDone", TimeSpan.FromDays(7), $"{schema}.due_work", "status = 'done' and finished_at < $1");
        // Failed items wait for someone to look at them (and maybe set them back to pending): kept longer.
        services.AddRetentionRule(configuration, "DueWorkFailed", TimeSpan.FromDays(30), $"{schema}.due_work", "status = 'failed' and finished_at < $1");
        // The event store is only the relay's outbox (no projection, no aggregate reads a stream): an event the relay has
        // passed is no longer needed. Unpublished events stay however old; no relay progress yet means nothing goes.
        services.AddRetentionRule(configuration, "RelayEvents", TimeSpan.FromDays(7), $"{schema}.mt_events",
            $"""
            timestamp < $1 and seq_id <= coalesce((select min(last_seq_id) from {schema}.mt_event_progression
                                                    where name like '{IntegrationEventRelay.SubscriptionName}%'), 0)
            """);
        return services;
    }

    /// <summary>A rule whose age is <c>Retention:&lt;name&gt;</c> (a TimeSpan, e.g. <c>7.00:00:00</c>), or the default.</summary>
    public static IServiceCollection AddRetentionRule(this IServiceCollection services, IConfiguration configuration, string name,
        TimeSpan defaultKeepFor, string table, string where) =>
        services.AddSingleton(new RetentionRule(name, table, where, new RetentionSettings(configuration).KeepFor(name, defaultKeepFor)));
}
