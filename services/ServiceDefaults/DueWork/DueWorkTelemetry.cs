using System.Diagnostics;

namespace TrayBridge.ServiceDefaults.DueWork;

/// <summary>Each due item runs in a span of its own, so what it does (Tray calls, the activity it logs) has a trace id.
/// Work scheduled by a request or a message continues that trace (its <c>traceparent</c> is kept on the row); work
/// scheduled by other due work (a poll scheduling the next poll) starts a trace of its own, or a store's polls would make
/// one endless trace.</summary>
public static class DueWorkTelemetry
{
    public static readonly ActivitySource Source = new("TrayBridge.DueWork");

    /// <summary>The W3C <c>traceparent</c> to keep on a row scheduled now, or null.</summary>
    public static string? TraceParentToKeep()
    {
        if (Activity.Current is not { IdFormat: ActivityIdFormat.W3C } current) return null;
        var root = current;
        while (root.Parent is not null) root = root.Parent;
        return root.Source == Source ? null : current.Id;
    }

    public static Activity? Start(DueWorkItem item)
    {
        var parent = item.TraceParent is { } traceParent && ActivityContext.TryParse(traceParent, null, out var context) ? context : default;
        var span = Source.StartActivity($"due-work {item.Kind}", ActivityKind.Internal, parent);
        span?.SetTag("due_work.kind", item.Kind);
        span?.SetTag("due_work.id", item.Id.ToString());
        span?.SetTag("due_work.attempt", item.Attempt);
        return span;
    }
}
