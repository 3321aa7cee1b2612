using MassTransit;
using TrayBridge.Contracts;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.ServiceDefaults.Messaging;

/// <summary>Stamps the ambient tenant on every outgoing message and refuses to send one tenant's message from another's context.</summary>
public sealed class TenantSendFilter<T>(TenantContext tenant) : IFilter<SendContext<T>>, IFilter<PublishContext<T>> where T : class
{
    public Task Send(SendContext<T> context, IPipe<SendContext<T>> next)
    {
        Stamp(context);
        return next.Send(context);
    }

    public Task Send(PublishContext<T> context, IPipe<PublishContext<T>> next)
    {
        Stamp(context);
        return next.Send(context);
    }

    private void Stamp(SendContext<T> context)
    {
        var fromMessage = (context.Message as ITenantMessage)?.TenantId;
        var fromHeader = context.Headers.Get<string>(TenantClaims.Header);
        var resolved = fromHeader ?? tenant.TenantId ?? fromMessage;
        if (resolved is null) return;
        if ((fromMessage is not null && fromMessage != resolved) || (tenant.TenantId is not null && tenant.TenantId != resolved))
            throw new TenantMismatchException($"A {typeof(T).Name} for another tenant cannot be sent from this tenant's context.");
        context.Headers.Set(TenantClaims.Header, resolved);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("tenant-send");
}

/// <summary>Restores the tenant of an incoming message into the consumer's scope; a message whose body names
/// another tenant than its header is refused.</summary>
public sealed class TenantConsumeFilter<T>(TenantContext tenant) : IFilter<ConsumeContext<T>> where T : class
{
    public Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var fromHeader = context.Headers.Get<string>(TenantClaims.Header);
        var fromMessage = (context.Message as ITenantMessage)?.TenantId;
        if (fromHeader is not null && fromMessage is not null && fromHeader != fromMessage)
            throw new TenantMismatchException($"{typeof(T).Name} {context.MessageId}: tenant header and body disagree.");
        if ((fromHeader ?? fromMessage) is { } id) tenant.Set(id);
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("tenant-consume");
}
