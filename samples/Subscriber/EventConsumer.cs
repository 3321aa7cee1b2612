using MassTransit;
using TrayBridge.Contracts;

namespace TrayBridge.Samples.Subscriber;

/// <summary>Delivery is at least once: the same event can arrive twice (TrayBridge re-publishes after a crash), always with
/// the same MessageId. Record it by that id first; only the first arrival does the work. The tenant is in the message and
/// in the <c>TenantId</c> header: they must agree, or the message is refused (it ends in this queue's <c>_error</c>).</summary>
public sealed class EventConsumer<T>(ReceivedEvents received, ILogger<EventConsumer<T>> logger) : IConsumer<T> where T : class, ITenantMessage
{
    public async Task Consume(ConsumeContext<T> context)
    {
        var tenant = context.Message.TenantId;
        if (context.Headers.Get<string>("TenantId") is { } header && header != tenant)
            throw new InvalidOperationException($"{typeof(T).Name} {context.MessageId}: the TenantId header and the message disagree.");
        var messageId = context.MessageId ?? throw new InvalidOperationException($"{typeof(T).Name} without a MessageId.");
        if (!await received.RecordAsync(messageId, typeof(T).Name, tenant, context.CancellationToken))
        {
            logger.LogInformation("{Event} {MessageId} of tenant {Tenant} arrived again: already handled", typeof(T).Name, messageId, tenant);
            return;
        }
        // Your work goes here, idempotent by MessageId as above (in the same transaction as the record, in a real system).
        logger.LogInformation("{Event} {MessageId} of tenant {Tenant} handled", typeof(T).Name, messageId, tenant);
    }
}
