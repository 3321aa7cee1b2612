using System.Diagnostics;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using MassTransit;
using Marten;
using Marten.Subscriptions;
using Microsoft.Extensions.Logging;
using TrayBridge.Contracts;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.ServiceDefaults.Relay;

/// <summary>Publishes committed integration events to RabbitMQ. MessageId = event id, so a re-publish after a crash
/// (published, not yet checkpointed) is recognised by idempotent consumers; the trace of the request continues here.</summary>
public sealed class IntegrationEventRelay : SubscriptionBase
{
    public const string SubscriptionName = "relay";
    public static readonly ActivitySource Source = new("TrayBridge.Relay");

    private readonly IBus bus;
    private readonly RelayCrashHook crashHook;
    private readonly ILogger<IntegrationEventRelay> logger;

    public IntegrationEventRelay(IBus bus, RelayCrashHook crashHook, ILogger<IntegrationEventRelay> logger)
    {
        (this.bus, this.crashHook, this.logger) = (bus, crashHook, logger);
        Name = SubscriptionName;
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken cancellationToken)
    {
        foreach (var @event in page.Events)
        {
            if (@event.Data is not ITenantMessage message) continue;
            crashHook.Reach(RelayCrashHook.BeforePublish);
            ActivityContext.TryParse(@event.GetHeader(IntegrationEvents.TraceParentHeader)?.ToString(), null, out var parent);
            using var activity = Source.StartActivity($"relay {message.GetType().Name}", ActivityKind.Producer, parent);
            await bus.Publish(message, message.GetType(), context =>
            {
                context.MessageId = @event.Id;
                context.Headers.Set(TenantClaims.Header, @event.TenantId);
            }, cancellationToken);
            logger.LogDebug("Relayed {MessageType} {MessageId} (seq {Sequence})", message.GetType().Name, @event.Id, @event.Sequence);
        }
        crashHook.Reach(RelayCrashHook.AfterPublish);
        return NullChangeListener.Instance;
    }
}
