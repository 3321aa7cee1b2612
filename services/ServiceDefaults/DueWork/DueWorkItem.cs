using System.Text.Json;

namespace TrayBridge.ServiceDefaults.DueWork;

/// <summary>One leased piece of "do this later": its handler is chosen by <see cref="Kind"/>. <see cref="TraceParent"/> is the
/// trace it continues, when it has one (<see cref="DueWorkTelemetry"/>).</summary>
public sealed record DueWorkItem(Guid Id, string TenantId, string Kind, JsonElement Payload, int Attempt, string? TraceParent = null)
{
    public T PayloadAs<T>() => Payload.Deserialize<T>(JsonSerializerOptions.Web)
        ?? throw new InvalidOperationException($"Due work {Id} ({Kind}) has an empty payload.");
}

/// <summary>What a handler decided: finished, or try again at a given time (e.g. when Tray's budget refills).</summary>
public sealed record DueWorkOutcome(DateTimeOffset? RetryAt, string? Reason)
{
    public static readonly DueWorkOutcome Done = new(null, null);

    public static DueWorkOutcome Retry(DateTimeOffset at, string reason) => new(at, reason);
}

/// <summary>Thrown from anywhere below a handler when the work cannot go on before <see cref="RetryAt"/> and that is not
/// the item's fault (a budget, a store backing off): the runner parks the item until then and never marks it failed.</summary>
public class DueWorkDeferredException(DateTimeOffset retryAt, string message) : Exception(message)
{
    public DateTimeOffset RetryAt { get; } = retryAt;
}

public interface IDueWorkHandler
{
    string Kind { get; }

    Task<DueWorkOutcome> HandleAsync(DueWorkItem item, CancellationToken cancellationToken);
}
