using System.Diagnostics;
using Marten;
using TrayBridge.Contracts;

namespace TrayBridge.ServiceDefaults.Persistence;

public static class IntegrationEvents
{
    public const string TraceParentHeader = "traceparent";

    /// <summary>Records an integration event in the same session (and so the same transaction) as the state change
    /// that causes it; the relay publishes it after commit. HTTP handlers never publish to the bus directly.</summary>
    public static void AppendIntegrationEvent(this IDocumentSession session, Guid streamId, ITenantMessage message)
    {
        if (message.TenantId != session.TenantId)
            throw new InvalidOperationException($"{message.GetType().Name} names tenant '{message.TenantId}' but the session is '{session.TenantId}'.");
        if (Activity.Current is { } activity)
            session.SetHeader(TraceParentHeader, activity.Id!);
        session.Events.Append(streamId, message);
    }
}
