using TrayBridge.Api.Tray;
using TrayBridge.TrayConnector.Features.Orders;
using TrayBridge.TrayConnector.Tray.Health;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.Stores;

/// <summary>A store as users see it (<see cref="VirtualStore"/>): never a code or a token; its status as a stable code,
/// a pt-BR label, Tray's reason and since when.</summary>
public static class StoreViews
{
    public const string TrayCommerce = "TrayCommerce";

    public static VirtualStore From(TrayStore s, DateTimeOffset now, TimeSpan warning, int? requestsToday = null)
    {
        var code = CodeOf(s.Status);
        return new(s.Id, TrayCommerce, s.ApiAddress, s.ApiHost, s.Status.ToString(), s.StatusReason, s.AccessExpiresAt, s.RefreshExpiresAt,
            s.RefreshExpiresAt - now <= warning, s.RegisteredAt, s.DailyLimit, requestsToday, code, StoreStatusCodes.Labels[code],
            s.StatusSince ?? s.RegisteredAt);
    }

    /// <summary>The view with how the store's orders are listed by date, from its polling state.</summary>
    public static VirtualStore WithOrderDates(this VirtualStore view, OrderPollState? poll) => view with
    {
        OrderDateQueries = poll?.DateRangeMisreading is null ? StoreOrderDateQueries.Range : StoreOrderDateQueries.OneDayAtATime,
        OrderDateQueriesSince = poll?.OneDayAtATimeSince,
    };

    /// <summary>The view with whether the store's Tray is failing (<see cref="TrayStoreHealth"/>).</summary>
    public static VirtualStore WithHealth(this VirtualStore view, StoreHealth? health) => health is null ? view : view with
    {
        TrayUnreachableSince = health.FailingSince, TrayLastError = health.LastError, TrayRetryAt = health.RetryAt,
    };

    /// <summary>The view with the platform operation's settings: its plan, and — when it disabled the store — that status,
    /// its reason and since when, above Tray's own ("Desativada pela operação: &lt;motivo&gt;").</summary>
    public static VirtualStore WithOperation(this VirtualStore view, Operations.StoreOperation? operation)
    {
        if (operation is null) return view;
        view = operation.DailyCalls is { } plan ? view with { DailyLimit = plan } : view;
        return operation.DisabledAt is { } at ? view with
        {
            StatusCode = StoreStatusCodes.DisabledByOperator, StatusLabel = StoreStatusCodes.Labels[StoreStatusCodes.DisabledByOperator],
            StatusReason = operation.DisabledReason, StatusSince = at,
        } : view;
    }

    public static string CodeOf(StoreStatus status) => status switch
    {
        StoreStatus.Connected => StoreStatusCodes.Connected,
        StoreStatus.NeedsReauthorization => StoreStatusCodes.ReauthorizationNeeded,
        StoreStatus.Blocked => StoreStatusCodes.Blocked,
        StoreStatus.Inactive => StoreStatusCodes.Inactive,
        _ => StoreStatusCodes.Cancelled,
    };
}
