using TrayBridge.TrayConnector.Tray.Health;

namespace TrayBridge.TrayConnector.Features.Operations;

/// <summary>The platform's operation disabled this store: no Tray call goes out for it, not even a token refresh. Background
/// work is parked like a backing-off store's (a <see cref="TrayStoreBackingOffException"/>: deferred, never failed, never
/// an attempt) until <see cref="StoreOperations.DisabledRecheck"/> later, and enabling the store brings it back at once;
/// a person's request answers 423 (<see cref="Tray.TrayProblems.For"/>).</summary>
public sealed class StoreDisabledException(string storeId, StoreOperation operation, DateTimeOffset retryAt)
    : TrayStoreBackingOffException(storeId, new StoreHealth(operation.DisabledAt!.Value, 0, retryAt, Describe(operation)), Describe(operation))
{
    public StoreOperation Operation { get; } = operation;

    /// <summary>What the tenant reads, and what parked work's <c>last_error</c> starts with (enabling finds it by this).</summary>
    public static string Describe(StoreOperation operation) => $"{Prefix}: {operation.DisabledReason}";

    public const string Prefix = "Desativada pela operação";
}
